-- One row per real department: those the analysts curated in seed department_aliases, and those
-- the documents revealed (see int_document_departments for the resolution rules).
with seeded as (
    select department_id, min(canonical_name) as department_name, min(nullif(region, '')) as region
    from {{ ref('department_aliases') }}
    group by department_id
),

resolved as (
    select * from {{ ref('int_document_departments') }}
),

-- the name of a department no seed names: the longest published form (the full name rather than
-- the short one), never a name matched only by similarity (a misprint), latest year first
revealed as (
    select
        department_id,
        first(published_name order by resolution = 'similarity', length(published_name) desc, fiscal_year desc nulls last, published_name)
            as department_name,
        first(region order by resolution = 'similarity', fiscal_year desc nulls last, region) as region
    from resolved
    where department_id not in (select department_id from seeded)
    group by department_id
),

departments as (
    select department_id, department_name, region from seeded
    union all
    select department_id, department_name, region from revealed
)

select
    departments.department_id,
    departments.department_name,
    departments.region,
    count(resolved.document_id) as document_count,
    min(resolved.fiscal_year) as first_fiscal_year,
    max(resolved.fiscal_year) as last_fiscal_year
from departments
left join resolved using (department_id)
group by all
