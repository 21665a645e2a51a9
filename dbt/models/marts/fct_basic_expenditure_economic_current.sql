{{ config(materialized='view') }}
{{ current_facts(ref('fct_basic_expenditure_economic')) }}
