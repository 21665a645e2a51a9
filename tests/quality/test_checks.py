"""The asset checks in a Dagster run: dq.dq_results appended, GX suites validated with Data Docs
built, and an alert for each failed 'error' comparison."""

import json
import shutil

import dagster as dg
import duckdb
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


def test_the_checks_run_in_dagster(tmp_path, monkeypatch):
    gx_root = tmp_path / "expectations"  # a copy of the committed GX project: the run writes into it
    gx_root.mkdir()
    shutil.copy2(config.EXPECTATIONS_DIR / "great_expectations.yml", gx_root / "great_expectations.yml")
    monkeypatch.setattr(config, "EXPECTATIONS_DIR", gx_root)
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
    assert (gx_root / "data_docs" / "index.html").is_file()
    assert (gx_root / "expectations" / "identities_fct_account_summary.json").is_file()
