"""Benchmark: CPU time of parsing a PDF disclosure vs pdfplumber's bare text extraction; or
the parser's extraction accuracy on a generated corpus.

    uv run python bench/bench_pdf.py [PDF] [--runs N]
    uv run python bench/bench_pdf.py --corpus DIR      # a folder made by `fdw generate --formats pdf`

Both times are measured in the same run, in process CPU time (time.process_time), as the median
of N runs after one warm-up run; the ratio is parse_pdf / pdfplumber page.extract_text().
--corpus parses every complete PDF of the corpus and counts the truth's printed values
(.meta/truth.jsonl) found with the same key and exactly the same value, as `fdw dq-eval` does
for extraction_pdf, without the rest of the pipeline.
"""

from __future__ import annotations

import argparse
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pdfplumber
from timing import cpu_median  # bench/timing.py (the script's folder is on sys.path)

from dagster_project.generator.corpus import META
from dagster_project.generator.evaluation import read_jsonl
from dagster_project.generator.truth import cell_key
from dagster_project.parsing.pdf_document import parse_pdf

DEFAULT_PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "shanghai-putuo-2024-finance-bureau.pdf"


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def missed_values(corpus: Path, truth: dict) -> list[tuple]:
    """The truth's printed values of one document that the parser does not recover exactly."""
    doc = parse_pdf((corpus / truth["file"]).read_bytes(), truth["file"], truth["document"])
    cells = {(*cell_key(c.table_no, c.section, c.row_key, c.column_key), c.value) for c in doc.cells if c.certain}
    facts = {(f.fact_key, f.subject, f.value.normalize()) for f in doc.facts}
    missed = [c for c in truth["cells"] if (*c[:4], Decimal(c[4])) not in cells]
    return missed + [f for f in truth["facts"] if (f[0], f[1], Decimal(f[2]).normalize()) not in facts]


def corpus_extraction(corpus: Path) -> None:
    documents = [t for t in read_jsonl(corpus / META / "truth.jsonl") if t["format"] == "pdf" and t["complete"]]
    expected = missed = 0
    by_table: Counter = Counter()
    for truth in documents:
        lost = missed_values(corpus, truth)
        expected += len(truth["cells"]) + len(truth["facts"])
        missed += len(lost)
        by_table.update(f"table {v[0]}" if isinstance(v[0], int) else f"fact {v[0]}" for v in lost)
    print(f"{len(documents)} PDFs: {expected - missed:,} of {expected:,} printed values recovered exactly "
          f"(extraction_pdf {(expected - missed) / expected:.4f})")
    for where, count in by_table.most_common():
        print(f"  missed in {where}: {count}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="a generated corpus: measure extraction instead of time")
    args = parser.parse_args()
    if args.corpus:
        corpus_extraction(args.corpus)
        return
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
