"""Build a real warehouse for a test: the real Dagster job (parse, load, dbt build, checks) in-process."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import duckdb

from dagster_project.config import using_paths

REPO = Path(__file__).resolve().parent.parent
REFERENCE_EXTRACT = REPO / "raw" / "2021" / "wuhan-qiaokou-district-party-committee-office-2021.txt"


def run_warehouse(raw: Path, warehouse: Path):
    """Run the full pipeline job over `raw` into `warehouse`; fail the test if the pipeline broke
    or a dbt data test failed (the accounting-identity checks may fail: that is data)."""
    from dagster_project.defs.quality.checks import CHECK_SPECS
    from dagster_project.pipeline import run_pipeline

    with using_paths(raw, warehouse):
        result = run_pipeline()
    assert result.success, result.failure
    identity_checks = {spec.name for spec in CHECK_SPECS}
    failed_dbt_tests = [check for check in result.failed_checks if check.split(":")[-1] not in identity_checks]
    assert failed_dbt_tests == [], f"dbt data tests failed: {failed_dbt_tests}"
    return result


def build_warehouse(tmp_path: Path, files: Iterable[Path | tuple[str, bytes]]) -> Path:
    """Copy `files` (paths, or (relative name, bytes) pairs) into tmp_path/raw, run the pipeline,
    and return the warehouse path (tmp_path/warehouse.duckdb)."""
    raw = tmp_path / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for item in files:
        if isinstance(item, tuple):
            name, data = item
            (raw / name).parent.mkdir(parents=True, exist_ok=True)
            (raw / name).write_bytes(data)
        else:
            shutil.copy(item, raw / Path(item).name)
    warehouse = tmp_path / "warehouse.duckdb"
    run_warehouse(raw, warehouse)
    return warehouse


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def fact_values(document) -> dict[tuple[str, str], list[Decimal]]:
    """A parsed document's narrative facts: (fact key, subject) -> the values recorded, in text order."""
    values: dict[tuple[str, str], list[Decimal]] = {}
    for fact in document.facts:
        values.setdefault((fact.fact_key, fact.subject), []).append(fact.value)
    return values
