"""Great Expectations (GX Core 1.x) over the run's comparisons, read from the DuckDB warehouse.

The suites are committed, one per guarded mart: expectations/identities_<mart>.json. They are
derived from rules.py (`suite_documents`); after a rule change regenerate them with

    uv run python -m dagster_project.defs.quality.gx_runner --write-suites

(tests/quality/test_gx_suites.py fails while the committed files differ from the rules).

A run never writes into expectations/: GX runs in an ephemeral context (in-memory stores) that
loads the committed suites, validates them all through one checkpoint, and builds the Data Docs
(HTML) into <warehouse dir>/gx-data-docs/, so each warehouse has its own.

What GX validates: one row per document, one column per rule holding the rule's worst outcome
in that document ('failed' over 'note' over 'passed'; empty where the rule compared nothing).
Each expectation reads its own column, so no per-rule filtered copy of the data is made, and a
failure names its documents in the Data Docs.

Why a dataframe and not the SQL datasource: with duckdb-engine 0.17 on DuckDB 2.0, GX's
UnexpectedRowsExpectation reads its count after closing the connection and gets no row.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import uuid
from pathlib import Path

import pandas as pd

from ... import config
from .rules import RULES, Rule

CHECKPOINT = "accounting_identities"
ACCEPTED = ["passed", "note"]
OUTCOME_RANK = {"passed": 0, "note": 1, "failed": 2}
GX_SEVERITY = {"error": "critical", "warn": "warning", "info": "info"}
# GX objects need ids; derived from names, the committed suites are the same on every machine.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "fdw/expectations")
# COMPLETE: the Data Docs then list the failing documents by id
RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["document_id"]}


def suite_name(mart: str) -> str:
    return f"identities_{mart}"


def _stable_id(name: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, name))


def _expectation(rule: Rule) -> dict:
    return {
        "type": "expect_column_values_to_be_in_set",
        "id": _stable_id(f"expectation/{rule.rule_id}"),
        "kwargs": {"column": rule.rule_id, "value_set": ACCEPTED},
        "description": f"{rule.rule_id}: {rule.description}",
        "severity": GX_SEVERITY[rule.severity],
        "meta": {"rule_id": rule.rule_id, "severity": rule.severity, "rounding_model": rule.model},
    }


def suite_documents(rules: tuple[Rule, ...] = RULES) -> dict[str, dict]:
    """The GX suites of `rules` as their JSON documents, by suite name: one per guarded mart."""
    suites = {}
    for mart in sorted({r.guards for r in rules}):
        name = suite_name(mart)
        suites[name] = {"name": name, "id": _stable_id(f"suite/{name}"), "meta": {"guards": f"marts.{mart}"},
                        "notes": None, "expectations": [_expectation(r) for r in rules if r.guards == mart]}
    return suites


def suite_text(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def suite_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(suite_name("*") + ".json"))


def write_suites(folder: Path | None = None, rules: tuple[Rule, ...] = RULES) -> list[Path]:
    """(Re)write the committed suites from `rules`; suites of marts no rule guards any more go."""
    folder = folder or config.EXPECTATIONS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    documents = suite_documents(rules)
    for stale in (p for p in suite_files(folder) if p.stem not in documents):
        stale.unlink()
    written = []
    for name, document in documents.items():
        path = folder / f"{name}.json"
        path.write_text(suite_text(document), encoding="utf-8")
        written.append(path)
    return written


def committed_suites(folder: Path | None = None) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in suite_files(folder or config.EXPECTATIONS_DIR)]


def outcomes_by_document(comparisons: pd.DataFrame, rule_ids: list[str]) -> pd.DataFrame:
    """One row per document, one column per rule: the rule's worst outcome in that document."""
    worst = (comparisons.assign(rank=comparisons["outcome"].map(OUTCOME_RANK))
             .sort_values("rank").drop_duplicates(["document_id", "rule_id"], keep="last"))
    wide = worst.pivot(index="document_id", columns="rule_id", values="outcome").reindex(columns=rule_ids)
    wide.columns.name = None
    return wide.rename_axis("document_id").reset_index()


def data_docs_dir(warehouse: Path | None = None) -> Path:
    """The Data Docs of a warehouse file (default: the configured one) sit beside it."""
    return (warehouse or config.warehouse_path()).parent / "gx-data-docs"


def data_docs_index(warehouse: Path | None = None) -> Path:
    return data_docs_dir(warehouse) / "index.html"


def _ephemeral_context(gx, docs_dir: Path):
    """A context that keeps everything in memory except the Data Docs site."""
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    site = {"class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}
    return gx.get_context(mode="ephemeral", project_config=DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(), analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        data_docs_sites={"warehouse_site": site}))


def _import_gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # heavy (seconds: scipy, altair, sqlalchemy...): only when checks run

    return gx


def import_in_background() -> threading.Thread:
    """Start importing GX on a daemon thread: a run that will check can overlap the import with
    the steps before (dbt works in its own process); `validate` then finds it imported, or waits
    for the import to finish."""
    thread = threading.Thread(target=_import_gx, name="import-great-expectations", daemon=True)
    thread.start()
    return thread


def validate(comparisons: pd.DataFrame, run_id: str, suites: list[dict] | None = None,
             docs_dir: Path | None = None) -> dict[str, bool]:
    """Run the checkpoint of the committed suites over the run's comparisons (dq.comparisons) and
    build the Data Docs. Success by rule id, for the rules the suites hold."""
    gx = _import_gx()
    suites = committed_suites() if suites is None else suites
    context = _ephemeral_context(gx, docs_dir or data_docs_dir())
    batch = (context.data_sources.add_pandas("warehouse").add_dataframe_asset("outcomes_by_document")
             .add_batch_definition_whole_dataframe("whole_run"))
    definitions = [context.validation_definitions.add(gx.ValidationDefinition(
        name=suite["name"], data=batch, suite=context.suites.add(gx.ExpectationSuite(**suite)))) for suite in suites]
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name=CHECKPOINT, validation_definitions=definitions, result_format=RESULT_FORMAT))
    rule_ids = [e["kwargs"]["column"] for suite in suites for e in suite["expectations"]]
    result = checkpoint.run(batch_parameters={"dataframe": outcomes_by_document(comparisons, rule_ids)},
                            run_id=gx.core.run_identifier.RunIdentifier(run_name=run_id))
    # One build for all results: UpdateDataDocsAction rebuilds the site (and recompiles its
    # templates) once per suite, ten times the cost.
    context.build_data_docs()
    return {r.expectation_config.meta["rule_id"]: bool(r.success)
            for run_result in result.run_results.values() for r in run_result.results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The committed GX suites (expectations/), derived from rules.py")
    parser.add_argument("--write-suites", action="store_true", help="regenerate expectations/*.json from rules.py")
    args = parser.parse_args(argv)
    if not args.write_suites:
        parser.print_help()
        return 2
    for path in write_suites():
        print(path.relative_to(config.PROJECT_ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
