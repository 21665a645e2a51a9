{{ config(materialized='view') }}
{{ current_facts(ref('fct_procurement')) }}
