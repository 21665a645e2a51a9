select
    document_id,
    table_no,
    section,
    row_key,
    nullif(row_code, '') as row_code,
    -- labels arrive with the line breaks of the source joined; spaces inside are layout, not text
    {{ normalized_label('row_label') }} as row_label,
    column_key,
    column_label,
    cast(amount as decimal(20, 6)) as amount,
    printed,
    certain,
    nullif(candidates, '') as candidates,
    nullif(note, '') as note,
    line_start,
    line_end,
    page,
    loaded_at
from {{ source('raw', 'table_cells') }}
