"""The code location as `dagster dev` loads it: one Definitions with the job, the schedule, the
sensors, the ingest and dbt assets and the identity checks on the marts."""

import subprocess
import sys

import dagster as dg

from dagster_project.definitions import defs
from tests.helpers import REPO


def test_dagster_loads_the_code_location_as_dagster_dev_does():
    result = subprocess.run([sys.executable, "-m", "dagster", "definitions", "validate"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation successful for code location fdw" in result.stdout + result.stderr


def test_one_job_a_nightly_schedule_and_the_sensors():
    job = defs.resolve_job_def("full_pipeline")
    schedule = defs.resolve_schedule_def("nightly_load")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert schedule.job_name == job.name
    assert defs.resolve_sensor_def("raw_folder_sensor").job_name == job.name
    assert defs.resolve_sensor_def("alert_on_run_failure")
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    assert {"raw/files", "raw/table_cells", "staging/stg_raw__table_cells", "marts/fct_expenditure",
            "marts/fct_account_summary", "dq/dq_open_alerts"} <= keys
    check_assets = {key.asset_key.to_user_string() for key in defs.resolve_asset_graph().asset_check_keys}
    assert "marts/fct_account_summary" in check_assets
    assert isinstance(job, dg.JobDefinition)
