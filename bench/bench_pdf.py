"""Benchmark: CPU time of parsing a PDF disclosure vs pdfplumber's bare text extraction.

    uv run python bench/bench_pdf.py [PDF] [--runs N]

Both are measured in the same run, in process CPU time (time.process_time), as the median of
N runs after one warm-up run; the ratio is parse_pdf / pdfplumber page.extract_text().
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pdfplumber

from dagster_project.parsing.pdf_document import parse_pdf
from timing import cpu_median  # bench/timing.py (the script's folder is on sys.path)

DEFAULT_PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "shanghai-putuo-2024-finance-bureau.pdf"


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = args.pdf.read_bytes()
    doc = parse_pdf(data, args.pdf.name, "bench")
    ours = cpu_median(lambda: parse_pdf(data, args.pdf.name, "bench"), args.runs)
    plumber = cpu_median(lambda: plumber_text(args.pdf), args.runs)
    with pdfplumber.open(args.pdf) as pdf:
        pages = len(pdf.pages)
    print(f"file: {args.pdf.name} ({pages} pages, {len(data):,} bytes); status {doc.status}, "
          f"{doc.cells_found} cells, {len(doc.facts)} facts")
    print(f"parse_pdf median CPU over {args.runs} runs:                 {ours:.3f} s")
    print(f"pdfplumber extract_text() median CPU over {args.runs} runs: {plumber:.3f} s")
    print(f"ratio parse_pdf / pdfplumber text: {ours / plumber:.2f}")


if __name__ == "__main__":
    main()
