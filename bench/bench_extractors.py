"""Benchmark: how the text parser reads extracts of the same PDFs made by different tools.

    uv run python bench/bench_extractors.py PDF_OR_DIR... [--show N] [--damage N [--seed S]]

Each PDF is turned into text by every tool available here (pypdfium2, pdfplumber plain and with
layout=True, and pdfminer come with the project; poppler's pdftotext, PyMuPDF and its Markdown
writer pymupdf4llm, and pypdf (plain and layout mode) are used when installed: `uv run --with
pymupdf --with pypdf`), parsed by the text parser, and its certain table cells are compared with
what the PDF parser reads from the PDF itself. Per tool: cells read as the PDF parser reads them, certain
cells that differ from it (the number that matters: it should be 0; a scrambled table must be
reported, not read), tables reported out of order, and narrative facts (key, subject, value) the
PDF parser reads too. Table 6 cells are compared without their column group (the text parser
names it from the printed header, the PDF parser from the economic class).

--extracts DIR adds the extracts made by other programs (pdf.js, PDFBox, ...): a file
DIR/<pdf name>.<tool>.txt is the extract of <pdf name>.pdf by <tool>.

--damage N damages each extract before parsing it, as a careless copy would: N of its lines,
chosen with a fixed seed (--seed, default 0), are each deleted, printed twice or preceded by a
blank line.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dagster_project.parsing.model import ParsedDocument  # noqa: E402
from dagster_project.parsing.pdf_document import parse_pdf  # noqa: E402
from dagster_project.parsing.text_document import parse_text  # noqa: E402


def _pdfium(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdfplumber_layout(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def _pdftotext(*options: str) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, check=True,
                              text=True).stdout
    return extract


def _pymupdf(**options: bool) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        import pymupdf

        with pymupdf.open(path) as document:
            return "\f".join(page.get_text(**options) for page in document)  # (as PyMuPDF's recipe writes them)
    return extract


def _pymupdf4llm(path: Path) -> str:
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(path), show_progress=False)


def _pypdf(**options: str) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        import pypdf

        return "\n".join(page.extract_text(**options) for page in pypdf.PdfReader(path).pages)
    return extract


def _saved_extracts(folder: Path) -> dict[str, Callable[[Path], str]]:
    """One tool per <tool> of the folder's '<pdf name>.<tool>.txt' files; a PDF without one fails."""
    names = {path.name.removesuffix(".txt").split(".", 1)[1] for path in folder.glob("*.*.txt")}

    def saved(tool: str) -> Callable[[Path], str]:
        return lambda pdf: (folder / f"{pdf.stem}.{tool}.txt").read_text(encoding="utf-8")
    return {name: saved(name) for name in sorted(names)}


def available_tools() -> dict[str, Callable[[Path], str]]:
    tools = {"pypdfium2": _pdfium, "pdfplumber": _pdfplumber, "pdfplumber layout=True": _pdfplumber_layout,
             "pdfminer": _pdfminer}
    if shutil.which("pdftotext"):
        tools |= {"pdftotext -raw": _pdftotext("-raw"), "pdftotext -layout": _pdftotext("-layout"),
                  "pdftotext": _pdftotext()}
    if importlib.util.find_spec("pymupdf"):
        tools |= {"PyMuPDF": _pymupdf(), "PyMuPDF sort=True": _pymupdf(sort=True)}
    if importlib.util.find_spec("pymupdf4llm"):  # Markdown, tables with '|' between cells
        tools["pymupdf4llm"] = _pymupdf4llm
    if importlib.util.find_spec("pypdf"):
        tools |= {"pypdf": _pypdf(), "pypdf layout": _pypdf(extraction_mode="layout")}
    return tools


Key = tuple[int, str, str, str | None]


def certain_cells(doc: ParsedDocument) -> dict[Key, list]:
    cells: dict[Key, list] = {}
    for c in doc.cells:
        if c.certain:
            section = "" if c.table_no == 6 else c.section
            cells.setdefault((c.table_no, section, c.row_key, c.column_key), []).append(c.value)
    return cells


def facts_of(doc: ParsedDocument) -> Counter:
    return Counter((f.fact_key, f.subject, f.value) for f in doc.facts)


@dataclass
class Tally:
    read: int = 0  # reference cells read with the same value
    reference: int = 0
    differing: int = 0  # certain cells the reference does not have with that value
    out_of_order: int = 0  # tables reported out of order
    facts: int = 0  # reference facts found with the same key, subject and value
    reference_facts: int = 0
    examples: list[str] = field(default_factory=list)


def damaged(text: str, count: int, rng: random.Random, kind: str = "lines") -> str:
    """The text with `count` of its lines damaged as DAMAGE_KINDS[kind] says; with kind 'pages',
    every page on one line (see pages_on_one_line), with kind 'words', every word on a line of its
    own (see words_on_their_own_lines)."""
    if kind in WHOLE_TEXT_KINDS:
        return WHOLE_TEXT_KINDS[kind](text)
    lines = text.split("\n")
    for _ in range(count):
        DAMAGE_KINDS[kind](lines, rng.randrange(len(lines)), rng)
    return "\n".join(lines)


def _deleted_blank_or_twice(lines: list[str], k: int, rng: random.Random) -> None:
    change = rng.random()
    if change < 0.4:
        del lines[k]
    elif change < 0.7:
        lines.insert(k, "")
    else:
        lines.insert(k, lines[k])


