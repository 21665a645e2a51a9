-- Budget execution as the narrative states it, one row per document and subject (a function class
-- '201', or a 款/项 code when the document states execution per 款 or 项), before any roll-up.
with facts as (
    select *
    from {{ ref('stg_raw__narrative_facts') }}
    where fact_key in ('budget_initial', 'budget_final', 'budget_completion_pct')
      and regexp_full_match(subject, '[0-9]{3}([0-9]{2}){0,2}')
)

select
    document_id,
    subject as function_subject_code,
    case length(subject) when 3 then 'class' when 5 then 'section' else 'item' end as level,
    left(subject, 3) as function_class_code,
    -- a value stated twice is taken where it is first stated
    cast(first(value order by page nulls last, line_start nulls last) filter (where fact_key = 'budget_initial') as decimal(20, 6)) as initial_budget,
    cast(first(value order by page nulls last, line_start nulls last) filter (where fact_key = 'budget_final') as decimal(20, 6)) as final_amount,
    first(value order by page nulls last, line_start nulls last) filter (where fact_key = 'budget_completion_pct') as stated_completion_rate,
    min(line_start) as line_start
from facts
group by document_id, subject
