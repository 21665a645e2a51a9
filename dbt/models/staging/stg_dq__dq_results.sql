select
    run_id,
    document_id,
    rule_id,
    severity,
    passed,
    expected_value,
    observed_value,
    difference,
    message,
    checked_at
from {{ source('dq', 'dq_results') }}
