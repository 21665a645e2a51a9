-- Departments whose share of procurement awarded to SMEs fell from one published year to the next.
with shares as (
    select
        department_id,
        fiscal_year,
        round(100 * sme_amount / nullif(total_amount, 0), 2) as sme_share_pct
    from {{ ref('fct_procurement_current') }}
),

compared as (
    select
        department_id,
        fiscal_year,
        sme_share_pct,
        lag(fiscal_year) over (partition by department_id order by fiscal_year) as previous_year,
        lag(sme_share_pct) over (partition by department_id order by fiscal_year) as previous_sme_share_pct
    from shares
)

select
    departments.department_name,
    compared.previous_year,
    compared.previous_sme_share_pct,
    compared.fiscal_year,
    compared.sme_share_pct,
    compared.sme_share_pct - compared.previous_sme_share_pct as change_pct_points
from compared
join {{ ref('dim_department') }} as departments using (department_id)
where compared.sme_share_pct < compared.previous_sme_share_pct
order by change_pct_points
