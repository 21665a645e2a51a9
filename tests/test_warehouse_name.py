"""A warehouse file named like a schema it holds ('raw.duckdb') is refused with a clear message
before anything runs: DuckDB names a database after its file, and 'raw.documents' would then be
ambiguous (a real failure seen with FDW_WAREHOUSE=raw.duckdb)."""

from __future__ import annotations

from dagster_project.cli import main
from dagster_project.config import using_paths, warehouse_path


def test_a_warehouse_named_like_a_schema_is_refused_with_the_way_out(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    for name in ("raw.duckdb", "Marts.duckdb"):
        with using_paths(tmp_path / "raw", tmp_path / name):
            assert main(["run", "--no-demo"]) == 2
        message = " ".join(capsys.readouterr().err.split())
        assert name in message and "ambiguous" in message and "-warehouse.duckdb" in message
    assert not list(tmp_path.glob("*.duckdb"))  # nothing was created


def test_other_names_are_fine(tmp_path):
    with using_paths(tmp_path / "raw", tmp_path / "raw-warehouse.duckdb"):
        assert warehouse_path() == (tmp_path / "raw-warehouse.duckdb").resolve()
