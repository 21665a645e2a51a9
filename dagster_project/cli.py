"""`fdw`: run the pipeline, see the warehouse's state, query it.

Every command honours FDW_RAW (the raw folder, default raw/) and FDW_WAREHOUSE (the DuckDB
file, default warehouse.duckdb, both in the project root). Relative paths in the variables
are taken from the current directory."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from . import config
from .generator.cli import add_commands as add_generator_commands
from .locking import RunLock, WarehouseBusy

# Piped output (a file, another program) gets wide lines instead of cells wrapped at 80 columns.
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)  # (paths in messages stay whole, to copy)


def _print_rows(title: str, columns: list[str], rows: list[tuple]) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def _connect_read_only(warehouse: Path) -> duckdb.DuckDBPyConnection:
    if not warehouse.exists():
        err.print(f"[red]no warehouse at {warehouse}[/red]: run `fdw run` first (or set FDW_WAREHOUSE)")
        raise SystemExit(2)
    return duckdb.connect(str(warehouse), read_only=True)


def cmd_run(args: argparse.Namespace) -> int:
    raw, warehouse = config.raw_dir(), config.warehouse_path()
    if not raw.is_dir():
        err.print(f"[red]raw folder {raw} does not exist[/red] (set FDW_RAW or create it)")
        return 2
    if "FDW_RAW" not in os.environ and not args.no_demo:
        from .generator.corpus import ensure_demo_corpus

        ensure_demo_corpus(raw)
    os.environ["FDW_RAW"], os.environ["FDW_WAREHOUSE"] = str(raw), str(warehouse)
    err.print(f"raw folder: {raw}\nwarehouse:  {warehouse}")
    try:
        with RunLock(warehouse):
            from .defs.ingest.state import nothing_to_do

            if nothing_to_do(raw, warehouse):
                err.print("[green]nothing changed since the last complete run[/green] (files, parser, models, rules): "
                          "the warehouse is up to date")
                _summary(warehouse)
                return 0
            from .pipeline import run_pipeline  # heavy imports (dagster, dbt) only when there is work

            tool_log = None if args.verbose else warehouse.with_name(warehouse.name + ".last-run.log")
            result = run_pipeline(log_level="INFO" if args.verbose else "WARNING", tool_log=tool_log)
    except WarehouseBusy as exc:
        err.print(f"[red]{exc}[/red]")
        return 75
    if tool_log is not None:
        err.print(f"dbt's log of this run: {tool_log}")
    for step, seconds in result.step_seconds.items():
        err.print(f"  {step:<40} " + ("skipped" if seconds is None else f"{seconds:6.1f} s"))
    if not result.success:
        err.print(f"[red]the pipeline broke:[/red] {result.failure}")
        return 1
    if result.failed_checks:
        err.print(f"{len(result.failed_checks)} asset checks failed (dbt data tests and accounting identities); "
                  "the Dagster UI lists them")
    err.print("[green]pipeline finished[/green]; `fdw status` shows what was loaded and what the checks found")
    _summary(warehouse)
    return 0


def _summary(warehouse: Path) -> None:
    con = _connect_read_only(warehouse)
    try:
        rows = con.execute(
            "SELECT status, count(*) FROM raw.documents WHERE withdrawn_at IS NULL GROUP BY status ORDER BY status"
        ).fetchall()
    finally:
        con.close()
    console.print("documents: " + ", ".join(f"{n} {status}" for status, n in rows))


STATUS_QUERIES = {
    "Documents loaded, by year": (
        ["fiscal year", "departments", "documents", "cells found", "certain", "ambiguous"],
        """SELECT fiscal_year, count(DISTINCT department_name), count(*), sum(cells_found), sum(cells_certain),
                  sum(cells_ambiguous)
           FROM raw.documents WHERE status IN ('parsed', 'no_values') AND withdrawn_at IS NULL
           GROUP BY ALL ORDER BY fiscal_year""",
    ),
    "Documents loaded, by year and department (the first 100 rows)": (
        ["fiscal year", "department", "documents", "cells found", "certain", "ambiguous"],
        """SELECT fiscal_year, department_name, count(*), sum(cells_found), sum(cells_certain), sum(cells_ambiguous)
           FROM raw.documents WHERE status IN ('parsed', 'no_values') AND withdrawn_at IS NULL
           GROUP BY ALL ORDER BY fiscal_year, department_name""",
    ),
    "Documents that did not load": (
        ["status", "file", "reason"],
        """SELECT status, source_path, error FROM raw.documents
           WHERE status NOT IN ('parsed', 'no_values') AND withdrawn_at IS NULL ORDER BY source_path""",
    ),
    "Withdrawn documents (file removed from the raw folder)": (
        ["file", "department", "year", "withdrawn at"],
        """SELECT source_path, department_name, fiscal_year, withdrawn_at FROM raw.documents
           WHERE withdrawn_at IS NOT NULL ORDER BY source_path""",
    ),
    "Parse errors (what could not be read, e.g. a table an extraction tool scrambled; the first 30)": (
        ["file", "issue", "line", "message"],
        """SELECT d.source_path, i.code, coalesce(i.page || ':', '') || i.line_start, i.message
           FROM raw.parse_issues i JOIN raw.documents d USING (document_id)
           WHERE i.severity = 'error' AND d.withdrawn_at IS NULL ORDER BY 1, i.page, i.line_start LIMIT 30""",
    ),
    "Ambiguous cells (not placed: the evidence did not decide their column)": (
        ["file", "table", "row", "printed", "candidates", "lines"],
        """SELECT d.source_path, c.table_no, c.row_label, c.printed, c.candidates, c.line_start || '-' || c.line_end
           FROM raw.table_cells c JOIN raw.documents d USING (document_id)
           WHERE NOT c.certain AND d.withdrawn_at IS NULL ORDER BY 1, 2, c.line_start LIMIT 50""",
    ),
    "Checks of the last run, by severity": (
        ["severity", "checks run", "passed", "failed"],
        """SELECT severity, count(*), count(*) FILTER (passed), count(*) FILTER (NOT passed)
           FROM dq.dq_results WHERE run_id = (SELECT arg_max(run_id, checked_at) FROM dq.dq_results)
           GROUP BY severity ORDER BY severity""",
    ),
    "Open alerts by rule (failed 'error' checks of current documents)": (
        ["rule", "alerts", "documents"],
        """SELECT rule_id, count(*), count(DISTINCT document_id) FROM dq.dq_open_alerts GROUP BY ALL ORDER BY 2 DESC, 1""",
    ),
    "Open alerts (the first 30; all of them: fdw query \"SELECT * FROM dq.dq_open_alerts\")": (
        ["file", "rule", "message"],
        """SELECT d.source_path, a.rule_id, a.message FROM dq.dq_open_alerts a LEFT JOIN raw.documents d USING (document_id)
           ORDER BY 1, 2 LIMIT 30""",
    ),
}


def cmd_status(args: argparse.Namespace) -> int:
    warehouse = config.warehouse_path()
    con = _connect_read_only(warehouse)
    console.print(f"warehouse: {warehouse}")
    try:
        for title, (columns, sql) in STATUS_QUERIES.items():
            try:
                rows = con.execute(sql).fetchall()
            except duckdb.CatalogException:
                rows = []
            if rows:
                _print_rows(title, columns, rows)
            else:
                console.print(f"{title}: none")
    finally:
        con.close()
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    con = _connect_read_only(config.warehouse_path())
    try:
        cursor = con.execute(args.sql)
        if cursor.description is None:
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchmany(args.limit + 1)
    except duckdb.Error as exc:
        err.print(f"[red]query failed:[/red] {exc}")
        return 1
    finally:
        con.close()
    _print_rows("", columns, rows[: args.limit])
    if len(rows) > args.limit:
        err.print(f"(first {args.limit} rows shown; use --limit N for more)")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .reporting.department_report import DepartmentNotFound, build_report, render_html

    warehouse = config.warehouse_path()
    _connect_read_only(warehouse).close()
    try:
        report = build_report(warehouse, args.department)
    except DepartmentNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        return 1
    if args.html:
        args.html.write_text(render_html(report), encoding="utf-8")
        err.print(f"report written to {args.html}")
        return 0
    console.print(f"[bold]{report.department_name}[/bold]  {report.region}  ({report.department_id})")
    for section in report.sections:
        if section.rows:
            _print_rows(section.title, section.columns, section.rows)
        else:
            console.print(f"{section.title}: none")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .reporting.export import ExportError, export_table

    warehouse = config.warehouse_path()
    _connect_read_only(warehouse).close()
    try:
        rows = export_table(warehouse, args.table, args.format, args.out)
    except (ExportError, duckdb.Error) as exc:
        err.print(f"[red]export failed:[/red] {exc}")
        return 1
    err.print(f"{rows} rows of {args.table} written to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fdw", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the whole pipeline over the raw folder (in-process, no daemon)")
    run.add_argument("-v", "--verbose", action="store_true", help="show Dagster's step logs")
    run.add_argument("--no-demo", action="store_true",
                     help="do not generate the demo corpus into raw/demo (it is made once, only for the default raw folder)")
    run.set_defaults(func=cmd_run)
    status = commands.add_parser("status", help="documents loaded and failed, parse quality, checks and open alerts")
    status.set_defaults(func=cmd_status)
    query = commands.add_parser("query", help="run SQL on the warehouse (read-only) and print a table")
    query.add_argument("sql")
    query.add_argument("--limit", type=int, default=200, help="rows to print (default 200)")
    query.set_defaults(func=cmd_query)
    report = commands.add_parser("report", help="one department across its years (totals, class mix, 三公, procurement, alerts)")
    report.add_argument("department", help="department_id, full name, or a unique part of the name")
    report.add_argument("--html", type=Path, help="write an HTML page (with a chart) to this file instead")
    report.set_defaults(func=cmd_report)
    export = commands.add_parser("export", help="write a warehouse table or view to CSV or Parquet")
    export.add_argument("table", help="e.g. fct_expenditure or marts.fct_expenditure")
    export.add_argument("--format", choices=["csv", "parquet"], default="csv")
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(func=cmd_export)
    add_generator_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except config.WarehouseNameError as exc:
        err.print(f"[red]{exc}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main())
