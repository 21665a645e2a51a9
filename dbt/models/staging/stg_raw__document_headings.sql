select
    document_id,
    heading_no,
    level,
    number,
    text,
    part,
    list_no,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'document_headings') }}
