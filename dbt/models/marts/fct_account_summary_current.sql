{{ config(materialized='view') }}
{{ current_facts(ref('fct_account_summary')) }}
