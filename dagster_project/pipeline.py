"""Run the full pipeline job in-process (no daemon, no webserver)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from .definitions import defs
from .defs.alerts.sinks import AlertSink, run_failure_alert
from .defs.operations.jobs import FULL_PIPELINE
from .defs.quality.gx_runner import import_in_background


@dataclass
class PipelineResult:
    success: bool
    failure: str = ""
    step_seconds: dict[str, float | None] = field(default_factory=dict)
    failed_checks: list[str] = field(default_factory=list)  # '<asset key>:<check name>' of every failed asset check


def _step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float | None]:
    """Seconds per step; None for a step that was skipped (nothing to do)."""
    return {
        stats.step_key: (stats.end_time - stats.start_time)
        if stats.status is not None and stats.status.value == "SUCCESS" and stats.start_time and stats.end_time else None
        for stats in instance.get_run_step_stats(run_id)
    }


def run_pipeline(log_level: str = "WARNING", tool_log: Path | None = None) -> PipelineResult:
    """Execute the full job in-process. `tool_log`: a file that receives what the tools print on
    stdout (dbt's event stream), instead of the terminal."""
    import_in_background()  # GX loads while the earlier steps run (dbt works in its own process)
    job = defs.resolve_job_def(FULL_PIPELINE)
    instance = dg.DagsterInstance.ephemeral()
    with contextlib.ExitStack() as stack:
        if tool_log is not None:
            tool_log.parent.mkdir(parents=True, exist_ok=True)
            stack.enter_context(contextlib.redirect_stdout(stack.enter_context(tool_log.open("w", encoding="utf-8"))))
        result = job.execute_in_process(
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
            instance=instance,
            raise_on_error=False,
        )
    failures = [
        f"{event.step_key}: {event.step_failure_data.error.message.strip() if event.step_failure_data.error else ''}"
        for event in result.all_events
        if event.event_type == dg.DagsterEventType.STEP_FAILURE
    ]
    if not result.success:  # no daemon runs the run-failure sensor here: send through the same sink
        AlertSink().send([run_failure_alert(result.run_id, FULL_PIPELINE, "; ".join(failures) or "the run failed")])
    failed_checks = sorted(
        f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
        for evaluation in result.get_asset_check_evaluations()
        if not evaluation.passed
    )
    return PipelineResult(success=result.success, failure="; ".join(failures),
                          step_seconds=_step_seconds(instance, result.run_id), failed_checks=failed_checks)
