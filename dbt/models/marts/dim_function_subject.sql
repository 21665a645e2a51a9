-- Function subjects (支出功能分类): curated 类 plus every code the documents print.
with names as (
    select * from {{ ref('int_subject_names') }}
    where classification = 'function'
)

select
    subject_code,
    any_value(subject_name) filter (where is_canonical) as subject_name,
    case length(subject_code) when 3 then 'class' when 5 then 'section' else 'item' end as level,
    case length(subject_code) when 5 then left(subject_code, 3) when 7 then left(subject_code, 5) end as parent_code,
    left(subject_code, 3) as class_code,
    list(subject_name order by subject_name) filter (where subject_name is not null) as subject_names,
    bool_or(is_curated) as is_curated
from names
group by subject_code
