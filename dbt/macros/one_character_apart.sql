{#- Two names of the same length that differ in exactly one character (a typical misprint:
    侨口 for 硚口). hamming() only accepts equal lengths, hence the guard. -#}
{% macro one_character_apart(a, b) -%}
    coalesce(case when length({{ a }}) = length({{ b }}) then hamming({{ a }}, {{ b }}) = 1 end, false)
{%- endmacro %}
