import dagster as dg

from .jobs import full_pipeline
from .schedules import nightly_load
from .sensors import raw_folder_sensor

defs = dg.Definitions(jobs=[full_pipeline], schedules=[nightly_load], sensors=[raw_folder_sensor])
