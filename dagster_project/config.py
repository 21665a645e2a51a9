"""Where things are: the project root, the raw folder and the warehouse file.

FDW_RAW and FDW_WAREHOUSE override the defaults (raw/ and warehouse.duckdb in the project root);
they are read when a path is asked for, so every command and every run honours them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


def raw_dir() -> Path:
    return Path(os.environ.get("FDW_RAW") or PROJECT_ROOT / "raw").resolve()


# DuckDB names a database after its file: a warehouse file named like a schema inside it
# ('raw.duckdb') makes every reference to that schema ambiguous.
RESERVED_WAREHOUSE_NAMES = frozenset({"raw", "staging", "intermediate", "marts", "dq", "seeds",
                                      "main", "system", "temp", "memory"})


class WarehouseNameError(ValueError):
    """The warehouse file's name cannot be used (see RESERVED_WAREHOUSE_NAMES)."""


def warehouse_path() -> Path:
    path = Path(os.environ.get("FDW_WAREHOUSE") or PROJECT_ROOT / "warehouse.duckdb").resolve()
    if path.stem.lower() in RESERVED_WAREHOUSE_NAMES:
        raise WarehouseNameError(
            f"the warehouse file '{path}' is named like the schema '{path.stem}' it holds (DuckDB names a "
            f"database after its file, so '{path.stem}.…' would be ambiguous): choose another name, "
            f"e.g. FDW_WAREHOUSE={path.with_name(path.stem + '-warehouse' + path.suffix)}")
    return path


@contextmanager
def using_paths(raw: Path, warehouse: Path) -> Iterator[None]:
    """FDW_RAW and FDW_WAREHOUSE set to these paths for the duration (for runs of the pipeline
    from code: evaluations, tests), then restored."""
    saved = {key: os.environ.get(key) for key in ("FDW_RAW", "FDW_WAREHOUSE")}
    os.environ["FDW_RAW"], os.environ["FDW_WAREHOUSE"] = str(raw), str(warehouse)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
