"""Has anything changed since the last complete run? If neither the raw rows nor the code that
turns them into marts and checks changed, a run has nothing to rebuild and stops after loading."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import duckdb

from ... import config
from ...parsing import PARSER_VERSION
from .discovery import discover
from .loader import pending_files

QUALITY_DIR = Path(__file__).resolve().parent.parent / "quality"
DBT_INPUT_DIRS = ("models", "seeds", "macros", "tests")


def code_fingerprint() -> str:
    """Digest of everything that shapes the marts and the checks: the dbt project, the rule
    definitions and the parser version."""
    files = [config.DBT_PROJECT_DIR / "dbt_project.yml", *sorted(QUALITY_DIR.glob("*.py"))]
    files += [p for name in DBT_INPUT_DIRS for p in sorted((config.DBT_PROJECT_DIR / name).rglob("*")) if p.is_file()]
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for path in files:
        digest.update(path.relative_to(config.PROJECT_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def raw_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    [(digest,)] = con.execute(
        "SELECT coalesce(md5(string_agg(document_id || loaded_at || coalesce(withdrawn_at::VARCHAR, ''), ',' "
        "ORDER BY document_id)), '') FROM raw.documents"
    ).fetchall()
    return digest


def is_up_to_date(con: duckdb.DuckDBPyConnection) -> bool:
    last = con.execute("SELECT raw_fingerprint, code_fingerprint FROM raw.completed_runs "
                       "ORDER BY completed_at DESC LIMIT 1").fetchall()
    return bool(last) and last[0] == (raw_fingerprint(con), code_fingerprint())


def record_completed_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    con.execute("INSERT INTO raw.completed_runs VALUES (?, ?, ?, ?)",
                [run_id, raw_fingerprint(con), code_fingerprint(), datetime.now()])


def nothing_to_do(raw_root: Path, warehouse: Path) -> bool:
    """True when the raw folder holds exactly the files the last discovery recorded, all of them
    parsed by this parser version, and the last complete run saw the same raw rows and code:
    a run would only confirm that. Reads only (the warehouse is opened read-only)."""
    if not warehouse.exists():
        return False
    present = {(f.source_path, f.document_id) for f in discover(raw_root)}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        recorded = set(con.execute("SELECT source_path, document_id FROM raw.files").fetchall())
        return present == recorded and not pending_files(con) and is_up_to_date(con)
    except duckdb.CatalogException:  # a warehouse from before these tables existed
        return False
    finally:
        con.close()
