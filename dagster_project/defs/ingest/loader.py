"""Write parsed documents into the raw tables: Arrow batches, one transaction per batch.

A document's rows are replaced whole (delete + insert inside the transaction), so a crash leaves
either the previous state or the complete new one, never a half-loaded document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ...parsing import PARSER_VERSION
from ...parsing.model import ParsedDocument, Provenance
from .discovery import RawFile

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")
DOCUMENT_TABLES = ("documents", "document_names", "document_tables", "table_cells", "narrative_facts", "parse_issues",
                   "document_headings")
AMOUNT = pa.decimal128(20, 6)
FACT_VALUE = pa.decimal128(18, 4)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FileInfo:
    size: int | None = None
    modified_at: datetime | None = None


def _where(p: Provenance) -> dict:
    return {"line_start": p.line_start, "line_end": p.line_end, "page": p.page}


def _documents(docs: list[ParsedDocument], files: dict[str, FileInfo], run_id: str, now: datetime) -> pa.Table:
    rows = [
        {
            "document_id": d.document_id,
            "source_path": d.source_path,
            "source_format": d.source_format,
            "file_size": files.get(d.document_id, FileInfo()).size,
            "status": d.status,
            "error": d.error or None,
            "encoding": d.encoding or None,
            "department_name": d.department_name or None,
            "region": d.region or None,
            "fiscal_year": d.fiscal_year,
            "unit": d.unit or None,
            "cells_found": d.cells_found,
            "cells_certain": d.cells_certain,
            "cells_ambiguous": d.cells_ambiguous,
            "parser_version": PARSER_VERSION,
            "file_modified_at": files.get(d.document_id, FileInfo()).modified_at,
            "run_id": run_id,
            "loaded_at": now,
            "withdrawn_at": None,
        }
        for d in docs
    ]
    schema = pa.schema(
        [
            ("document_id", pa.string()), ("source_path", pa.string()), ("source_format", pa.string()),
            ("file_size", pa.int64()), ("status", pa.string()), ("error", pa.string()), ("encoding", pa.string()),
            ("department_name", pa.string()), ("region", pa.string()), ("fiscal_year", pa.int32()),
            ("unit", pa.string()), ("cells_found", pa.int32()), ("cells_certain", pa.int32()),
            ("cells_ambiguous", pa.int32()), ("parser_version", pa.string()), ("file_modified_at", pa.timestamp("us")),
            ("run_id", pa.string()), ("loaded_at", pa.timestamp("us")), ("withdrawn_at", pa.timestamp("us")),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _child_table(rows: Iterable[dict], columns: list[tuple[str, pa.DataType]], now: datetime) -> pa.Table:
    columns = [("document_id", pa.string()), *columns, ("line_start", pa.int32()), ("line_end", pa.int32()),
               ("page", pa.int32()), ("loaded_at", pa.timestamp("us"))]
    return pa.Table.from_pylist([{**row, "loaded_at": now} for row in rows], schema=pa.schema(columns))


def _batches(docs: list[ParsedDocument], files: dict[str, FileInfo], run_id: str, now: datetime) -> dict[str, pa.Table]:
    s = pa.string()
    return {
        "documents": _documents(docs, files, run_id, now),
        "document_names": _child_table(
            ({"document_id": d.document_id, "name": v.name, "context": v.context, **_where(v.provenance)}
             for d in docs for v in d.name_variants),
            [("name", s), ("context", s)], now),
        "document_tables": _child_table(
            ({"document_id": d.document_id, "table_no": t.table_no, "title": t.title, "unit": t.unit,
              "present": t.present, "declared_empty": t.declared_empty, "empty_note": t.empty_note or None,
              **_where(t.provenance)} for d in docs for t in d.tables),
            [("table_no", pa.int32()), ("title", s), ("unit", s), ("present", pa.bool_()),
             ("declared_empty", pa.bool_()), ("empty_note", s)], now),
        "table_cells": _child_table(
            ({"document_id": d.document_id, "table_no": c.table_no, "section": c.section, "row_key": c.row_key,
              "row_code": c.row_code, "row_label": c.row_label, "column_key": c.column_key,
              "column_label": c.column_label, "amount": c.value, "printed": c.printed, "certain": c.certain,
              "candidates": ",".join(c.candidates) or None, "note": c.note or None, **_where(c.provenance)}
             for d in docs for c in d.cells),
            [("table_no", pa.int32()), ("section", s), ("row_key", s), ("row_code", s), ("row_label", s),
             ("column_key", s), ("column_label", s), ("amount", AMOUNT), ("printed", s), ("certain", pa.bool_()),
             ("candidates", s), ("note", s)], now),
        "narrative_facts": _child_table(
            ({"document_id": d.document_id, "section": f.section, "fact_key": f.fact_key, "subject": f.subject,
              "value": f.value, "unit": f.unit, "printed": f.printed, "qualifier": f.qualifier or None,
              "sentence": f.sentence, **_where(f.provenance)} for d in docs for f in d.facts),
            [("section", s), ("fact_key", s), ("subject", s), ("value", FACT_VALUE), ("unit", s), ("printed", s),
             ("qualifier", s), ("sentence", s)], now),
        "document_headings": _child_table(
            ({"document_id": d.document_id, "heading_no": no, "level": h.level, "number": h.number, "text": h.text,
              "part": h.part, "list_no": h.list_no, **_where(h.provenance)}
             for d in docs for no, h in enumerate(d.headings, 1)),
            [("heading_no", pa.int32()), ("level", s), ("number", pa.int32()), ("text", s), ("part", s),
             ("list_no", pa.int32())], now),
        "parse_issues": _child_table(
            ({"document_id": d.document_id, "severity": i.severity, "code": i.code, "message": i.message,
              **_where(i.provenance)} for d in docs for i in d.issues),
            [("severity", s), ("code", s), ("message", s)], now),
    }


def write_documents(
    con: duckdb.DuckDBPyConnection,
    docs: list[ParsedDocument],
    run_id: str,
    files: dict[str, FileInfo] | None = None,
    now: datetime | None = None,
) -> None:
    """Replace the raw rows of `docs` in one transaction (the caller's connection)."""
    if not docs:
        return
    now = now or datetime.now()
    batches = _batches(docs, files or {}, run_id, now)
    ids = pa.table({"document_id": pa.array(sorted({d.document_id for d in docs}), pa.string())})
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("incoming_ids", ids)
        for table in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM raw.{table} WHERE document_id IN (SELECT document_id FROM incoming_ids)")
        for table, batch in batches.items():
            con.register("incoming", batch)
            con.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM incoming")
            con.unregister("incoming")
        con.unregister("incoming_ids")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def load_documents(warehouse: Path, docs: list[ParsedDocument], run_id: str) -> None:
    """Create the raw schema if needed and load `docs` (used by tests and tools)."""
    con = duckdb.connect(str(warehouse))
    try:
        ensure_schema(con)
        write_documents(con, docs, run_id)
    finally:
        con.close()


def record_files(con: duckdb.DuckDBPyConnection, files: list[RawFile], now: datetime) -> int:
    """Replace raw.files with what the folder holds now, and mark the documents whose file is gone
    as withdrawn (never deleted; a file that comes back is un-withdrawn). One transaction.
    Returns how many documents were newly withdrawn."""
    batch = pa.Table.from_pylist(
        [{"source_path": f.source_path, "document_id": f.document_id, "source_format": f.source_format,
          "file_size": f.size, "modified_at": f.modified_at, "seen_at": now} for f in files],
        schema=pa.schema([("source_path", pa.string()), ("document_id", pa.string()), ("source_format", pa.string()),
                          ("file_size", pa.int64()), ("modified_at", pa.timestamp("us")), ("seen_at", pa.timestamp("us"))]),
    )
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("present_files", batch)
        con.execute("DELETE FROM raw.files")
        con.execute("INSERT INTO raw.files BY NAME SELECT * FROM present_files")
        con.execute("UPDATE raw.documents SET withdrawn_at = NULL WHERE withdrawn_at IS NOT NULL "
                    "AND document_id IN (SELECT document_id FROM raw.files)")
        withdrawn = con.execute(
            "UPDATE raw.documents SET withdrawn_at = ? WHERE withdrawn_at IS NULL "
            "AND document_id NOT IN (SELECT document_id FROM raw.files) RETURNING document_id", [now]
        ).fetchall()
        con.unregister("present_files")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(withdrawn)


@dataclass(frozen=True)
class PendingFile:
    document_id: str
    source_path: str
    source_format: str
    info: FileInfo


def pending_files(con: duckdb.DuckDBPyConnection) -> list[PendingFile]:
    """Files of the raw folder whose content was not yet parsed by the current parser version
    (one per content hash: a copy of a file under a second name is the same document)."""
    rows = con.execute(
        """
        SELECT document_id, min(source_path), any_value(source_format), any_value(file_size), max(modified_at)
        FROM raw.files
        WHERE document_id NOT IN (SELECT document_id FROM raw.documents WHERE parser_version = ?)
        GROUP BY document_id ORDER BY 2
        """,
        [PARSER_VERSION],
    ).fetchall()
    return [PendingFile(r[0], r[1], r[2], FileInfo(r[3], r[4])) for r in rows]
