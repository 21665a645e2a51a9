-- Only cells whose column the parser is sure of feed the facts; the others are listed in
-- marts.ambiguous_cells.
select
    document_id,
    table_no,
    section,
    row_key,
    row_code,
    row_label,
    column_key,
    amount,
    line_start,
    page
from {{ ref('stg_raw__table_cells') }}
where certain
  and column_key is not null
