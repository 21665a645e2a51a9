{{ incremental_fact_config() }}
-- Table 3 (scope all_funds) and table 5 (general_public_budget) at the deepest function subject
-- printed. A blank basic/project cell of a printed row is 0 (the table has that column).
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

scopes as (
    select table_no, scope from {{ ref('expenditure_scopes') }}
),

subject_rows as (
    select * from {{ ref('int_subject_rows') }}
    where is_deepest and table_no in (select table_no from scopes)
),

cells as (
    select document_id, table_no, row_key, column_key, amount
    from {{ ref('int_certain_cells') }}
    where table_no in (select table_no from scopes)
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    scopes.scope,
    subject_rows.subject_code as function_subject_code,
    coalesce(sum(cells.amount) filter (where cells.column_key = 'total'), 0)::decimal(20, 6) as total_amount,
    coalesce(sum(cells.amount) filter (where cells.column_key = 'basic'), 0)::decimal(20, 6) as basic_amount,
    coalesce(sum(cells.amount) filter (where cells.column_key = 'project'), 0)::decimal(20, 6) as project_amount,
    subject_rows.has_ambiguous_cell,
    documents.loaded_at
from documents
join subject_rows using (document_id)
join scopes using (table_no)
left join cells
    on cells.document_id = subject_rows.document_id
    and cells.table_no = subject_rows.table_no
    and cells.row_key = subject_rows.subject_code
group by all
