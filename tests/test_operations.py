"""Production operation: the raw-folder sensor starts the run that loads new files; a run killed
half way leaves no half-loaded document and the next run completes; analyst tools on a
multi-department corpus."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import dagster as dg
import pytest

from dagster_project.cli import main
from dagster_project.config import using_paths
from dagster_project.definitions import defs
from dagster_project.defs.operations.sensors import raw_folder_sensor
from dagster_project.generator.corpus import Spec, generate
from dagster_project.resources import RawFolderResource
from tests.helpers import REFERENCE_EXTRACT, REPO, query, run_warehouse


def _evaluate_sensor(raw, cursor):
    context = dg.build_sensor_context(cursor=cursor, resources={"raw_folder": RawFolderResource(path=str(raw))},
                                      definitions=defs)
    return raw_folder_sensor(context), context.cursor


def test_the_sensor_requests_a_run_when_files_arrive_and_the_run_loads_them(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    raw.mkdir()
    result, cursor = _evaluate_sensor(raw, None)
    assert isinstance(result, dg.RunRequest)  # first look at the folder
    result, cursor = _evaluate_sensor(raw, cursor)
    assert isinstance(result, dg.SkipReason)

    (raw / "2021").mkdir()
    (raw / "2021" / "arrived.txt").write_bytes(REFERENCE_EXTRACT.read_bytes())
    request, cursor = _evaluate_sensor(raw, cursor)
    assert isinstance(request, dg.RunRequest)
    job = defs.resolve_job_def(request.job_name or raw_folder_sensor.job_name)
    with using_paths(raw, warehouse):
        assert job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), tags=request.tags).success
    rows = query(warehouse, "SELECT fiscal_year, total_expenditure FROM marts.fct_account_summary")
    assert rows == [(2021, Decimal("1568.88"))]
    assert isinstance(_evaluate_sensor(raw, cursor)[0], dg.SkipReason)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """12 departments x 2 years of generated text documents (deterministic)."""
    root = tmp_path_factory.mktemp("ops")
    raw = root / "raw"
    generate(raw, Spec(departments=12, years=range(2022, 2024), seed=7, fault_rate=0.0, formats=("text",)))
    return raw, root / "warehouse.duckdb"


def _documents_are_whole(warehouse) -> bool:
    """Every loaded document has exactly the cells it says it has."""
    mismatched = query(warehouse, """
        SELECT d.document_id FROM raw.documents d
        LEFT JOIN (SELECT document_id, count(*) AS n FROM raw.table_cells GROUP BY ALL) c USING (document_id)
        WHERE coalesce(c.n, 0) <> d.cells_found""")
    return mismatched == []


def test_a_run_killed_half_way_leaves_whole_documents_and_the_next_run_completes(corpus):
    raw, warehouse = corpus
    env = {**os.environ, "FDW_RAW": str(raw), "FDW_WAREHOUSE": str(warehouse)}
    process = subprocess.Popen([sys.executable, "-m", "dagster_project.cli", "run"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        for line in process.stderr:  # kill it while it is parsing and loading
            if line.startswith("Parsing documents:") or time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                break
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    if warehouse.exists():
        assert _documents_are_whole(warehouse)

    run_warehouse(raw, warehouse)  # the lock died with the killed process
    assert _documents_are_whole(warehouse)
    [(parsed,)] = query(warehouse, "SELECT count(*) FROM raw.documents WHERE status = 'parsed'")
    assert parsed == 24
    [(departments, years)] = query(warehouse, "SELECT count(DISTINCT department_id), count(DISTINCT fiscal_year) "
                                              "FROM marts.fct_account_summary_current")
    assert (departments, years) == (12, 2)


def test_report_and_export_on_a_multi_department_corpus(corpus, tmp_path, capsys):
    raw, warehouse = corpus
    [(department_id, name)] = query(warehouse, "SELECT department_id, department_name FROM marts.dim_department "
                                               "ORDER BY department_id LIMIT 1")
    with using_paths(raw, warehouse):
        capsys.readouterr()
        assert main(["report", name]) == 0
        shown = capsys.readouterr().out
        assert name in shown and "2022" in shown and "2023" in shown
        page = tmp_path / "report.html"
        assert main(["report", department_id, "--html", str(page)]) == 0
        html = page.read_text(encoding="utf-8")
        assert "<svg" in html and name in html

        out = tmp_path / "expenditure.parquet"
        assert main(["export", "fct_expenditure_current", "--format", "parquet", "--out", str(out)]) == 0
        csv = tmp_path / "summary.csv"
        assert main(["export", "marts.fct_account_summary", "--format", "csv", "--out", str(csv)]) == 0
        assert main(["export", "no_such_table", "--out", str(csv)]) == 1
    [(rows,)] = query(warehouse, f"SELECT count(*) FROM read_parquet('{out}')")
    assert rows == query(warehouse, "SELECT count(*) FROM marts.fct_expenditure_current")[0][0] > 0
    assert len(csv.read_text(encoding="utf-8").splitlines()) == 24 + 1
