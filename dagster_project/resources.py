"""Resources shared by every domain: the warehouse file and the raw folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from . import config


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. `path` empty means FDW_WAREHOUSE or <project>/warehouse.duckdb."""

    path: str = ""

    def resolved_path(self) -> Path:
        return Path(self.path).resolve() if self.path else config.warehouse_path()

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        path = self.resolved_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        try:
            yield con
        finally:
            con.close()


class RawFolderResource(dg.ConfigurableResource):
    """The landing folder of disclosure files. `path` empty means FDW_RAW or <project>/raw."""

    path: str = ""

    def resolved_path(self) -> Path:
        return Path(self.path).resolve() if self.path else config.raw_dir()
