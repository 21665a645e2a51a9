{#- A printed label for comparison: without the whitespace of broken lines, full-width brackets
    and punctuation as ASCII (因公出国（境）费用 and 因公出国(境)费用 are one name). -#}
{% macro normalized_label(expr) -%}
    translate(regexp_replace(coalesce({{ expr }}, ''), '\s+', '', 'g'), '（）：，', '():,')
{%- endmacro %}
