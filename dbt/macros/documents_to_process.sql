{#- Incremental by document: the predicate on `documents` (one row per document with its
    department_id, fiscal_year and loaded_at) that selects the documents an incremental fact model
    (re)builds: those loaded after the model's latest load, and those whose department or year
    resolution changed since (an analyst edited the department_aliases seed). Every other
    document keeps its rows untouched. -#}
{% macro documents_to_process(documents_alias='documents') -%}
    {%- if is_incremental() -%}
    (
        {{ documents_alias }}.loaded_at > (select coalesce(max(loaded_at), timestamp '1900-01-01') from {{ this }})
        or exists (
            select 1 from {{ this }} as stored
            where stored.document_id = {{ documents_alias }}.document_id
              and (stored.department_id is distinct from {{ documents_alias }}.department_id
                   or stored.fiscal_year is distinct from {{ documents_alias }}.fiscal_year)
        )
    )
    {%- else -%}
    true
    {%- endif -%}
{%- endmacro %}
