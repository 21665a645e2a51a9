-- One row per document ever loaded. is_current is false once the file was withdrawn or a later
-- parsed document of the same department and fiscal year exists (a corrected re-publication).
with documents as (
    select * from {{ ref('int_documents') }}
),

departments as (
    select document_id, department_id, resolution as department_resolution
    from {{ ref('int_document_departments') }}
),

ranked as (
    select
        documents.*,
        departments.department_id,
        departments.department_resolution,
        case
            when documents.withdrawn_at is null
                and documents.status = 'parsed'
                and departments.department_id is not null
                and documents.fiscal_year is not null
            then row_number() over (
                partition by
                    departments.department_id,
                    documents.fiscal_year,
                    documents.withdrawn_at is null and documents.status = 'parsed'
                order by
                    coalesce(documents.file_modified_at, documents.loaded_at) desc,
                    documents.loaded_at desc,
                    documents.document_id desc
            )
        end as publication_rank
    from documents
    left join departments using (document_id)
),

latest as (
    select department_id, fiscal_year, document_id as latest_document_id
    from ranked
    where publication_rank = 1
)

select
    ranked.document_id,
    ranked.department_id,
    ranked.fiscal_year,
    ranked.source_path,
    ranked.source_format,
    ranked.withdrawn_at is null and coalesce(ranked.publication_rank = 1, latest.latest_document_id is null) as is_current,
    case when latest.latest_document_id <> ranked.document_id then latest.latest_document_id end as superseded_by,
    ranked.status,
    ranked.error,
    ranked.published_name as department_name_printed,
    ranked.printed_region,
    ranked.department_resolution,
    ranked.cells_found,
    ranked.cells_certain,
    ranked.cells_ambiguous,
    ranked.parser_version,
    ranked.file_modified_at,
    ranked.loaded_at,
    ranked.withdrawn_at
from ranked
left join latest
    on latest.department_id = ranked.department_id
    and latest.fiscal_year = ranked.fiscal_year
