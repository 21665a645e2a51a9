"""The nightly load."""

import dagster as dg

from .jobs import full_pipeline

nightly_load = dg.ScheduleDefinition(
    name="nightly_load",
    job=full_pipeline,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 Beijing time: load what arrived in the raw folder and re-check everything.",
)
