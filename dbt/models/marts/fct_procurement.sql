{{ incremental_fact_config() }}
-- One row per document that states its government procurement (政府采购). The 2024 template states
-- the amounts won by SMEs in two parts (reserved projects and other projects) instead of one total:
-- sme_amount is then their sum. A value stated twice is taken where it is first stated.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

facts as (
    select document_id, fact_key, subject, first(value order by page nulls last, line_start nulls last) as value
    from {{ ref('stg_raw__narrative_facts') }}
    where starts_with(fact_key, 'procurement_') and unit = '万元'
    group by all
),

stated as (
    select
        document_id,
        max(value) filter (where fact_key = 'procurement_total') as total_amount,
        max(value) filter (where fact_key = 'procurement_amount' and subject = 'goods') as goods_amount,
        max(value) filter (where fact_key = 'procurement_amount' and subject = 'works') as works_amount,
        max(value) filter (where fact_key = 'procurement_amount' and subject = 'services') as services_amount,
        max(value) filter (where fact_key = 'procurement_sme_amount' and subject = 'total') as sme_amount,
        max(value) filter (where fact_key = 'procurement_sme_awarded_reserved') as sme_awarded_reserved,
        max(value) filter (where fact_key = 'procurement_sme_awarded_other') as sme_awarded_other,
        max(value) filter (where fact_key = 'procurement_small_micro_amount') as small_micro_amount
    from facts
    group by document_id
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    stated.total_amount::decimal(20, 6) as total_amount,
    stated.goods_amount::decimal(20, 6) as goods_amount,
    stated.works_amount::decimal(20, 6) as works_amount,
    stated.services_amount::decimal(20, 6) as services_amount,
    coalesce(stated.sme_amount, stated.sme_awarded_reserved + stated.sme_awarded_other)::decimal(20, 6) as sme_amount,
    stated.small_micro_amount::decimal(20, 6) as small_micro_amount,
    documents.loaded_at
from documents
join stated using (document_id)
