"""Benchmark: CPU time of parsing a text extract, whole and by stage.

    uv run python bench/bench_text.py [FILE] [--runs N]

Process CPU time (time.process_time), median of N runs after one warm-up run. The stages are
decoding + line splitting, the nine tables, the profile, and the narrative facts; 'whole' is
parse_text (the stages plus assembling the document), each measured in the same run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.narrative import extract_facts, extract_profile
from dagster_project.parsing.text_document import parse_text
from dagster_project.parsing.text_tables import extract_tables
from timing import cpu_median  # bench/timing.py (the script's folder is on sys.path)

DEFAULT_FILE = Path(__file__).resolve().parents[1] / "raw" / "2021" / "wuhan-qiaokou-district-party-committee-office-2021.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    data = args.file.read_bytes()
    lines = split_lines(decode_bytes(data)[0])
    stages = {
        "decode + split lines": lambda: split_lines(decode_bytes(data)[0]),
        "tables": lambda: extract_tables(lines),
        "profile": lambda: extract_profile(lines),
        "narrative facts": lambda: extract_facts(lines),
        "whole (parse_text)": lambda: parse_text(data, args.file.name, "bench"),
    }
    doc = parse_text(data, args.file.name, "bench")
    print(f"file: {args.file.name} ({len(data):,} bytes, {len(lines)} lines); {doc.cells_found} cells, {len(doc.facts)} facts")
    for name, action in stages.items():
        print(f"{name:<22} median CPU over {args.runs} runs: {cpu_median(action, args.runs) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
