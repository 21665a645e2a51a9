-- Cells the parser could not place in one column: they feed no fact; the candidates and the note
-- say what was possible and why.
select
    cells.document_id,
    documents.department_id,
    documents.fiscal_year,
    cells.table_no,
    cells.section,
    cells.row_key,
    cells.row_label,
    cells.printed,
    cells.amount,
    cells.candidates,
    cells.note,
    cells.line_start,
    cells.line_end,
    cells.page
from {{ ref('stg_raw__table_cells') }} as cells
left join {{ ref('dim_document') }} as documents using (document_id)
where not cells.certain or cells.column_key is null
