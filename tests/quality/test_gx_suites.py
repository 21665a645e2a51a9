"""The committed GX suites (expectations/) are exactly what rules.py generates, GX reads them,
and GX's verdict per rule follows the worst outcome of that rule in any document."""

import sys

import great_expectations as gx
import pandas as pd

from dagster_project import config
from dagster_project.defs.quality.gx_runner import (
    committed_suites,
    import_in_background,
    outcomes_by_document,
    suite_documents,
    suite_files,
    suite_text,
    validate,
    write_suites,
)
from dagster_project.defs.quality.rules import RULES

REGENERATE = "uv run python -m dagster_project.defs.quality.gx_runner --write-suites"


def test_the_committed_suites_are_generated_from_the_rules():
    generated = suite_documents()
    committed = {p.stem: p.read_text(encoding="utf-8") for p in suite_files(config.EXPECTATIONS_DIR)}
    assert sorted(committed) == sorted(generated), f"suites out of date: run `{REGENERATE}`"
    for name, document in generated.items():
        assert committed[name] == suite_text(document), f"{name} is out of date: run `{REGENERATE}`"


def test_one_suite_per_guarded_mart_and_one_expectation_per_rule():
    suites = {s["name"]: s for s in committed_suites()}
    assert sorted(suites) == sorted({f"identities_{r.guards}" for r in RULES})
    columns = [e["kwargs"]["column"] for s in suites.values() for e in s["expectations"]]
    assert sorted(columns) == sorted(r.rule_id for r in RULES)
    n_fiscal_total = next(e for e in suites["identities_fct_account_summary"]["expectations"]
                          if e["meta"]["rule_id"] == "N_FISCAL_TOTAL")
    assert (n_fiscal_total["severity"], n_fiscal_total["meta"]["severity"]) == ("critical", "error")


def test_gx_reads_every_committed_suite():
    for document in committed_suites():
        suite = gx.ExpectationSuite(**document)
        assert [e.column for e in suite.expectations] == [e["kwargs"]["column"] for e in document["expectations"]]


def test_write_suites_writes_the_generated_text_and_drops_stale_suites(tmp_path):
    (tmp_path / "identities_gone_mart.json").write_text("{}", encoding="utf-8")
    write_suites(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.json" for name in suite_documents())


def test_worst_outcome_per_document_and_rule():
    comparisons = pd.DataFrame({"document_id": ["a", "a", "a", "b"], "rule_id": ["R1", "R1", "R2", "R1"],
                                "outcome": ["failed", "passed", "note", "passed"]})
    wide = outcomes_by_document(comparisons, ["R1", "R2", "R3"]).set_index("document_id")
    assert wide.loc["a", "R1"] == "failed"
    assert wide.loc["a", "R2"] == "note"
    assert wide.loc["b", "R1"] == "passed"
    assert wide[["R2", "R3"]].loc["b"].isna().all()  # no comparison of the rule in that document


def test_validate_fails_a_rule_only_where_a_document_failed_it(tmp_path):
    suite = {"name": "identities_demo", "meta": {}, "notes": None, "expectations": [
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": rule, "value_set": ["passed", "note"]},
         "meta": {"rule_id": rule}} for rule in ("R1", "R2", "R3")]}
    comparisons = pd.DataFrame({"document_id": ["a", "a", "b", "b"], "rule_id": ["R1", "R2", "R1", "R2"],
                                "outcome": ["passed", "note", "failed", "passed"]})
    verdicts = validate(comparisons, "run-1", suites=[suite], docs_dir=tmp_path / "docs")
    assert verdicts == {"R1": False, "R2": True, "R3": True}  # R3 compared nothing: nothing failed
    assert (tmp_path / "docs" / "index.html").is_file()


def test_gx_can_be_imported_ahead_on_a_thread():
    thread = import_in_background()
    assert thread.daemon  # never holds the process open
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert "great_expectations" in sys.modules
