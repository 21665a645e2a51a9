"""Great Expectations (GX Core 1.x) over the run's comparisons, read from the DuckDB warehouse.

The GX project lives in expectations/ (great_expectations.yml, one suite per guarded mart under
expectations/expectations/, the checkpoint under expectations/checkpoints/). Each rule is one
expectation over dq.comparisons (read into a dataframe): every comparison of that rule is
'passed' or a rounding 'note', none 'failed'. The suites are derived from rules.py on every run
(rules are the single source), so the committed JSON is what the last run validated. Data Docs
(HTML) are written to expectations/data_docs/ (git-ignored), results to expectations/uncommitted/.

Why a dataframe and not the SQL datasource: with duckdb-engine 0.17 on DuckDB 2.0, GX's
UnexpectedRowsExpectation reads its count after closing the connection and gets no row.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ... import config
from .rules import RULES, Rule

DATASOURCE = "warehouse"
ASSET = "comparisons"
BATCH = "whole_run"
CHECKPOINT = "accounting_identities"
ACCEPTED = ["passed", "note"]
GX_SEVERITY = {"error": "critical", "warn": "warning", "info": "info"}


def suite_name(mart: str) -> str:
    return f"identities_{mart}"


@dataclass(frozen=True)
class RuleValidation:
    rule_id: str
    success: bool
    failed_comparisons: int


COLUMNS = ["document_id", "rule_id", "severity", "outcome", "expected_value", "observed_value", "difference",
           "message"]


def _quiet() -> None:
    os.environ.setdefault("TQDM_DISABLE", "1")  # GX draws tqdm bars on every validation
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def _suites(gx, rules: list[Rule]) -> list:
    from great_expectations.expectations.row_conditions import Column

    suites = []
    for mart in sorted({r.guards for r in rules}):
        suite = gx.ExpectationSuite(name=suite_name(mart), meta={"guards": f"marts.{mart}"})
        for rule in (r for r in rules if r.guards == mart):
            suite.add_expectation(gx.expectations.ExpectColumnValuesToBeInSet(
                column="outcome", value_set=ACCEPTED, row_condition=Column(name="rule_id") == rule.rule_id,
                description=f"{rule.rule_id}: {rule.description}",
                severity=GX_SEVERITY[rule.severity],
                meta={"rule_id": rule.rule_id, "severity": rule.severity, "rounding_model": rule.model},
            ))
        suites.append(suite)
    return suites


def _content(suite) -> list[dict]:
    return [{k: v for k, v in e.configuration.to_json_dict().items() if k != "id"} for e in suite.expectations]


def _get_or_add(store, name: str, build):
    """The stored object of that name, else the built one, added (stable ids: no churn in git)."""
    try:
        return store.get(name)
    except Exception:  # GX raises a different not-found error per store
        return store.add(build())


def _stored(context, suite):
    """The suite as stored, rewritten only when the rules changed."""
    stored = _get_or_add(context.suites, suite.name, lambda: suite)
    if _content(stored) == _content(suite) and stored.meta == suite.meta:
        return stored
    return context.suites.add_or_update(suite)


def validate(comparisons: pd.DataFrame, run_id: str, rules: list[Rule] | None = None,
             gx_root: Path | None = None) -> list[RuleValidation]:
    """Run the checkpoint over the run's comparisons (engine.run_rules; dq.comparisons) and build
    the Data Docs. One result per rule."""
    _quiet()
    import great_expectations as gx  # heavy: only when checks run

    rules = list(RULES if rules is None else rules)
    context = gx.get_context(mode="file", context_root_dir=str(gx_root or config.EXPECTATIONS_DIR))
    source = context.data_sources.add_or_update_pandas(DATASOURCE)
    asset = source.add_dataframe_asset(ASSET)
    batch = asset.add_batch_definition_whole_dataframe(BATCH)
    definitions = []
    for suite in _suites(gx, rules):
        suite = _stored(context, suite)
        definitions.append(_get_or_add(context.validation_definitions, suite.name, lambda: gx.ValidationDefinition(
            name=suite.name, data=batch, suite=suite)))
    checkpoint = _get_or_add(context.checkpoints, CHECKPOINT, lambda: gx.Checkpoint(
        name=CHECKPOINT, validation_definitions=definitions,
        actions=[gx.checkpoint.UpdateDataDocsAction(name="update_data_docs")],
        result_format={"result_format": "SUMMARY"},
    ))
    result = checkpoint.run(batch_parameters={"dataframe": comparisons[COLUMNS]},
                            run_id=gx.core.run_identifier.RunIdentifier(run_name=run_id))
    return [RuleValidation(r.expectation_config.meta["rule_id"], bool(r.success), int(r.result.get("unexpected_count") or 0))
            for run_result in result.run_results.values() for r in run_result.results]


def data_docs_index() -> Path:
    return config.EXPECTATIONS_DIR / "data_docs" / "index.html"
