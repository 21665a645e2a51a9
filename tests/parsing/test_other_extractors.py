"""The Shanghai finance bureau's PDF turned into text by other tools than pdftotext -raw, made at
test time (the PDF is never copied into the project). Each tool keeps a different part of the
reading order: the parser reads what is kept and never makes a certain cell of what is scrambled.
Expected values: tests/parsing/shanghai_expected.py, typed by hand from the document."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from pdfminer.high_level import extract_text as pdfminer_text

from dagster_project.parsing.model import ParsedDocument
from dagster_project.parsing.text_document import parse_text
from tests.parsing.shanghai_expected import TABLES

PDF = "shanghai-putuo-2024-finance-bureau.pdf"


def _pdfium_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _pdfplumber_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdfplumber_layout_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


# pypdfium2 keeps each row on its line; pdfplumber prints numbers in another font on the line under
# their labels, and with layout=True keeps every word at its place on a character grid; pdfminer
# lists a table's labels, then its numbers.
EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pypdfium2": _pdfium_text, "pdfplumber": _pdfplumber_text, "pdfplumber-layout": _pdfplumber_layout_text,
    "pdfminer": pdfminer_text,
}


@cache
def _parsed(path: Path, tool: str) -> ParsedDocument:
    return parse_text(EXTRACTORS[tool](path).encode("utf-8"), f"{PDF} ({tool})", tool)


@pytest.fixture(params=sorted(EXTRACTORS))
def extract(request, corpus_dir) -> ParsedDocument:
    return _parsed(corpus_dir / PDF, request.param)


def certain_cells(doc: ParsedDocument, no: int) -> dict[tuple[str, str, str], Decimal]:
    cells = [c for c in doc.cells if c.table_no == no and c.certain]
    keys = [(c.section, c.row_key, c.column_key) for c in cells]
    assert len(keys) == len(set(keys)), "two certain numbers in one cell"
    return {(c.section, c.row_key, c.column_key): c.value for c in cells}


def test_no_certain_cell_contradicts_the_document(extract):
    for no, expected in TABLES.items():
        wrong = {key: value for key, value in certain_cells(extract, no).items() if expected.get(key) != value}
        assert not wrong, f"table {no}: certain cells the document does not print: {wrong}"


def test_pdfium_extract_reads_every_table_as_the_raw_extract(corpus_dir):
    doc = _parsed(corpus_dir / PDF, "pypdfium2")
    for no, expected in TABLES.items():
        assert certain_cells(doc, no) == expected, f"table {no}"


def test_pdfplumber_numbers_under_their_labels_are_read_with_them(corpus_dir):
    doc = _parsed(corpus_dir / PDF, "pdfplumber")
    for no in (1, 4, 5):  # two-sided rows ('收入 label, 支出 label' over 'amount, amount') and T5
        assert certain_cells(doc, no) == TABLES[no], f"table {no}"
    # T2's header cells are broken across lines column by column: no column can be named, and it says so
    unread = [i for i in doc.issues if i.code == "unknown_column_header" and i.message.startswith("table 2")]
    assert unread and all(i.provenance.line_start for i in unread)
    assert not certain_cells(doc, 2)


def test_pdfplumber_layout_header_broken_down_its_columns_is_read(corpus_dir):
    doc = _parsed(corpus_dir / PDF, "pdfplumber-layout")
    assert not [i for i in doc.issues if i.code == "unknown_column_header" and i.message.startswith("table 2")]
    # Table 3 prints each row's name and its basic and project numbers a line above its code and total
    for no in (1, 2, 3, 4, 5):
        assert certain_cells(doc, no) == TABLES[no], f"table {no}"


def test_pdfminer_tables_listed_labels_first_are_reported_not_read(corpus_dir):
    doc = _parsed(corpus_dir / PDF, "pdfminer")
    out_of_order = {int(i.message.split()[1].rstrip(":")) for i in doc.issues if i.code == "table_out_of_order"}
    assert {1, 4} <= out_of_order
    assert all(i.severity == "error" and i.provenance.line_start for i in doc.issues if i.code == "table_out_of_order")
    for no in out_of_order:
        cells = [c for c in doc.cells if c.table_no == no]
        assert cells and not any(c.certain for c in cells)


def test_pdfium_narrative_facts(corpus_dir):
    facts = _parsed(corpus_dir / PDF, "pypdfium2").facts
    stated = {(f.fact_key, f.subject): (f.value, f.qualifier) for f in facts}
    assert stated[("total_income_expenditure", "total")] == (Decimal("2995.39"), "")
    assert stated[("total_yoy_change_pct", "total")] == (Decimal("1.87"), "下降")
    assert stated[("income_share_pct", "fiscal_appropriation")] == (Decimal("99.79"), "")
    assert stated[("expenditure_amount", "project")] == (Decimal("603.14"), "")
    assert stated[("gpb_yoy_change", "total")] == (Decimal("63.14"), "减少")
    assert stated[("budget_completion_pct", "total")] == (Decimal("98.20"), "")
    assert stated[("basic_total", "total")] == (Decimal("2336.91"), "")
