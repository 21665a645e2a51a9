"""Benchmark: certain cells the text parser gets wrong on damaged extracts of a generated corpus.

    uv run python bench/bench_damage.py CORPUS [--extracts DIR] [--lines N] [--seed S] [--kind K] [--show N]

CORPUS is a folder written by `fdw generate` (its .meta/truth.jsonl holds every printed cell).
Each of its text documents, and each extract in DIR of one of its PDFs (files named
'<pdf name>.<tool>.txt', as bench_extractors.py --extracts reads them), is damaged as a careless
copy would be: N of its lines (default 10), chosen with a seed made of --seed and the file's name,
are each deleted, printed twice or preceded by a blank line (bench_extractors.damaged); with --kind
joins, each is joined to the next line, with --kind splits, broken in two; with --kind pages every
page is printed on one line, and with --kind words every word on a line of its own
(bench_extractors.pages_on_one_line, words_on_their_own_lines; --lines is not used). Then it
is parsed, and its certain table cells are compared with the generator's truth. Per tool ('text'
for the corpus's own text documents): certain cells, and those that differ from the truth (the
number that matters: a damaged line may cost cells, never give a wrong certain one). Table 6 is
compared without its column group; a cell the truth does not hold must read 0. The narrative's
facts are compared too: facts recorded, and those whose (key, subject, value) the document's truth
does not hold (a repeated line that states a true fact again is not counted, nor a fact whose
subject the parse reports unresolved).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extractors import KINDS, REPO, damaged  # noqa: E402

sys.path.insert(0, str(REPO))
from dagster_project.parsing.text_document import parse_text  # noqa: E402

Key = tuple[int, str, str, str | None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by fdw generate")
    parser.add_argument("--extracts", type=Path, help="extracts of the corpus's PDFs: <pdf name>.<tool>.txt")
    parser.add_argument("--lines", type=int, default=10, help="lines damaged per file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kind", choices=KINDS, default="lines", help="what the damage does to a line")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong cells and facts per tool")
    args = parser.parse_args()
    truth = {}  # (document, format) -> its cells
    true_facts: dict[tuple[str, str], set[tuple[str, str, Decimal]]] = {}  # (document, format) -> its facts
    for line in (args.corpus / ".meta" / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        key = (document["document"], document["format"])
        truth[key] = {tuple(c[:4]): Decimal(c[4]) for c in document["cells"]}
        true_facts[key] = {(f[0], f[1], Decimal(f[2])) for f in document["facts"]}
    files = [(path, "text", (path.stem, "text")) for path in sorted(args.corpus.glob("text/**/*.txt"))]
    if args.extracts:
        files += [(path, path.name.split(".")[1], (path.name.split(".")[0], "pdf"))
                  for path in sorted(args.extracts.glob("*.*.txt"))]
    certain, wrong = defaultdict(int), defaultdict(list)
    facts, wrong_facts = defaultdict(int), defaultdict(list)
    for path, tool, key in files:
        if key not in truth:
            continue
        text = path.read_text(encoding="utf-8")
        if text.strip():
            text = damaged(text, args.lines, random.Random(f"{args.seed}-{path.name}"), args.kind)
        doc = parse_text(text.encode("utf-8"), path.name, tool)
        for cell in doc.cells:
            if not cell.certain:
                continue
            certain[tool] += 1
            cell_key: Key = (cell.table_no, "" if cell.table_no == 6 else cell.section, cell.row_key, cell.column_key)
            if truth[key].get(cell_key, Decimal(0)) != cell.value:
                wrong[tool].append(f"{path.name}: {cell_key} = {cell.printed} (line {cell.provenance.line_start}), "
                                   f"truth: {truth[key].get(cell_key)}")
        unresolved = {(issue.message.split(":")[0], issue.provenance) for issue in doc.issues
                      if issue.code == "subject_unresolved"}  # reported, so not silent
        for fact in doc.facts:
            facts[tool] += 1
            if (fact.fact_key, fact.subject, fact.value) not in true_facts[key] \
                    and (fact.fact_key, fact.provenance) not in unresolved:
                wrong_facts[tool].append(f"{path.name}: {fact.fact_key} {fact.subject} = {fact.printed} "
                                         f"(line {fact.provenance.line_start})")
    damage = {"pages": "every page on one line", "words": "every word on a line of its own"}.get(
        args.kind, f"{args.lines} lines damaged in each ({args.kind}, seed {args.seed})")
    print(f"{len(files)} files, {damage}")
    print(f"{'tool':24s} {'certain cells':>14s} {'wrong':>6s} {'facts':>8s} {'wrong':>6s}")
    for tool in sorted(certain):
        print(f"{tool:24s} {certain[tool]:14d} {len(wrong[tool]):6d} {facts[tool]:8d} {len(wrong_facts[tool]):6d}")
        for example in wrong[tool][:args.show] + wrong_facts[tool][:args.show]:
            print(f"    {example}")
    print(f"{'all':24s} {sum(certain.values()):14d} {sum(map(len, wrong.values())):6d} {sum(facts.values()):8d} "
          f"{sum(map(len, wrong_facts.values())):6d}")


if __name__ == "__main__":
    main()
