"""The accounting identities as Dagster asset checks: one check per rule on the mart it guards,
all computed in one step (engine -> dq.dq_results -> GX checkpoint + Data Docs -> alerts)."""

import dagster as dg
import pandas as pd

from ...resources import WarehouseResource
from ..alerts.sinks import Alert, AlertSink
from ..ingest.state import record_completed_run
from .engine import RunSummary, run_rules
from .gx_runner import data_docs_dir, data_docs_index, validate
from .rules import RULES, Rule

SEVERITY = {"error": dg.AssetCheckSeverity.ERROR, "warn": dg.AssetCheckSeverity.WARN, "info": dg.AssetCheckSeverity.WARN}


def mart_key(rule: Rule) -> dg.AssetKey:
    return dg.AssetKey(["marts", rule.guards])


CHECK_SPECS = [dg.AssetCheckSpec(rule.check_name, asset=mart_key(rule), description=f"{rule.rule_id}: {rule.description}")
               for rule in RULES]


def alerts_of(summary: RunSummary, sources: pd.DataFrame) -> list[Alert]:
    """One alert per failed 'error' comparison."""
    failed = summary.failed("error").merge(sources, on="document_id", how="left")
    return [Alert(kind="dq_check", title=f"{row.rule_id} failed for {row.source_path or row.document_id}",
                  message=row.message, run_id=summary.run_id, rule_id=row.rule_id, document_id=row.document_id,
                  source_path=row.source_path, expected_value=row.expected_value, observed_value=row.observed_value)
            for row in failed.itertuples()]


def check_results(summary: RunSummary, validated: dict[str, bool]) -> list[dg.AssetCheckResult]:
    """`validated`: GX's verdict by rule id; a rule the committed suites lack is judged from its
    comparisons (until the suites are regenerated)."""
    by_rule = dict(tuple(summary.comparisons.groupby("rule_id")))
    no_rows = summary.comparisons.iloc[0:0]
    results = []
    for rule in RULES:
        rows = by_rule.get(rule.rule_id, no_rows)
        failed = rows[rows["outcome"] == "failed"]
        results.append(dg.AssetCheckResult(
            asset_key=mart_key(rule), check_name=rule.check_name,
            passed=validated.get(rule.rule_id, failed.empty), severity=SEVERITY[rule.severity],
            description=summary.skipped.get(rule.rule_id),
            metadata={"comparisons": len(rows), "failed": len(failed),
                      "rounding_notes": int((rows["outcome"] == "note").sum()),
                      "documents_failed": failed["document_id"].nunique(),
                      "first_failures": dg.MetadataValue.md("\n\n".join(failed["message"].head(5)) or "none")},
        ))
    return results


@dg.multi_asset_check(specs=CHECK_SPECS, name="accounting_identities",
                      description="The accounting identities of every document (dagster_project/defs/quality/rules.py)")
def accounting_identities(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource,
                          alert_sink: AlertSink):
    with warehouse.connect() as con:
        summary = run_rules(con, context.run.run_id)
        sources = con.execute("SELECT document_id, source_path FROM raw.documents").df()
    validated = validate(summary.comparisons, context.run.run_id, docs_dir=data_docs_dir(warehouse.resolved_path()))
    context.log.info(f"{len(summary.comparisons)} comparisons, {len(summary.failed())} failed; "
                     f"GX Data Docs: {data_docs_index(warehouse.resolved_path())}")
    unsuited = [rule.rule_id for rule in RULES if rule.rule_id not in validated]
    if unsuited:
        context.log.warning(f"no committed GX expectation for {', '.join(unsuited)}: regenerate the suites "
                            "(uv run python -m dagster_project.defs.quality.gx_runner --write-suites)")
    for rule_id, why in summary.skipped.items():
        context.log.warning(f"{rule_id} skipped: {why}")
    alert_sink.send(alerts_of(summary, sources), context.log)
    yield from check_results(summary, validated)
    with warehouse.connect() as con:  # the last step: what this complete run was computed from
        record_completed_run(con, context.run.run_id)
