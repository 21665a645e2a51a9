{{ incremental_fact_config() }}
-- Table 2 at the deepest function subject printed, one row per income source cell printed.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

subject_rows as (
    select * from {{ ref('int_subject_rows') }}
    where is_deepest and table_no = 2
),

cells as (
    select document_id, row_key, column_key, amount
    from {{ ref('int_certain_cells') }}
    where table_no = 2 and column_key <> 'total'
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    subject_rows.subject_code as function_subject_code,
    cells.column_key as income_source,
    cells.amount::decimal(20, 6) as amount,
    documents.loaded_at
from documents
join subject_rows using (document_id)
join cells
    on cells.document_id = subject_rows.document_id
    and cells.row_key = subject_rows.subject_code
