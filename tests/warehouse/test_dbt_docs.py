"""`dbt docs generate` works on a real warehouse: the docs site's catalog describes the marts."""

import json
import os
import subprocess
import sys

from tests.helpers import REPO


def test_dbt_docs_generate_on_the_reference_warehouse(reference_warehouse, tmp_path):
    dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
    result = subprocess.run(
        [dbt, "docs", "generate", "--project-dir", "dbt", "--profiles-dir", "dbt", "--target-path", str(tmp_path)],
        cwd=REPO, env={**os.environ, "FDW_WAREHOUSE": str(reference_warehouse)}, capture_output=True, text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    catalog = json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8"))
    tables = {node["metadata"]["schema"] + "." + node["metadata"]["name"] for node in catalog["nodes"].values()}
    assert {"marts.fct_expenditure", "marts.dim_department", "dq.dq_open_alerts"} <= tables
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    described = manifest["nodes"]["model.fdw.fct_expenditure"]["columns"]
    assert described["function_subject_code"]["description"]
    assert (tmp_path / "index.html").is_file()
