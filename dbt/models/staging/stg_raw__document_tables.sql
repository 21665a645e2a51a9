select
    document_id,
    table_no,
    title,
    unit,
    present,
    declared_empty,
    nullif(empty_note, '') as empty_note,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'document_tables') }}
