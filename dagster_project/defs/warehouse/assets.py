"""The dbt models as assets: staging, intermediate, marts and dq models, built by `dbt build`."""

import json
import os
import shutil

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from ...progress import announce
from ...resources import WarehouseResource
from .project import WarehouseTranslator, prepared_dbt_project

dbt_project = prepared_dbt_project()


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=WarehouseTranslator())
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """`dbt build` over the warehouse. A failing dbt data test is reported (as a failed asset
    check) without failing the run; a model that does not build fails it."""
    os.environ["FDW_WAREHOUSE"] = str(warehouse.resolved_path())  # the dbt profile reads it
    announce("Building the warehouse: dbt build (models and their tests)…")
    invocation = dbt.cli(["build"], context=context, raise_on_error=False)
    yield from invocation.stream()
    results = json.loads((invocation.target_path / "run_results.json").read_text(encoding="utf-8"))["results"]
    shutil.rmtree(invocation.target_path, ignore_errors=True)  # one folder per run (11 MB): do not pile them up
    broken = [r["unique_id"] for r in results
              if r["status"] in ("error", "runtime error") and not r["unique_id"].startswith("test.")]
    if broken:
        raise dg.Failure(f"dbt could not build {len(broken)} node(s): {', '.join(broken)}; "
                         "dbt's messages are in the run log (or on screen with `fdw run -v`)")
