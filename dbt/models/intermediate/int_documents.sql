-- One row per document with the department name it is published under, its full region
-- (province added from seed region_provinces) and the contracted name key used for conformance.
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

title_names as (
    select document_id, min(name) as title_name
    from {{ ref('stg_raw__document_names') }}
    where context = 'title'
    group by document_id
),

provinces as (
    select city, province from {{ ref('region_provinces') }}
),

named as (
    select
        documents.*,
        coalesce(documents.department_name, title_names.title_name) as published_name,
        regexp_extract(documents.region, '^(.+?市)', 1) as city,
        -- the last place-name component ('硚口区' of '武汉市硚口区'): a well-formed name prints it
        regexp_extract(documents.region, '([^省市]+[区县旗市])$', 1) as locality
    from documents
    left join title_names using (document_id)
)

select
    named.document_id,
    named.source_path,
    named.source_format,
    named.status,
    named.error,
    named.fiscal_year,
    named.published_name,
    named.region as printed_region,
    case
        when named.region is null then null
        when exists (select 1 from provinces p where starts_with(named.region, p.province)) then named.region
        when provinces.province is null or provinces.province = provinces.city then named.region
        else provinces.province || named.region
    end as region,
    {{ contracted_name('named.published_name') }} as name_key,
    coalesce(contains(named.published_name, nullif(named.locality, '')), false) as name_shows_region,
    named.cells_found,
    named.cells_certain,
    named.cells_ambiguous,
    named.parser_version,
    named.file_modified_at,
    named.loaded_at,
    named.withdrawn_at
from named
left join provinces on provinces.city = named.city
