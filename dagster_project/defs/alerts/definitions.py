import dagster as dg

from .sensors import alert_on_run_failure
from .sinks import AlertSink

defs = dg.Definitions(sensors=[alert_on_run_failure], resources={"alert_sink": AlertSink()})
