"""Shared by the per-extract table tests: the parsed tables of a file, one table as a dict, and
expected values written row by row as printed."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.text_tables import TableExtraction, extract_tables


@cache
def extract(path: Path) -> TableExtraction:
    text, _ = decode_bytes(path.read_bytes())
    return extract_tables(split_lines(text))


def table(extraction: TableExtraction, no: int) -> dict[tuple[str, str, str], Decimal]:
    """{(section, row, column): amount} of table `no`; every cell certain and placed once."""
    cells = [c for c in extraction.cells if c.table_no == no]
    assert all(c.certain for c in cells), [c for c in cells if not c.certain]
    keys = [(c.section, c.row_key, c.column_key) for c in cells]
    assert len(keys) == len(set(keys)), "a cell was placed twice"
    return {(c.section, c.row_key, c.column_key): c.value for c in cells}


def expect(rows: dict[str, tuple[str | None, ...]], columns: tuple[str, ...], section: str = "") -> dict:
    """{row: printed values in column order (None = blank)} -> {(section, row, column): amount}."""
    return {(section, row, column): Decimal(v) for row, values in rows.items()
            for column, v in zip(columns, values) if v is not None}
