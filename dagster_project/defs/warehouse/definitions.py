import dagster as dg
from dagster_dbt import DbtCliResource

from .assets import dbt_project, warehouse_models

defs = dg.Definitions(assets=[warehouse_models], resources={"dbt": DbtCliResource(project_dir=dbt_project)})
