{#- The id of a department no seed names: deterministic from its region and contracted full name
    (same name, same id on every run and machine). -#}
{% macro derived_department_id(region_expr, name_key_expr) -%}
    'dep_' || left(md5(coalesce({{ region_expr }}, '') || '|' || {{ name_key_expr }}), 12)
{%- endmacro %}
