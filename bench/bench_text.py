"""Benchmark: CPU time of parsing a text extract, whole and by stage.

    uv run python bench/bench_text.py [FILE] [--runs N] [--repo CHECKOUT]

Process CPU time (time.process_time), median of N runs after one warm-up run. The stages are
decoding + line splitting, the nine tables, the profile, and the narrative facts; 'whole' is
parse_text (the stages plus assembling the document), each measured in the same run. The tables
stage is also split into its steps. --repo measures the parser of another checkout (e.g. a git
worktree of an older commit) on the same file, for before/after ratios.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import cpu_median  # bench/timing.py (the script's folder is on sys.path)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO / "raw" / "2021" / "wuhan-qiaokou-district-party-committee-office-2021.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose parser is measured")
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))
    from dagster_project.parsing import text_tables
    from dagster_project.parsing.decode import decode_bytes, split_lines
    from dagster_project.parsing.narrative import extract_facts, extract_profile
    from dagster_project.parsing.text_document import parse_text

    data = args.file.read_bytes()
    lines = split_lines(decode_bytes(data)[0])
    stages = {
        "decode + split lines": lambda: split_lines(decode_bytes(data)[0]),
        "tables": lambda: text_tables.extract_tables(lines),
        "profile": lambda: extract_profile(lines),
        "narrative facts": lambda: extract_facts(lines),
        "whole (parse_text)": lambda: parse_text(data, args.file.name, "bench"),
    }
    doc = parse_text(data, args.file.name, "bench")
    print(f"parser: {Path(text_tables.__file__).parents[2]}")
    print(f"file: {args.file.name} ({len(data):,} bytes, {len(lines)} lines); {doc.cells_found} cells, {len(doc.facts)} facts")
    for name, action in stages.items():
        print(f"{name:<22} median CPU over {args.runs} runs: {cpu_median(action, args.runs) * 1000:7.1f} ms")
    for name, action in _table_steps(text_tables, lines).items():
        print(f"  tables: {name:<20} {cpu_median(action, args.runs) * 1000:7.1f} ms")


def _table_steps(text_tables, lines) -> dict:
    """The steps of the tables stage, each on the previous step's result (solving works on fresh rows)."""
    page_lines = text_tables._without_page_numbers(lines)
    regions = text_tables._find_regions(page_lines)

    def rows():
        return [row for no in sorted(regions) for row in text_tables._read_table(regions[no], page_lines, [])[0]]

    def solved():
        read = rows()
        text_tables._solve(read, text_tables._constraints(read))
        return read

    placed = solved()
    return {
        "regions": lambda: text_tables._find_regions(text_tables._without_page_numbers(lines)),
        "rows": rows,
        "rows + solver": solved,
        "cells": lambda: [cell for row in placed for cell in text_tables._cells(row, [])],
    }


if __name__ == "__main__":
    main()
