-- Classification codes printed (or curated) under more than one name, for review: every name is
-- kept; is_canonical marks the one the dimension shows.
select
    classification,
    subject_code,
    subject_name,
    is_canonical,
    is_curated,
    document_count,
    first_fiscal_year,
    last_fiscal_year
from {{ ref('int_subject_names') }}
where subject_name is not null
qualify count(*) over (partition by classification, subject_code) > 1
order by classification, subject_code, is_canonical desc, subject_name