def _joined_to_the_next(lines: list[str], k: int, rng: random.Random) -> None:
    if k + 1 < len(lines):
        lines[k:k + 2] = [lines[k] + rng.choice(("", " ")) + lines[k + 1]]


def _broken_in_two(lines: list[str], k: int, rng: random.Random) -> None:
    if len(lines[k]) > 1:
        at = rng.randrange(1, len(lines[k]))
        lines[k:k + 1] = [lines[k][:at], lines[k][at:]]


# What a careless copy or a tool does to a line: 'lines' deletes it, prints it twice or puts a blank
# line before it; 'joins' joins it to the next line, with a space or none (a tool that merges text
# standing close, '82.19' and '4' read as '82.194'); 'splits' breaks it in two at a random character
# (a cell wrapped in a narrow column, '1,331.3' / '5').
DAMAGE_KINDS = {"lines": _deleted_blank_or_twice, "joins": _joined_to_the_next, "splits": _broken_in_two}
_PAGE_NUMBER_LINE_RE = re.compile(r"\s*[-—]?\s*\d{1,3}\s*[-—]?\s*")


def words_on_their_own_lines(text: str) -> str:
    """The text with each of its words (what spaces part) on a line of its own, as a tool that
    writes each text item of a PDF on a line prints it ('减少' / '2.29' / '万元；其中：燃料费'); a line
    that is only a page number ('- 8 -') stays whole, one item."""
    return "\n".join(line.strip() if _PAGE_NUMBER_LINE_RE.fullmatch(line) else "\n".join(line.split())
                     for line in text.split("\n"))


def pages_on_one_line(text: str) -> str:
    """The text with each page on one line, its lines joined with spaces, as a web page showing a
    PDF's text prints it. A page ends at a form feed, else after a line that is only a number of one
    to three digits (its page number; in an extract that prints each 行次 on a line of its own,
    those end 'pages' too, and the damage is rows joined in runs rather than whole pages)."""
    if "\f" in text:
        pages = text.split("\f")
    else:
        pages, page = [], []
        for line in text.split("\n"):
            page.append(line)
            if _PAGE_NUMBER_LINE_RE.fullmatch(line):
                pages.append("\n".join(page))
                page = []
        pages.append("\n".join(page))
    return "\n".join(" ".join(line.strip() for line in page.splitlines() if line.strip()) for page in pages)


# What a tool does to the whole text: 'pages' prints each page on one line, 'words' each word on a
# line of its own (count and seed unused).
WHOLE_TEXT_KINDS = {"pages": pages_on_one_line, "words": words_on_their_own_lines}
KINDS = (*DAMAGE_KINDS, *WHOLE_TEXT_KINDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="PDF files or folders holding PDFs")
    parser.add_argument("--show", type=int, default=0, help="print up to N differing cells per tool")
    parser.add_argument("--damage", type=int, default=0, help="damage N lines of each extract first (fixed seed)")
    parser.add_argument("--seed", type=int, default=0, help="the seed of the damage")
    parser.add_argument("--kind", choices=KINDS, default="lines", help="what the damage does to a line")
    parser.add_argument("--tools", help="only these tools, comma-separated (names as the table prints them)")
    parser.add_argument("--extracts", type=Path, help="a folder of extracts made by other programs: <pdf name>.<tool>.txt")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pdfs = sorted(p for path in args.paths for p in ([path] if path.is_file() else path.rglob("*.pdf")))
    tools = available_tools() | (_saved_extracts(args.extracts) if args.extracts else {})
    if args.tools:
        tools = {name: tools[name] for name in args.tools.split(",")}
    tallies = {name: Tally() for name in tools}
    for pdf in pdfs:
        reference_doc = parse_pdf(pdf.read_bytes(), str(pdf), "reference")
        reference, reference_facts = certain_cells(reference_doc), facts_of(reference_doc)
        if not reference:
            continue  # a PDF the PDF parser cannot read gives nothing to compare with
        for name, extract in tools.items():
            try:
                text = extract(pdf)
            except Exception as error:  # a tool that cannot open the file: nothing to compare
                print(f"{pdf.name}: {name} failed: {error}", file=sys.stderr)
                continue
            if args.damage:
                text = damaged(text, args.damage, rng, args.kind)
            doc = parse_text(text.encode("utf-8"), f"{pdf.name} ({name})", name)
            cells, tally = certain_cells(doc), tallies[name]
            tally.reference += len(reference)
            tally.read += sum(1 for key, values in reference.items() if cells.get(key) == values)
            differing = [(key, values) for key, values in cells.items() if reference.get(key) != values]
            tally.differing += len(differing)
            tally.out_of_order += sum(1 for issue in doc.issues if issue.code == "table_out_of_order")
            tally.reference_facts += sum(reference_facts.values())
            tally.facts += sum((facts_of(doc) & reference_facts).values())
            tally.examples += [f"{pdf.name}: {key} = {values}, PDF: {reference.get(key)}" for key, values in differing]
    print(f"{len(pdfs)} PDFs; cells compared with the PDF parser's certain cells")
    print(f"{'tool':18s} {'cells read':>16s} {'certain, differing':>19s} {'tables out of order':>20s} {'facts':>12s}")
    for name, tally in tallies.items():
        cells, facts = f"{tally.read}/{tally.reference}", f"{tally.facts}/{tally.reference_facts}"
        print(f"{name:18s} {cells:>16s} {tally.differing:>19d} {tally.out_of_order:>20d} {facts:>12s}")
        for example in tally.examples[:args.show]:
            print(f"    {example}")


if __name__ == "__main__":
    main()
