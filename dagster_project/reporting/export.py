"""`fdw export`: one warehouse table or view to CSV or Parquet, streamed by DuckDB."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

FORMATS = {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet)"}
QUALIFIED_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")


class ExportError(ValueError):
    pass


def resolve_table(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """'fct_expenditure' or 'marts.fct_expenditure' -> the quoted qualified name of an existing
    table or view (unqualified names are looked up in marts, then dq, then any schema)."""
    if not QUALIFIED_NAME.match(name):
        raise ExportError(f"not a table name: {name!r}")
    schema, _, table = name.rpartition(".")
    rows = con.execute(
        """SELECT table_schema, table_name FROM information_schema.tables
           WHERE table_name = ? AND (? = '' OR table_schema = ?)
           ORDER BY table_schema <> 'marts', table_schema <> 'dq', table_schema""",
        [table, schema, schema],
    ).fetchall()
    if not rows:
        raise ExportError(f"no table or view named {name!r} in the warehouse; `fdw query \"SHOW ALL TABLES\"` lists them")
    return f'"{rows[0][0]}"."{rows[0][1]}"'


def export_table(warehouse: Path, name: str, fmt: str, out: Path) -> int:
    """Write the table to `out`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        table = resolve_table(con, name)
        out.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY (SELECT * FROM {table}) TO '{out.as_posix()}' {FORMATS[fmt]}")
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()
