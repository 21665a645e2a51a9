-- Spending per department by function class (类) across years: all funds (table 3), current
-- documents only; rows roll up to the class through dim_function_subject.
select
    departments.department_name,
    departments.region,
    facts.fiscal_year,
    subjects.class_code as function_class_code,
    classes.subject_name as function_class_name,
    sum(facts.total_amount) as total_amount,
    sum(facts.basic_amount) as basic_amount,
    sum(facts.project_amount) as project_amount
from {{ ref('fct_expenditure_current') }} as facts
join {{ ref('dim_function_subject') }} as subjects on subjects.subject_code = facts.function_subject_code
join {{ ref('dim_function_subject') }} as classes on classes.subject_code = subjects.class_code
join {{ ref('dim_department') }} as departments using (department_id)
where facts.scope = 'all_funds'
group by all
order by departments.department_name, function_class_code, facts.fiscal_year
