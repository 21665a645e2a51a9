"""The 2024 Putuo finance-bureau PDF (ONLYOFFICE), its WPS-altered copy and the blank template.

Expected values are typed by hand from the PDF pages (rendered and read), not from the parser."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parsing import parse_file
from dagster_project.parsing.model import ParsedDocument

FINANCE = "shanghai-putuo-2024-finance-bureau.pdf"
ALTERED = "shanghai-putuo-2024-finance-bureau-altered.pdf"
TEMPLATE = "shanghai-2024-final-accounts-template.pdf"


@lru_cache(maxsize=None)
def _parse(path: Path) -> ParsedDocument:
    return parse_file(path.read_bytes(), path.name, path.name, "pdf")


@pytest.fixture
def finance(corpus_dir: Path) -> ParsedDocument:
    return _parse(corpus_dir / FINANCE)


def cells_of(doc: ParsedDocument, table_no: int) -> dict[tuple[str, str, str], Decimal]:
    """(section, row_key, column_key) -> amount of one table; fails on a duplicate cell."""
    found: dict[tuple[str, str, str], Decimal] = {}
    for cell in doc.cells:
        if cell.table_no == table_no:
            key = (cell.section, cell.row_key, cell.column_key)
            assert key not in found, f"cell printed twice: {key}"
            found[key] = cell.value
    return found


def D(text: str) -> Decimal:
    return Decimal(text)


def test_status_and_every_cell_certain(finance):
    assert finance.status == "parsed"
    assert finance.department_name == "上海市普陀区财政局"
    assert finance.fiscal_year == 2024
    assert finance.cells_found > 0 and finance.cells_ambiguous == 0
    assert not [i for i in finance.issues if i.severity == "error"]
    assert [t.table_no for t in finance.tables if t.present] == list(range(1, 10))


def test_table1(finance):
    assert cells_of(finance, 1) == {
        ("income", "general_budget_appropriation", "amount"): D("2940.05"),
        ("income", "other_income", "amount"): D("6.20"),
        ("income", "total_income", "amount"): D("2946.25"),
        ("income", "carryover_begin", "amount"): D("49.14"),
        ("income", "grand_total", "amount"): D("2995.39"),
        ("expenditure", "201", "amount"): D("2106.66"),
        ("expenditure", "208", "amount"): D("326.71"),  # T2/T3/T5 print 326.72: kept as printed
        ("expenditure", "210", "amount"): D("60.99"),
        ("expenditure", "221", "amount"): D("445.69"),
        ("expenditure", "total_expenditure", "amount"): D("2940.05"),
        ("expenditure", "carryover_end", "amount"): D("55.34"),
        ("expenditure", "grand_total", "amount"): D("2995.39"),
    }


def test_table1_continues_on_the_next_page_with_provenance(finance):
    grand = [c for c in finance.cells if c.table_no == 1 and c.row_key == "grand_total"]
    assert {c.provenance.page for c in grand} == {7}
    first = next(c for c in finance.cells if c.table_no == 1 and c.row_key == "general_budget_appropriation")
    assert first.provenance.page == 6 and first.printed == "2,940.05"


# Tables 2 and 3 print the same subject rows; per row: the printed columns.
T2 = {
    "total": {"total": "2946.25", "fiscal_appropriation": "2940.05", "other": "6.20"},
    "201": {"total": "2112.86", "fiscal_appropriation": "2106.66", "other": "6.20"},
    "20106": {"total": "2112.86", "fiscal_appropriation": "2106.66", "other": "6.20"},
    "2010601": {"total": "1511.90", "fiscal_appropriation": "1511.89", "other": "0.01"},
    "2010602": {"total": "16.19", "fiscal_appropriation": "10.00", "other": "6.19"},
    "2010607": {"total": "135.25", "fiscal_appropriation": "135.25"},
    "2010608": {"total": "449.52", "fiscal_appropriation": "449.52"},
    "208": {"total": "326.72", "fiscal_appropriation": "326.72"},
    "20805": {"total": "326.72", "fiscal_appropriation": "326.72"},
    "2080501": {"total": "84.65", "fiscal_appropriation": "84.65"},
    "2080505": {"total": "160.75", "fiscal_appropriation": "160.75"},
    "2080506": {"total": "80.38", "fiscal_appropriation": "80.38"},
    "2080599": {"total": "0.94", "fiscal_appropriation": "0.94"},
    "210": {"total": "60.99", "fiscal_appropriation": "60.99"},
    "21011": {"total": "60.99", "fiscal_appropriation": "60.99"},
    "2101101": {"total": "60.99", "fiscal_appropriation": "60.99"},
    "221": {"total": "445.69", "fiscal_appropriation": "445.69"},
    "22102": {"total": "445.69", "fiscal_appropriation": "445.69"},
    "2210201": {"total": "187.19", "fiscal_appropriation": "187.19"},
    "2210203": {"total": "258.50", "fiscal_appropriation": "258.50"},
}
# Tables 3 and 5 print the same rows and columns (T5 has no 上缴/经营 columns, all empty in T3).
T3_T5 = {
    "total": {"total": "2940.05", "basic": "2336.91", "project": "603.14"},
    "201": {"total": "2106.66", "basic": "1503.52", "project": "603.14"},
    "20106": {"total": "2106.66", "basic": "1503.52", "project": "603.14"},
    "2010601": {"total": "1511.89", "basic": "1503.52", "project": "8.37"},
    "2010602": {"total": "10.00", "project": "10.00"},
    "2010607": {"total": "135.25", "project": "135.25"},
    "2010608": {"total": "449.52", "project": "449.52"},
    "208": {"total": "326.72", "basic": "326.72"},
    "20805": {"total": "326.72", "basic": "326.72"},
    "2080501": {"total": "84.65", "basic": "84.65"},
    "2080505": {"total": "160.75", "basic": "160.75"},
    "2080506": {"total": "80.38", "basic": "80.38"},
    "2080599": {"total": "0.94", "basic": "0.94"},
    "210": {"total": "60.99", "basic": "60.99"},
    "21011": {"total": "60.99", "basic": "60.99"},
    "2101101": {"total": "60.99", "basic": "60.99"},
    "221": {"total": "445.69", "basic": "445.69"},
    "22102": {"total": "445.69", "basic": "445.69"},
    "2210201": {"total": "187.19", "basic": "187.19"},
    "2210203": {"total": "258.50", "basic": "258.50"},
}


def _expected(rows: dict[str, dict[str, str]]) -> dict[tuple[str, str, str], Decimal]:
    return {("", row, col): D(v) for row, cols in rows.items() for col, v in cols.items()}


@pytest.mark.parametrize("table_no, rows", [(2, T2), (3, T3_T5), (5, T3_T5)])
def test_subject_tables(finance, table_no, rows):
    assert cells_of(finance, table_no) == _expected(rows)


def test_subject_codes_split_over_columns_are_joined(finance):
    row = next(c for c in finance.cells if c.table_no == 2 and c.row_key == "2080505")
    assert row.row_code == "2080505" and row.row_label == "机关事业单位基本养老保险缴费支出"  # wrapped label joined


def test_table6(finance):
    personnel = {
        "301": "2082.85", "30101": "262.33", "30102": "1238.58", "30108": "160.75", "30109": "80.38",
        "30110": "60.99", "30112": "1.61", "30113": "187.19", "30199": "91.03", "303": "69.41",
        "30302": "69.10", "30309": "0.31", "personnel_total": "2152.26",
    }
    public = {
        "302": "171.07", "30201": "21.21", "30202": "7.61", "30204": "0.09", "30207": "4.88",
        "30211": "1.20", "30213": "2.83", "30216": "4.05", "30226": "2.01", "30228": "24.42",
        "30229": "42.77", "30239": "48.49", "30299": "11.53", "public_total": "184.65",
    }
    capital = {"310": "13.58", "31002": "13.58"}
    got = {(row, col): v for (_, row, col), v in cells_of(finance, 6).items()}
    expected = {(row, "amount"): D(v) for group in (personnel, public, capital) for row, v in group.items()}
    assert got == expected
    # The table prints two column groups: 310 sits under 公用经费, as the text parser reads it too.
    assert {c.section for c in finance.cells if c.table_no == 6 and c.row_key in capital} == {"public"}
    # Numbers set above their label in tall cells stay on the label's row.
    cell = next(c for c in finance.cells if c.table_no == 6 and c.row_key == "30102")
    assert cell.row_label == "津贴补贴" and cell.printed == "1,238.58"


def test_table7_positions_decide_the_two_095(finance):
    # Printed under 合计/预算数 and 公务接待费/预算数; the other ten cells are blank (no zeros invented).
    assert cells_of(finance, 7) == {
        ("", "three_public", "budget_total"): D("0.95"),
        ("", "three_public", "budget_reception"): D("0.95"),
    }


def test_tables_8_9_declared_empty(finance):
    for no in (8, 9):
        info = next(t for t in finance.tables if t.table_no == no)
        assert info.present and info.declared_empty and "本表无数据" in info.empty_note
        assert cells_of(finance, no) == {}


def _facts(doc: ParsedDocument, prefix: str) -> dict[tuple[str, str], Decimal]:
    return {(f.fact_key, f.subject): f.value for f in doc.facts if f.fact_key.startswith(prefix)}


def test_procurement_facts(finance):
    assert _facts(finance, "procurement") == {
        ("procurement_total", "total"): D("251.25"),
        ("procurement_amount", "goods"): D("4.79"),
        ("procurement_amount", "works"): D("0"),
        ("procurement_amount", "services"): D("246.47"),
        ("procurement_sme_reserved_amount", "total"): D("246.47"),
        ("procurement_small_micro_reserved_amount", "total"): D("0"),
        ("procurement_sme_awarded_reserved", "total"): D("246.47"),
        ("procurement_small_micro_awarded_reserved", "total"): D("0"),
        ("procurement_sme_awarded_other", "total"): D("4.79"),
    }
    fact = next(f for f in finance.facts if f.fact_key == "procurement_total")
    assert fact.provenance.page == 24


def test_three_public_facts(finance):
    facts = _facts(finance, "three_public")
    assert facts[("three_public_budget", "total")] == D("0.95")
    assert facts[("three_public_actual", "total")] == D("0.00")
    assert facts[("three_public_completion_pct", "total")] == D("0")
    for item in ("outbound_travel", "vehicle", "official_reception"):
        assert facts[("three_public_actual", item)] == D("0.00")
        assert facts[("three_public_yoy_change", item)] == D("0")  # 持平
    assert facts[("three_public_yoy_change", "total")] == D("0")


def test_narrative_numbers_set_in_another_font_stay_in_their_sentence(finance):
    # Digits (Times New Roman) and CJK (FangSong) have different glyph boxes but one baseline.
    fact = next(f for f in finance.facts if f.fact_key == "admin_operating_cost")
    assert fact.value == D("184.65") and "机关运行经费支出184.65万元" in fact.sentence


def test_altered_copy_loads(corpus_dir):
    doc = _parse(corpus_dir / ALTERED)
    assert doc.status == "parsed"
    assert doc.cells_found > 0 and doc.cells_ambiguous == 0
    # Planted: the 三公 table is left blank while the narrative states a budget of 0.95.
    assert cells_of(doc, 7) == {}
    assert ("three_public_budget", "total") in _facts(doc, "three_public")
    # Planted: 支出决算表 is missing. It is really absent (only the contents list names it):
    # 收入决算表 runs on to page 9, whose last row is read, and page 10 starts Table 4.
    assert any(i.code == "table_missing" and "table 3" in i.message for i in doc.issues)
    assert cells_of(doc, 2)[("", "2210203", "total")] == D("258.50")
    assert next(t for t in doc.tables if t.table_no == 4).provenance.page == 10


def test_blank_template_has_no_values(corpus_dir):
    doc = _parse(corpus_dir / TEMPLATE)
    assert doc.status == "no_values"
    assert doc.cells == []
    assert all(t.present for t in doc.tables)
    assert any(i.code == "no_values" and "no values" in i.message for i in doc.issues)
