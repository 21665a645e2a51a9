-- Economic subjects (部门预算支出经济分类): the curated classification plus every code table 6
-- prints. basic_category: the class's side of the 人员经费/公用经费 split of basic expenditure.
with names as (
    select * from {{ ref('int_subject_names') }}
    where classification = 'economic'
),

categories as (
    select subject_code::varchar as subject_code, basic_category from {{ ref('economic_subjects') }}
)

select
    names.subject_code,
    any_value(names.subject_name) filter (where names.is_canonical) as subject_name,
    case length(names.subject_code) when 3 then 'class' else 'item' end as level,
    case when length(names.subject_code) = 5 then left(names.subject_code, 3) end as parent_code,
    any_value(categories.basic_category) as basic_category,
    list(names.subject_name order by names.subject_name) filter (where names.subject_name is not null) as subject_names,
    bool_or(names.is_curated) as is_curated
from names
left join categories on categories.subject_code = left(names.subject_code, 3)
group by names.subject_code
