"""The asset checks in a Dagster run: dq.dq_results appended, the committed GX suites validated
through the checkpoint with Data Docs built beside the warehouse, an alert for each failed
'error' comparison, and nothing written into the committed expectations/ folder."""

import json
import shutil
import subprocess

import dagster as dg
import duckdb
import pytest
from documents import holding_document, set_fact

from dagster_project import config
from dagster_project.defs.alerts.sinks import AlertSink
from dagster_project.defs.ingest.loader import load_documents
from dagster_project.defs.quality.checks import CHECK_SPECS, accounting_identities
from dagster_project.resources import WarehouseResource

MART_KEYS = sorted({spec.asset_key for spec in CHECK_SPECS}, key=lambda k: k.to_user_string())


@dg.multi_asset(specs=[dg.AssetSpec(key) for key in MART_KEYS])
def marts_stub():
    """Stands in for the dbt marts (their keys are marts/<model>)."""
    for key in MART_KEYS:
        yield dg.MaterializeResult(asset_key=key)


def _expectations_state() -> dict[str, tuple[int, int]]:
    """Every file under expectations/ with its size and modification time."""
    return {str(p.relative_to(config.EXPECTATIONS_DIR)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(config.EXPECTATIONS_DIR.rglob("*"))}


def _git_status_of_expectations() -> str:
    if shutil.which("git") is None or not (config.PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    return subprocess.run(["git", "status", "--porcelain", "--", "expectations/"], cwd=config.PROJECT_ROOT,
                          capture_output=True, text=True, check=True).stdout


def test_the_checks_run_in_dagster(tmp_path):
    status_before, files_before = _git_status_of_expectations(), _expectations_state()
    warehouse = tmp_path / "w.duckdb"
    broken = set_fact(holding_document("doc-broken"), "fiscal_total", "total", "0.3")  # 财政拨款收、支总计 0.3 万元
    load_documents(warehouse, [holding_document(), broken], "load-1")
    defs = dg.Definitions(assets=[marts_stub], asset_checks=[accounting_identities], resources={
        "warehouse": WarehouseResource(path=str(warehouse)),
        "alert_sink": AlertSink(alerts_log=str(tmp_path / "alerts.jsonl"))})
    result = defs.resolve_implicit_global_asset_job_def().execute_in_process()
    assert result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert len(evaluations) == len(CHECK_SPECS)
    assert not evaluations["n_fiscal_total"].passed
    assert evaluations["t1_income_sum"].passed
    [alert] = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (alert["rule_id"], alert["document_id"], alert["observed_value"]) == ("N_FISCAL_TOTAL", "doc-broken", 0.3)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        [(runs, failed)] = con.execute("SELECT count(DISTINCT run_id), count(*) FILTER (NOT passed AND severity = 'error') "
                                       "FROM dq.dq_results WHERE run_id = ?", [result.run_id]).fetchall()
    finally:
        con.close()
    assert (runs, failed) == (1, 1)
    # the Data Docs of this warehouse sit beside it: the index, a suite page and the failing validation
    docs = tmp_path / "gx-data-docs"
    assert (docs / "index.html").is_file()
    assert (docs / "expectations" / "identities_fct_account_summary.html").is_file()
    [failing_page] = (docs / "validations" / "identities_fct_account_summary" / result.run_id).rglob("*.html")
    assert "doc-broken" in failing_page.read_text(encoding="utf-8")  # the failing document is named
    # the committed GX project is only read
    assert _expectations_state() == files_before
    assert _git_status_of_expectations() == status_before
