"""Benchmark: CPU time of parsing a text extract, whole and by stage.

    uv run python bench/bench_text.py [FILE] [--runs N] [--repo CHECKOUT]
    uv run python bench/bench_text.py --batch DIR [--repo CHECKOUT]   # e.g. a folder made by `fdw generate`
    bench/count_instructions.sh [CHECKOUT] [FILE] [--stages]   # CPU instructions per parse, under valgrind

Process CPU time (time.process_time), median of N runs after one warm-up run. Each run parses
the file twice: once as parse_text does ('whole'), and once stage by stage on fresh lines, each
stage timed in that same run (the narrative's sentence model is built once per list of lines and
shared by the tables, profile and facts, so it is timed as its own stage before them). --repo
measures the parser of another checkout (e.g. a git worktree of an older commit) on the same
file, for before/after ratios. --batch parses every .txt file under DIR once, in one process and
keeping every result, as an ingest worker does with a batch (parse_file, so with what the
dispatcher adds), and prints the CPU time per document. --repeat N only parses the file N times
after one warm-up, printing nothing (with --upto STAGE: only the stages up to that one):
bench/count_instructions.sh runs it under valgrind.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO / "raw" / "2021" / "wuhan-qiaokou-district-party-committee-office-2021.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose parser is measured")
    parser.add_argument("--batch", type=Path, help="parse every .txt file under this folder once, as one batch")
    parser.add_argument("--repeat", type=int, help="only parse the file this many times (for instruction counts)")
    parser.add_argument("--upto", help="with --repeat: run the stages up to this one (e.g. 'tables') instead of parse_text")
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))
    if args.repeat is not None:
        repeat(args.file, args.repeat, args.upto)
        return
    if args.batch:
        batch(args.batch)
        return
    from dagster_project.parsing import text_tables
    from dagster_project.parsing.decode import decode_bytes, split_lines
    from dagster_project.parsing.text_document import parse_text

    data = args.file.read_bytes()
    line_stages = _line_stages()
    times: dict[str, list[float]] = {name: [] for name in ["whole (parse_text)", "decode", "split lines", *line_stages]}
    for run in range(args.runs + 1):  # run 0 warms up (imports, compiled patterns)
        elapsed = []
        doc = _timed(elapsed, parse_text, data, args.file.name, "bench")
        text, _ = _timed(elapsed, decode_bytes, data)
        lines = _timed(elapsed, split_lines, text)
        for stage in line_stages.values():
            _timed(elapsed, stage, lines)
        if run:
            for name, seconds in zip(times, elapsed, strict=True):
                times[name].append(seconds)
    print(f"parser: {Path(text_tables.__file__).parents[2]}")
    print(f"file: {args.file.name} ({len(data):,} bytes); {doc.cells_found} cells, {len(doc.facts)} facts")
    print(f"median CPU over {args.runs} runs:")
    for name, seconds in times.items():
        print(f"  {name:<20} {statistics.median(seconds) * 1000:7.2f} ms")


def _line_stages() -> dict:
    """The stages after decoding, each taking the fresh lines of a run, in the order parse_text needs them."""
    from dagster_project.parsing import narrative, text_tables

    return {
        "sentence model": narrative._document,
        "tables": text_tables.extract_tables,
        "profile": narrative.extract_profile,
        "headings": narrative.extract_headings,
        "narrative facts": narrative.extract_facts,
    }


def repeat(file: Path, times: int, upto: str | None) -> None:
    """Parse the file `times` times after one warm-up: whole, or only the stages up to `upto`."""
    from dagster_project.parsing.decode import decode_bytes, split_lines
    from dagster_project.parsing.text_document import parse_text

    data = file.read_bytes()
    if upto is None:
        for _ in range(times + 1):
            parse_text(data, file.name, "bench")
        return
    line_stages = list(_line_stages().items())
    names = ["decode", "split lines", *(name for name, _ in line_stages)]
    if upto not in names:
        raise SystemExit(f"--upto: one of {', '.join(names)}")
    stages = [action for name, action in line_stages][: max(0, names.index(upto) - 1)]
    for _ in range(times + 1):
        text, _ = decode_bytes(data)
        if upto == "decode":
            continue
        lines = split_lines(text)
        for stage in stages:
            stage(lines)


def batch(folder: Path) -> None:
    from dagster_project.parsing import parse_file

    files = sorted(folder.rglob("*.txt"))
    contents = [(path.read_bytes(), str(path)) for path in files]
    start = time.process_time()
    documents = [parse_file(data, name, name, "text") for data, name in contents]
    seconds = time.process_time() - start
    print(f"parser: {Path(sys.modules[parse_file.__module__].__file__).parents[2]}")
    print(f"{len(documents)} documents of {folder}: {seconds:.2f} s CPU, {seconds / len(documents) * 1000:.1f} ms per document")


def _timed(elapsed: list[float], action, *args):
    """action(*args), its CPU time appended to `elapsed`."""
    start = time.process_time()
    result = action(*args)
    elapsed.append(time.process_time() - start)
    return result


if __name__ == "__main__":
    main()
