{{ incremental_fact_config() }}
-- Budget execution per function class (类) as the narrative states it. A class the document
-- states only per 款 or 项 (e.g. the 2024 Shanghai template) is the sum of its deepest stated
-- subjects, with stated_completion_rate NULL (no rate was printed for the class); the printed detail
-- stays in int_budget_execution_printed.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

printed as (
    select * from {{ ref('int_budget_execution_printed') }}
),

deepest_detail as (
    select *
    from printed
    where level <> 'class'
      and not exists (
          select 1 from printed as deeper
          where deeper.document_id = printed.document_id
            and length(deeper.function_subject_code) > length(printed.function_subject_code)
            and starts_with(deeper.function_subject_code, printed.function_subject_code)
      )
),

by_class as (
    select document_id, function_class_code, initial_budget, final_amount, stated_completion_rate, false as is_rolled_up
    from printed
    where level = 'class'
    union all
    select document_id, function_class_code, sum(initial_budget), sum(final_amount), null, true
    from deepest_detail
    where not exists (
        select 1 from printed as class_row
        where class_row.document_id = deepest_detail.document_id
          and class_row.function_subject_code = deepest_detail.function_class_code
    )
    group by document_id, function_class_code
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    by_class.function_class_code,
    by_class.initial_budget::decimal(20, 6) as initial_budget,
    by_class.final_amount::decimal(20, 6) as final_amount,
    by_class.stated_completion_rate::decimal(18, 4) as stated_completion_rate,
    by_class.is_rolled_up,
    documents.loaded_at
from documents
join by_class using (document_id)
