-- Open alerts: failed checks of severity 'error' in each document's latest run, with the
-- document's department and year. A superseded or withdrawn document's alerts are closed.
select
    results.document_id,
    documents.department_id,
    departments.department_name,
    documents.fiscal_year,
    documents.is_current,
    results.run_id,
    results.rule_id,
    results.expected_value,
    results.observed_value,
    results.difference,
    results.message,
    results.checked_at
from {{ ref('dq_latest_results') }} as results
left join {{ ref('dim_document') }} as documents using (document_id)
left join {{ ref('dim_department') }} as departments using (department_id)
where results.severity = 'error'
  and not results.passed
  and documents.is_current
