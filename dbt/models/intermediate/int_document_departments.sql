{{ config(materialized='table') }}
-- Which department each document belongs to. Resolution order:
--   1. alias: the published name is an alias_name of seed department_aliases (same region or none)
--   2. canonical_name: it is a canonical_name of that seed
--   3. contraction: its contracted key (中国共产党…委员会 -> 中共…委) equals that of a seeded name
--   4. similarity: a name that does not print its own locality (a misprint in the place name, e.g.
--      侨口 for 硚口) and differs by one character from exactly one known department's name in the
--      same region. Names that print their locality are never merged by similarity: one character
--      separates 财政局 from 民政局.
--   5. derived: otherwise a department of its own, department_id derived from region + contracted
--      name, so the full and the short form of one name get the same id.
-- Resolutions 3-5 are listed in department_name_review.
with documents as (
    select * from {{ ref('int_documents') }}
    where published_name is not null
),

seed as (
    select alias_name, department_id, canonical_name, nullif(region, '') as region
    from {{ ref('department_aliases') }}
),

seeded_names as (
    select alias_name as name, department_id, region, 'alias' as resolution from seed
    union
    select canonical_name, department_id, region, 'canonical_name' from seed
),

by_seed as (
    select
        documents.document_id,
        seeded_names.department_id,
        seeded_names.resolution,
        seeded_names.name as matched_name
    from documents
    join seeded_names
        on (seeded_names.name = documents.published_name
            or {{ contracted_name('seeded_names.name') }} = documents.name_key)
        and coalesce(seeded_names.region = documents.region, true)
    qualify row_number() over (
        partition by documents.document_id
        order by
            seeded_names.name = documents.published_name desc,
            seeded_names.resolution,
            seeded_names.region nulls last,
            seeded_names.department_id
    ) = 1
),

seed_resolved as (
    select
        document_id,
        department_id,
        case when matched_name = documents.published_name then resolution else 'contraction' end as resolution,
        matched_name
    from by_seed
    join documents using (document_id)
),

-- names a misprint can be matched against: seeded names and the well-formed published names
anchors as (
    select distinct {{ contracted_name('name') }} as name_key, name, department_id, region
    from seeded_names
    union
    select distinct
        documents.name_key,
        documents.published_name,
        coalesce(seed_resolved.department_id, {{ derived_department_id('documents.region', 'documents.name_key') }}),
        documents.region
    from documents
    left join seed_resolved using (document_id)
    where documents.name_shows_region
),

similarity_matches as (
    select
        documents.document_id,
        min(anchors.department_id) as department_id,
        min(anchors.name) as matched_name
    from documents
    join anchors
        on anchors.region is not distinct from documents.region
        and {{ one_character_apart('anchors.name_key', 'documents.name_key') }}
    where not documents.name_shows_region
      and documents.document_id not in (select document_id from seed_resolved)
    group by documents.document_id
    -- more than one candidate department: leave it to the reviewer
    having count(distinct anchors.department_id) = 1
)

select
    documents.document_id,
    documents.fiscal_year,
    documents.published_name,
    documents.name_key,
    documents.region,
    coalesce(
        seed_resolved.department_id,
        similarity_matches.department_id,
        {{ derived_department_id('documents.region', 'documents.name_key') }}
    ) as department_id,
    coalesce(seed_resolved.resolution, case when similarity_matches.document_id is not null then 'similarity' end, 'derived')
        as resolution,
    coalesce(seed_resolved.matched_name, similarity_matches.matched_name) as matched_name,
    documents.loaded_at
from documents
left join seed_resolved using (document_id)
left join similarity_matches using (document_id)
