"""The product as a user meets it: `fdw run / status / query` over a raw folder that holds the
reference document, a corrected re-publication of it and files that cannot be parsed; then a
second run with nothing new, and a run after a file was removed.

Values typed by hand from raw/2021/wuhan-qiaokou-district-party-committee-office-2021.txt:
total expenditure 1,568.88 万元 (basic 497.35, project 1,071.53); the narrative prints the class
201 支出决算 as 1,407.71 where Table 5 prints 1,407.17."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from dagster_project.cli import main
from dagster_project.config import using_paths
from dagster_project.locking import RunLock
from tests.helpers import REFERENCE_EXTRACT, query

ORIGINAL = "2021/qiaokou-party-office-2021.txt"
CORRECTED = "2021/qiaokou-party-office-2021-corrected.txt"
BAD_FILES = {
    "empty.txt": b"",
    "scan.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "minutes.txt": "会议纪要\n\n今天开会讨论了工作安排。\n".encode("utf-8") * 20,
    "notes.docx": b"PK\x03\x04 not a disclosure",
}


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    raw, warehouse = root / "raw", root / "warehouse.duckdb"
    (raw / "2021").mkdir(parents=True)
    text = REFERENCE_EXTRACT.read_bytes()
    (raw / ORIGINAL).write_bytes(text)
    (raw / CORRECTED).write_bytes(text.replace("出决算为1,407.71 万元".encode(), "出决算为1,407.17 万元".encode()))
    os.utime(raw / ORIGINAL, (1_650_000_000, 1_650_000_000))
    os.utime(raw / CORRECTED, (1_660_000_000, 1_660_000_000))  # published later: it supersedes the original
    for name, data in BAD_FILES.items():
        (raw / name).write_bytes(data)
    return raw, warehouse


def _run(raw, warehouse) -> int:
    with using_paths(raw, warehouse):
        return main(["run"])


def _ids(warehouse) -> dict[str, str]:
    return dict(query(warehouse, "SELECT source_path, document_id FROM raw.documents"))


def test_a_batch_with_bad_files_still_loads_the_good_ones(run_folder, capsys):
    raw, warehouse = run_folder
    assert _run(raw, warehouse) == 0
    statuses = dict(query(warehouse, "SELECT source_path, status FROM raw.documents"))
    assert statuses == {ORIGINAL: "parsed", CORRECTED: "parsed", "empty.txt": "failed", "scan.txt": "failed",
                        "minutes.txt": "failed", "notes.docx": "failed"}
    errors = dict(query(warehouse, "SELECT source_path, error FROM raw.documents WHERE status = 'failed'"))
    assert "empty" in errors["empty.txt"]
    assert "unknown layout" in errors["minutes.txt"]
    assert "unsupported file type" in errors["notes.docx"]
    assert errors["scan.txt"].startswith("scan.txt: ")

    capsys.readouterr()
    with using_paths(raw, warehouse):
        assert main(["status"]) == 0
    shown = capsys.readouterr().out
    for name in BAD_FILES:
        assert name in shown
    assert any("2021" in line and "中国共产党武汉市硚口区委员会办公室" in line for line in shown.splitlines())


def test_the_marts_hold_the_reference_totals_and_the_republication_supersedes(run_folder, capsys):
    raw, warehouse = run_folder
    ids = _ids(warehouse)
    rows = query(warehouse, """SELECT document_id, fiscal_year, total_expenditure, basic_total, project_total
                               FROM marts.fct_account_summary ORDER BY document_id""")
    assert sorted(rows) == sorted([(ids[ORIGINAL], 2021, Decimal("1568.88"), Decimal("497.35"), Decimal("1071.53")),
                                   (ids[CORRECTED], 2021, Decimal("1568.88"), Decimal("497.35"), Decimal("1071.53"))])
    current = dict(query(warehouse, "SELECT document_id, is_current FROM marts.dim_document"))
    assert current[ids[CORRECTED]] is True and current[ids[ORIGINAL]] is False
    assert query(warehouse, "SELECT document_id FROM marts.fct_account_summary_current") == [(ids[CORRECTED],)]

    # the original's alerts are closed; the corrected document still states 100.0% for 201
    open_alerts = query(warehouse, "SELECT document_id, rule_id FROM dq.dq_open_alerts")
    assert all(document_id == ids[CORRECTED] for document_id, _ in open_alerts)
    assert ("N_COMPLETION_RATE" in {rule for _, rule in open_alerts})
    assert "N_BUDGET_FINAL" not in {rule for _, rule in open_alerts}
    history = query(warehouse, """SELECT count(*) FROM dq.dq_results
                                  WHERE document_id = ? AND rule_id = 'N_BUDGET_FINAL' AND NOT passed""", [ids[ORIGINAL]])
    assert history == [(1,)]

    capsys.readouterr()
    with using_paths(raw, warehouse):
        assert main(["query", "SELECT total_expenditure FROM marts.fct_account_summary_current"]) == 0
    assert "1568.88" in capsys.readouterr().out


def test_a_second_run_with_nothing_new_changes_nothing(run_folder):
    raw, warehouse = run_folder
    facts = "SELECT document_id, function_subject_code, scope, total_amount, loaded_at FROM marts.fct_expenditure ORDER BY ALL"
    before = query(warehouse, facts)
    loaded = query(warehouse, "SELECT document_id, loaded_at, run_id FROM raw.documents ORDER BY ALL")
    checked = query(warehouse, "SELECT count(*) FROM dq.dq_results")
    assert _run(raw, warehouse) == 0
    assert query(warehouse, facts) == before
    assert query(warehouse, "SELECT count(*) FROM dq.dq_results") == checked  # nothing to build or check again
    assert query(warehouse, "SELECT document_id, loaded_at, run_id FROM raw.documents ORDER BY ALL") == loaded


def test_a_removed_file_is_withdrawn_not_dropped(run_folder):
    raw, warehouse = run_folder
    ids = _ids(warehouse)
    (raw / CORRECTED).unlink()
    assert _run(raw, warehouse) == 0
    withdrawn = query(warehouse, "SELECT source_path FROM raw.documents WHERE withdrawn_at IS NOT NULL")
    assert withdrawn == [(CORRECTED,)]
    current = dict(query(warehouse, "SELECT document_id, is_current FROM marts.dim_document"))
    assert current[ids[CORRECTED]] is False and current[ids[ORIGINAL]] is True  # the original is current again
    assert query(warehouse, "SELECT count(*) FROM marts.fct_expenditure WHERE document_id = ?", [ids[CORRECTED]]) != [(0,)]


def test_a_second_run_on_a_busy_warehouse_refuses_clearly(tmp_path, capsys):
    raw, warehouse = tmp_path / "raw", tmp_path / "w.duckdb"
    raw.mkdir()
    with RunLock(warehouse), using_paths(raw, warehouse):
        assert main(["run"]) == 75
    assert "another run" in capsys.readouterr().err
