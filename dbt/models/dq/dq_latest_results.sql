-- The rows of each document's latest check run (its current state); checks that concern no
-- document are taken from the latest run that produced such rows.
with results as (
    select * from {{ ref('stg_dq__dq_results') }}
),

latest_runs as (
    select document_id, arg_max(run_id, checked_at) as run_id
    from results
    group by document_id
)

select results.*
from results
join latest_runs
    on latest_runs.document_id is not distinct from results.document_id
    and latest_runs.run_id = results.run_id
