"""Benchmark: a nightly run that adds documents to a large warehouse touches only those.

    uv run python bench/bench_incremental.py [--base 1000] [--added 100] [--workdir DIR]

Generates a base corpus (text extracts, 8 years per department) and loads it with the real
pipeline; then drops `--added` more documents (other departments) into the raw folder and runs
again; then runs once more with nothing new. Prints the wall time of each run and how many
fact rows of the base documents were rewritten by the incremental run (expected: 0).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from dagster_project.config import using_paths
from dagster_project.generator.corpus import Spec, generate
from dagster_project.pipeline import run_pipeline

YEARS = range(2018, 2026)
FACT_TABLES = ("fct_expenditure", "fct_income", "fct_basic_expenditure_economic", "fct_three_public_expenses",
               "fct_procurement", "fct_budget_execution", "fct_account_summary")


def timed_run(raw: Path, warehouse: Path) -> float:
    start = time.perf_counter()
    with using_paths(raw, warehouse):
        result = run_pipeline()
    if not result.success:
        raise SystemExit(f"the pipeline broke: {result.failure}")
    return time.perf_counter() - start


def fact_rows(warehouse: Path) -> dict[str, set[tuple]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: set(con.execute(f"SELECT document_id, loaded_at FROM marts.{t}").fetchall()) for t in FACT_TABLES}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=1000, help="documents in the warehouse before the nightly run")
    parser.add_argument("--added", type=int, default=100, help="documents the nightly run adds")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and warehouse here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="fdw-bench-"))
    raw, extra, warehouse = work / "raw", work / "extra", work / "warehouse.duckdb"
    generate(raw / "base", Spec(departments=args.base // len(YEARS), years=YEARS, seed=21), workers=2)
    generate(extra, Spec(departments=args.added // len(YEARS) + 1, years=YEARS, seed=22), workers=2)
    base_docs = sum(1 for p in (raw / "base").rglob("*.txt"))

    first = timed_run(raw, warehouse)
    before = fact_rows(warehouse)
    added = sorted(p for p in extra.rglob("*.txt"))[: args.added]
    for path in added:
        target = raw / "added" / path.relative_to(extra)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    second = timed_run(raw, warehouse)
    after = fact_rows(warehouse)
    rewritten = sum(len(before[t] - after[t]) for t in FACT_TABLES)
    new_rows = sum(len(after[t] - before[t]) for t in FACT_TABLES)
    third = timed_run(raw, warehouse)

    print(f"base corpus: {base_docs} documents; added: {len(added)} documents; workdir {work}")
    print(f"first run (load {base_docs} documents):        {first:8.1f} s")
    print(f"nightly run (+{len(added)} documents):              {second:8.1f} s  "
          f"({second / first:.2f} of the first run)")
    print(f"run with nothing new:                      {third:8.1f} s  ({third / first:.2f} of the first run)")
    print(f"fact rows of base documents rewritten by the nightly run: {rewritten}; fact rows added: {new_rows}")


if __name__ == "__main__":
    main()
