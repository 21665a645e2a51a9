"""Dagster run failures go through the same sink as the data-quality alerts."""

import dagster as dg

from .sinks import AlertSink, run_failure_alert


@dg.run_failure_sensor(name="alert_on_run_failure", default_status=dg.DefaultSensorStatus.RUNNING)
def alert_on_run_failure(context: dg.RunFailureSensorContext, alert_sink: AlertSink) -> None:
    reason = context.failure_event.message or "the run failed"
    alert_sink.send([run_failure_alert(context.dagster_run.run_id, context.dagster_run.job_name, reason)], context.log)
