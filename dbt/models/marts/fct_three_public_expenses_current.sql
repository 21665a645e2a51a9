{{ config(materialized='view') }}
{{ current_facts(ref('fct_three_public_expenses')) }}
