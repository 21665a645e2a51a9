"""The dbt project as Dagster sees it: its manifest, kept in step with the model files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtProject

from ... import config

DBT_SOURCE_DIRS = ("models", "seeds", "macros", "analyses", "snapshots")


def dbt_sources_mtime(project_dir: Path) -> float:
    files = [project_dir / "dbt_project.yml", project_dir / "profiles.yml"]
    for folder in DBT_SOURCE_DIRS:
        files.extend(p for p in (project_dir / folder).rglob("*") if p.is_file())
    return max((f.stat().st_mtime for f in files if f.exists()), default=0.0)


def prepared_dbt_project(project_dir: Path = config.DBT_PROJECT_DIR) -> DbtProject:
    """A DbtProject whose manifest exists and is newer than every model, seed and macro
    (`dbt parse` runs only when needed: a fresh clone, or after an edit)."""
    project = DbtProject(project_dir=project_dir, profiles_dir=project_dir)
    manifest = project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < dbt_sources_mtime(project_dir):
        project.preparer.prepare(project)
    return project


class WarehouseTranslator(DagsterDbtTranslator):
    """Asset keys are [schema, name] (e.g. marts/fct_expenditure); dbt sources are the ingest
    assets' raw tables (raw/table_cells)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or "main"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"
