{#- A department name with its long forms replaced by the short ones of seed name_contractions
    (中国共产党 -> 中共, 区委员会 -> 区委): the full and the short form of one name contract to the
    same key. Longest forms first so that a form inside a longer one cannot pre-empt it. -#}
{% macro contracted_name(name_expr) -%}
    list_reduce(
        (
            select coalesce(list({'full_form': full_form, 'short_form': short_form} order by length(full_form) desc), [])
            from {{ ref('name_contractions') }}
        ),
        lambda acc, c: replace(acc, c.full_form, c.short_form),
        {{ name_expr }}
    )
{%- endmacro %}
