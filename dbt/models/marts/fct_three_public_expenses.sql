{{ incremental_fact_config() }}
-- Table 7: budget and actual of the four 三公 items (column keys mapped by seed
-- three_public_columns). An item printed on one side only is 0 on the other.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

columns_map as (
    select column_key, item, measure from {{ ref('three_public_columns') }}
),

cells as (
    select cells.document_id, columns_map.item, columns_map.measure, cells.amount
    from {{ ref('int_certain_cells') }} as cells
    join columns_map using (column_key)
    where cells.table_no = 7
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    cells.item,
    coalesce(sum(cells.amount) filter (where cells.measure = 'budget'), 0)::decimal(20, 6) as budget_amount,
    coalesce(sum(cells.amount) filter (where cells.measure = 'actual'), 0)::decimal(20, 6) as actual_amount,
    documents.loaded_at
from documents
join cells using (document_id)
group by all
