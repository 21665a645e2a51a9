-- Every name a classification code carries: the curated seed names and every name a document
-- prints for it (function subjects: tables 2/3/5/8/9; economic subjects: table 6).
-- The canonical name is the seed's, else the name printed by the most documents (then the most
-- recent year).
with printed as (
    select
        case when subject_rows.table_no = 6 then 'economic' else 'function' end as classification,
        subject_rows.subject_code,
        nullif(subject_rows.row_label, '') as subject_name,
        count(distinct subject_rows.document_id) as document_count,
        min(documents.fiscal_year) as first_fiscal_year,
        max(documents.fiscal_year) as last_fiscal_year
    from {{ ref('int_subject_rows') }} as subject_rows
    left join {{ ref('stg_raw__documents') }} as documents using (document_id)
    group by all
),

curated as (
    select 'function' as classification, subject_code::varchar as subject_code, {{ normalized_label('subject_name') }} as subject_name
    from {{ ref('function_classes') }}
    union all
    select 'economic', subject_code::varchar, {{ normalized_label('subject_name') }}
    from {{ ref('economic_subjects') }}
),

names as (
    select
        coalesce(curated.classification, printed.classification) as classification,
        coalesce(curated.subject_code, printed.subject_code) as subject_code,
        coalesce(curated.subject_name, printed.subject_name) as subject_name,
        curated.subject_name is not null as is_curated,
        coalesce(printed.document_count, 0) as document_count,
        printed.first_fiscal_year,
        printed.last_fiscal_year
    from curated
    full outer join printed
        on printed.classification = curated.classification
        and printed.subject_code = curated.subject_code
        and printed.subject_name = curated.subject_name
    -- a code printed without a label is still a code; a curated or labelled name wins
    where printed.subject_name is not null
       or not exists (
           select 1 from curated as c
           where c.classification = printed.classification and c.subject_code = printed.subject_code
       )
)

select
    names.*,
    row_number() over (
        partition by classification, subject_code
        order by is_curated desc, subject_name is null, document_count desc, last_fiscal_year desc nulls last, subject_name
    ) = 1 as is_canonical
from names
