"""`fdw generate` and `fdw dq-eval`: make a synthetic corpus with planted faults, and score the
pipeline on one."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .corpus import META, Spec, generate
from .faults import FAULT_KINDS
from .layout import TEMPLATES


def _years(text: str) -> range:
    first, _, last = text.partition("-")
    try:
        return range(int(first), int(last or first) + 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"years must look like 2018-2025, not {text!r}") from None


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = set(formats) - {"text", "pdf"}
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"formats are text and/or pdf, not {text!r}")
    return formats


def cmd_generate(args: argparse.Namespace) -> int:
    spec = Spec(args.departments, args.years, args.seed, args.fault_rate, args.formats, templates=args.templates)
    started = time.perf_counter()
    manifest = generate(Path(args.out), spec, workers=args.workers)
    seconds = time.perf_counter() - started
    counts = manifest["counts"]
    documents = sum(v for k, v in counts.items() if k.startswith("documents_"))
    faults = {k: v for k, v in counts.items() if not k.startswith("documents_")}
    print(f"{documents} documents ({', '.join(f'{v} {k[10:]}' for k, v in counts.items() if k.startswith('documents_'))}) "
          f"in {seconds:.1f} s under {args.out}")
    print(f"faults planted: {sum(faults.values())} " + (f"({', '.join(f'{k} {v}' for k, v in sorted(faults.items()))})" if faults else ""))
    print(f"labels: {Path(args.out) / META / 'labels.jsonl'}; truth: {Path(args.out) / META / 'truth.jsonl'}")
    return 0


def _fraction(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def cmd_dq_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate

    corpus = Path(args.dir).resolve()
    if not (corpus / META / "labels.jsonl").exists():
        print(f"{corpus} is not a generated corpus (no {META}/labels.jsonl): make one with `fdw generate`", file=sys.stderr)
        return 2
    os.environ.setdefault("TQDM_DISABLE", "1")
    started = time.perf_counter()
    result = evaluate(corpus, Path(args.warehouse).resolve() if args.warehouse else None)
    print(f"pipeline and scoring: {time.perf_counter() - started:.1f} s")
    print(f"{'fault kind':<20} {'labels':>6} {'found':>6} {'recall':>7} {'alerts':>7} {'true':>6} {'precision':>9}")
    for kind in FAULT_KINDS:
        s = result.kinds.get(kind)
        if s:
            print(f"{kind:<20} {s.labels:>6} {s.detected:>6} {s.recall:>7.3f} {s.alerts:>7} {s.true_alerts:>6} {s.precision:>9.3f}")
    if result.false_alarms:
        top = sorted(result.false_alarms.items(), key=lambda kv: -kv[1])[:10]
        print("alerts no planted fault explains (rule: count): " + ", ".join(f"{r}: {n}" for r, n in top))
    for label in result.missed[: args.show_missed]:
        print(f"missed: {label['kind']} in {label['file']} ({label['where']}: printed {label['printed']}, true {label['true']})")
    for fmt, (found, expected) in sorted(result.extraction.items()):
        print(f"extraction {fmt}: {found} of {expected} printed values recovered exactly")
    recall = result.detected / result.labels if result.labels else 1.0
    precision = result.true_alerts / result.alerts if result.alerts else 1.0
    print(f"recall={recall:.4f} precision={precision:.4f} "
          f"extraction_text={_fraction(result.extraction_share('text'))} extraction_pdf={_fraction(result.extraction_share('pdf'))}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    gen = subparsers.add_parser("generate", help="write a synthetic corpus of disclosures with planted faults and labels")
    gen.add_argument("--out", required=True, help="folder to write (documents, and .meta/ with labels and truth)")
    gen.add_argument("--departments", type=int, default=30)
    gen.add_argument("--years", type=_years, default=range(2021, 2025), help="e.g. 2018-2025")
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument("--fault-rate", type=float, default=0.0, help="share of documents given one planted fault")
    gen.add_argument("--formats", type=_formats, default=("text",), help="text, pdf or text,pdf (each document gets one)")
    gen.add_argument("--templates", choices=TEMPLATES, default="standard",
                     help="provincial: some tables under other provinces' titles, Table 7 an item per row")
    gen.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (output is the same for any number)")
    gen.set_defaults(func=cmd_generate)
    ev = subparsers.add_parser("dq-eval", help="run the pipeline on a generated corpus and score alerts and extraction")
    ev.add_argument("dir", help="a folder written by `fdw generate`")
    ev.add_argument("--warehouse", help="keep the warehouse at this path (default: a temporary one)")
    ev.add_argument("--show-missed", type=int, default=10, help="missed labels to list")
    ev.set_defaults(func=cmd_dq_eval)
