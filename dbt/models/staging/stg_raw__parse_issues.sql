select
    document_id,
    severity,
    code,
    message,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'parse_issues') }}
