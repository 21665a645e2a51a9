{{ incremental_fact_config() }}
-- Table 6 at the deepest economic subject printed (5-digit items; a class only when no item of
-- it is printed). category is the class's 人员经费/公用经费 split from seed economic_subjects,
-- else the printed column group.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

subject_rows as (
    select * from {{ ref('int_subject_rows') }}
    where is_deepest and table_no = 6
),

cells as (
    select document_id, row_key, amount
    from {{ ref('int_certain_cells') }}
    where table_no = 6 and column_key = 'amount'
),

classes as (
    select subject_code, basic_category from {{ ref('economic_subjects') }}
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    subject_rows.subject_code as economic_subject_code,
    coalesce(classes.basic_category, case when subject_rows.section = 'personnel' then 'personnel' else 'public' end)
        as category,
    cells.amount::decimal(20, 6) as amount,
    documents.loaded_at
from documents
join subject_rows using (document_id)
join cells
    on cells.document_id = subject_rows.document_id
    and cells.row_key = subject_rows.subject_code
left join classes on classes.subject_code = left(subject_rows.subject_code, 3)
