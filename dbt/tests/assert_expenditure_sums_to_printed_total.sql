{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'fct_expenditure'}}}) }}
-- The grain rule of the contract: per document and scope, the deepest rows of fct_expenditure sum
-- to the table's printed 合计, within the rounding band of n printed terms (n x 0.005). A published
-- document may itself be inconsistent, hence a warning (the dq checks locate such conflicts).
with facts as (
    select document_id, scope, sum(total_amount) as summed, count(*) as terms
    from {{ ref('fct_expenditure') }}
    group by all
),

printed as (
    select cells.document_id, scopes.scope, cells.amount as printed_total
    from {{ ref('int_certain_cells') }} as cells
    join {{ ref('expenditure_scopes') }} as scopes using (table_no)
    where cells.row_key = 'total' and cells.column_key = 'total'
)

select facts.*, printed.printed_total
from facts
join printed using (document_id, scope)
where abs(facts.summed - printed.printed_total) > facts.terms * 0.005
