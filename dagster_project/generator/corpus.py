"""Generate a corpus: departments x years of documents, with planted faults, their labels and
the ground truth of every printed value.

Layout of a corpus folder OUT (all of OUT can serve as a raw folder: the metadata folder is
hidden, and the raw-folder discovery skips hidden paths):
    OUT/<format>/<year>/<department key>-<year>.txt|.pdf
    OUT/.meta/labels.jsonl    one line per planted fault
    OUT/.meta/truth.jsonl     one line per document: its printed cells and facts
    OUT/.meta/manifest.json   the parameters the corpus was generated with
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .accounts import department_years, make_department, name_slots
from .document import TABLE_TITLES, build_document
from .faults import FAULT_KINDS, PLANTERS, Label, truncate
from .layout import draw_layout, format_amount, provincial_layout
from .render_text import render_text
from .truth import truth_cells, truth_facts

META = ".meta"
EXTENSIONS = {"text": "txt", "pdf": "pdf"}
DEMO_FOLDER = "demo"
# The demo: a small seeded corpus in text, with a few faults of the kinds the checks show well.
DEMO = {"departments": 30, "years": range(2021, 2025), "seed": 2024, "fault_rate": 0.04,
        "kinds": ("transposed_digit", "wrong_percentage", "class_total_off", "carryover_break", "name_misprint")}


@dataclass(frozen=True)
class Spec:
    departments: int
    years: range
    seed: int
    fault_rate: float = 0.0
    formats: tuple[str, ...] = ("text",)
    kinds: tuple[str, ...] = FAULT_KINDS
    templates: str = "standard"  # or 'provincial' (see layout.provincial_layout)


@dataclass(frozen=True)
class Output:
    path: str  # relative to the corpus folder
    data: bytes
    truth: dict
    labels: list[dict]


def department_documents(spec: Spec, number: int) -> list[Output]:
    """Every document of one department: deterministic for (seed, number) alone, so departments
    can be generated in any order or in parallel."""
    rng = random.Random(f"{spec.seed}:{number}")
    slots = name_slots(spec.seed)  # past the catalogue's distinct names (about 280), names repeat
    dept = make_department(slots[(number - 1) % len(slots)], number)
    layout = draw_layout(rng)
    if spec.templates == "provincial":  # its own draws: the documents' numbers stay those of the standard corpus
        layout = provincial_layout(layout, random.Random(f"{spec.seed}:{number}:templates"))
    plan = {}
    for year in spec.years:
        if rng.random() < spec.fault_rate:
            kinds = [k for k in spec.kinds if k != "carryover_break" or year > spec.years[0]]
            if kinds:  # a first year cannot break a chain
                plan[year] = rng.choice(kinds)
    shifts = {y: rng.randint(100, 5000) for y, kind in plan.items() if kind == "carryover_break"}
    prior, accounts = department_years(dept, spec.years, rng, shifts)
    outputs, prev = [], prior
    for acc in accounts:
        doc = build_document(dept, acc, prev, layout, rng)
        doc.fmt = rng.choice(spec.formats)
        kind = plan.get(acc.year)
        if kind == "carryover_break":
            label = Label(kind, "table 1 income carryover_begin", format_amount(acc.carry_begin, layout),
                          format_amount(prev.carry_end, layout))
        else:
            label = PLANTERS[kind](doc, rng) if kind else None
        outputs.append(_output(doc, label))
        prev = acc
    return outputs


def _output(doc, label: Label | None) -> Output:
    name = f"{doc.dept.key}-{doc.year}"
    path = f"{doc.fmt}/{doc.year}/{name}.{EXTENSIONS[doc.fmt]}"
    if doc.fmt == "pdf":
        from .render_pdf import render_pdf  # reportlab only when PDFs are asked for

        data = render_pdf(doc)
    else:
        data = render_text(doc).encode("utf-8")
    if doc.truncate_at is not None:
        data = truncate(data, doc.truncate_at)
    truth = {"file": path, "document": name, "format": doc.fmt, "department": doc.name, "region": doc.dept.region,
             "year": doc.year, "complete": doc.truncate_at is None and len(doc.tables) == len(TABLE_TITLES), "cells": truth_cells(doc), "facts": truth_facts(doc)}
    return Output(path, data, truth, [label.as_json(path, name)] if label else [])


def _batch(args: tuple[Spec, list[int]]) -> list[Output]:
    spec, numbers = args
    return [o for n in numbers for o in department_documents(spec, n)]


def generate(out: Path, spec: Spec, workers: int = 1) -> dict:
    """Write the corpus under `out`; returns the manifest (counts per format and fault kind)."""
    out.mkdir(parents=True, exist_ok=True)
    meta = out / META
    meta.mkdir(exist_ok=True)
    counts: dict[str, int] = {}
    with (meta / "labels.jsonl").open("w", encoding="utf-8") as labels, \
         (meta / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for output in _outputs(spec, workers):
            target = out / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.data)
            truth.write(json.dumps(output.truth, ensure_ascii=False) + "\n")
            for label in output.labels:
                labels.write(json.dumps(label, ensure_ascii=False) + "\n")
                counts[label["kind"]] = counts.get(label["kind"], 0) + 1
            counts[f"documents_{output.truth['format']}"] = counts.get(f"documents_{output.truth['format']}", 0) + 1
    manifest = {"departments": spec.departments, "years": [spec.years[0], spec.years[-1]], "seed": spec.seed,
                "fault_rate": spec.fault_rate, "formats": list(spec.formats), "kinds": list(spec.kinds),
                "templates": spec.templates, "counts": counts}
    (meta / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def _outputs(spec: Spec, workers: int) -> Iterable[Output]:
    numbers = list(range(1, spec.departments + 1))
    if workers <= 1:
        for n in numbers:
            yield from department_documents(spec, n)
        return
    chunks = [numbers[i:i + 8] for i in range(0, len(numbers), 8)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for outputs in pool.map(_batch, [(spec, chunk) for chunk in chunks]):
            yield from outputs


def ensure_demo_corpus(raw_dir: Path) -> Path:
    """The demo corpus under raw_dir/demo (about 30 departments x 4 years, text), generated
    once: an existing one is left alone."""
    target = raw_dir / DEMO_FOLDER
    if not (target / META / "manifest.json").exists():
        generate(target, Spec(DEMO["departments"], DEMO["years"], DEMO["seed"], DEMO["fault_rate"], ("text",), DEMO["kinds"]))
    return target
