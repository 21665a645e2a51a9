-- Parse quality per document: the parser's counts of cells found / certain / ambiguous, the parse
-- issues by severity and the tables found.
with documents as (
    select * from {{ ref('dim_document') }}
),

issues as (
    select
        document_id,
        count(*) filter (where severity = 'error') as parse_errors,
        count(*) filter (where severity = 'warn') as parse_warnings
    from {{ ref('stg_raw__parse_issues') }}
    group by document_id
),

tables as (
    select
        document_id,
        count(*) filter (where present) as tables_present,
        count(*) filter (where declared_empty) as tables_declared_empty
    from {{ ref('stg_raw__document_tables') }}
    group by document_id
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    documents.status,
    documents.cells_found,
    documents.cells_certain,
    documents.cells_ambiguous,
    round(documents.cells_certain / nullif(documents.cells_found, 0), 4) as certain_share,
    coalesce(issues.parse_errors, 0) as parse_errors,
    coalesce(issues.parse_warnings, 0) as parse_warnings,
    coalesce(tables.tables_present, 0) as tables_present,
    coalesce(tables.tables_declared_empty, 0) as tables_declared_empty
from documents
left join issues using (document_id)
left join tables using (document_id)
