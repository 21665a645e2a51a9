{#- The shared config of the fact tables: incremental by document (delete+insert replaces all the
    rows of a reprocessed document, so rows it no longer has disappear too). -#}
{% macro incremental_fact_config() -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='document_id',
        on_schema_change='append_new_columns'
    ) }}
{%- endmacro %}
