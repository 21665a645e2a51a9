"""The ground truth of a document: every value it prints, keyed as docs/raw-tables.md keys them.

Cells: (table_no, section, row_key, column_key, value in 万元). Section is kept for Tables 1
and 4 only (the side: both sides have a 总计); elsewhere it is '' (Table 6's group is
informational). Facts: (fact_key, subject, value, unit)."""

from __future__ import annotations

from .document import Document, Fact
from .layout import wan

SIDED_TABLES = (1, 4)


def cell_key(table_no: int, section: str, row_key: str, column_key: str) -> tuple[int, str, str, str]:
    return table_no, section if table_no in SIDED_TABLES else "", row_key, column_key


def truth_cells(doc: Document) -> list[list]:
    cells = []
    for table in doc.tables.values():
        for row in table.rows:
            for column_key, fen in row.cells.items():
                if fen is not None:
                    cells.append([*cell_key(table.no, row.section, row.row_key, column_key), str(wan(fen))])
    return cells


def truth_facts(doc: Document) -> list[list]:
    return [[p.fact_key, p.subject, str(p.value), p.unit]
            for section in doc.profile + doc.narrative for paragraph in section.paragraphs
            for p in paragraph if isinstance(p, Fact)]
