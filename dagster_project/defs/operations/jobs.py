"""The job that materializes everything: discover -> parse/load -> dbt build -> checks."""

import dagster as dg

FULL_PIPELINE = "full_pipeline"

full_pipeline = dg.define_asset_job(
    FULL_PIPELINE,
    selection=dg.AssetSelection.all(),
    description="Discover raw files, parse and load the new ones, build the warehouse with dbt, run the checks.",
)
