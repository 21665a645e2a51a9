-- Share of the 三公 expenses (actual) in basic expenditure (table 3 合计 基本支出), by department
-- and year, current documents only.
with three_public as (
    select document_id, sum(actual_amount) as three_public_actual
    from {{ ref('fct_three_public_expenses_current') }}
    group by document_id
)

select
    departments.department_name,
    summary.fiscal_year,
    three_public.three_public_actual,
    summary.basic_total,
    round(100 * three_public.three_public_actual / nullif(summary.basic_total, 0), 2) as three_public_share_pct
from {{ ref('fct_account_summary_current') }} as summary
join three_public using (document_id)
join {{ ref('dim_department') }} as departments using (department_id)
order by three_public_share_pct desc nulls last
