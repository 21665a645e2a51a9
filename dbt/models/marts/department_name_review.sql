-- Department names for an analyst to review: published names not in seed department_aliases
-- (resolved by contraction or similarity, or a department of their own: 'derived'), and name
-- variants printed inside a document that differ from its published name even once contracted
-- (short forms, misprints). Add a row to seed department_aliases to settle a name.
with documents as (
    select * from {{ ref('int_document_departments') }}
),

seeded_names as (
    select alias_name as name from {{ ref('department_aliases') }}
    union
    select canonical_name from {{ ref('department_aliases') }}
),

published as (
    select
        published_name as name,
        region,
        department_id,
        resolution,
        matched_name,
        document_id,
        'title' as context
    from documents
    where resolution in ('contraction', 'similarity', 'derived')
),

variants as (
    select
        names.name,
        documents.region,
        documents.department_id,
        'document_variant' as resolution,
        documents.published_name as matched_name,
        documents.document_id,
        names.context
    from {{ ref('stg_raw__document_names') }} as names
    join documents using (document_id)
    where names.name not in (select name from seeded_names)
      and {{ contracted_name('names.name') }} <> documents.name_key
),

candidates as (
    select * from published
    union all
    select * from variants
)

select
    candidates.name,
    candidates.region,
    candidates.department_id,
    departments.department_name,
    candidates.resolution,
    any_value(candidates.matched_name) as matched_name,
    -- same length and one character apart from the department's name: likely a misprint
    bool_or({{ one_character_apart('candidates.name', 'departments.department_name') }}) as differs_by_one_character,
    list(distinct candidates.context order by candidates.context) as contexts,
    list(distinct candidates.document_id order by candidates.document_id) as document_ids
from candidates
left join {{ ref('dim_department') }} as departments using (department_id)
group by all
