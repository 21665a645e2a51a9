-- One row per classification subject row printed in a table (function codes in tables 2/3/5/8/9,
-- economic codes in table 6), with whether it is the deepest printed: a row is a subtotal when a
-- longer code under it is printed in the same table of the same document. Facts keep only the
-- deepest rows, so they sum to the table's total without double counting.
with subject_rows as (
    select
        document_id,
        table_no,
        coalesce(row_code, row_key) as subject_code,
        max(section) as section,
        max(row_label) as row_label,
        bool_or(not certain) as has_ambiguous_cell,
        min(line_start) as line_start
    from {{ ref('stg_raw__table_cells') }}
    where table_no in (2, 3, 5, 6, 8, 9)
      and regexp_full_match(coalesce(row_code, row_key), '[0-9]{3}([0-9]{2}){0,2}')
    group by all
)

select
    subject_rows.*,
    not exists (
        select 1
        from subject_rows as deeper
        where deeper.document_id = subject_rows.document_id
          and deeper.table_no = subject_rows.table_no
          and length(deeper.subject_code) > length(subject_rows.subject_code)
          and starts_with(deeper.subject_code, subject_rows.subject_code)
    ) as is_deepest
from subject_rows
