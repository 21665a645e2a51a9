select
    document_id,
    section,
    fact_key,
    subject,
    value,
    unit,
    printed,
    nullif(qualifier, '') as qualifier,
    sentence,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'narrative_facts') }}
