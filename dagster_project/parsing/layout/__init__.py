"""Layout knowledge of the nine disclosure tables, as data: titles and their aliases, column
headers -> column_key, Table 1/4 row labels -> row_key, function and economic class codes.

Every text is compared after NFKC normalisation and with all whitespace removed (see `squash`),
so aliases are written here as they are printed."""

from .tables import (
    ECONOMIC_CLASSES,
    FUNCTION_CLASSES,
    ROW_NUMBER_HEADERS,
    TABLES,
    ColumnSpec,
    TableLayout,
    squash,
)

__all__ = ["ECONOMIC_CLASSES", "FUNCTION_CLASSES", "ROW_NUMBER_HEADERS", "TABLES", "ColumnSpec", "TableLayout", "squash"]
