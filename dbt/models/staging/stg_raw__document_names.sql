select
    document_id,
    trim(name) as name,
    context,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'document_names') }}
where trim(name) <> ''
