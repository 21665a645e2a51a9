{#- The rows of a fact table whose document is current (neither superseded nor withdrawn). -#}
{% macro current_facts(fact_relation) -%}
select facts.*
from {{ fact_relation }} as facts
where facts.document_id in (select document_id from {{ ref('dim_document') }} where is_current)
{%- endmacro %}
