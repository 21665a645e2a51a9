"""Tables of the 2024 Shanghai Putuo finance bureau extract (pdftotext -raw): another region,
year, template and extraction tool. Expected values typed by hand from
shanghai-putuo-2024-finance-bureau.raw.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dagster_project.parsing.text_tables import TableExtraction
from tests.parsing.table_expectations import expect, extract, table


@pytest.fixture
def extraction(corpus_dir) -> TableExtraction:
    return extract(corpus_dir / "shanghai-putuo-2024-finance-bureau.raw.txt")


def test_contents_list_is_not_taken_for_the_tables(extraction):
    titles = {t.table_no: (t.title, t.provenance.line_start) for t in extraction.tables}
    assert titles[1][0] == "收入支出决算总表"
    assert all(start > 82 for _, start in titles.values())  # after 第二部分, not the 目录 at the top


def test_table_1(extraction):
    income = {"general_budget_appropriation": ("2940.05",), "other_income": ("6.20",),
              "total_income": ("2946.25",), "carryover_begin": ("49.14",), "grand_total": ("2995.39",)}
    expenditure = {"201": ("2106.66",), "208": ("326.71",), "210": ("60.99",), "221": ("445.69",),
                   "total_expenditure": ("2940.05",), "carryover_end": ("55.34",), "grand_total": ("2995.39",)}
    expected = expect(income, ("amount",), "income") | expect(expenditure, ("amount",), "expenditure")
    assert table(extraction, 1) == expected
    cell = next(c for c in extraction.cells if c.table_no == 1 and c.row_key == "other_income")
    assert cell.printed == "6.20"


FISCAL_ONLY = {
    "208": "326.72", "20805": "326.72", "2080501": "84.65", "2080505": "160.75", "2080506": "80.38",
    "2080599": "0.94", "210": "60.99", "21011": "60.99", "2101101": "60.99", "221": "445.69",
    "22102": "445.69", "2210201": "187.19", "2210203": "258.50",
}


def test_table_2(extraction):
    rows = {
        "total": ("2946.25", "2940.05", "6.20"),
        "201": ("2112.86", "2106.66", "6.20"),
        "20106": ("2112.86", "2106.66", "6.20"),
        "2010601": ("1511.90", "1511.89", "0.01"),
        "2010602": ("16.19", "10.00", "6.19"),
        "2010607": ("135.25", "135.25", None),
        "2010608": ("449.52", "449.52", None),
    } | {k: (v, v, None) for k, v in FISCAL_ONLY.items()}
    assert table(extraction, 2) == expect(rows, ("total", "fiscal_appropriation", "other"))


EXPENDITURE = {
    "total": ("2940.05", "2336.91", "603.14"),
    "201": ("2106.66", "1503.52", "603.14"),
    "20106": ("2106.66", "1503.52", "603.14"),
    "2010601": ("1511.89", "1503.52", "8.37"),
    "2010602": ("10.00", None, "10.00"),
    "2010607": ("135.25", None, "135.25"),
    "2010608": ("449.52", None, "449.52"),
} | {k: (v, v, None) for k, v in FISCAL_ONLY.items()}


def test_table_3(extraction):
    assert table(extraction, 3) == expect(EXPENDITURE, ("total", "basic", "project"))


def test_table_4(extraction):
    income = {"general_budget_appropriation": ("2940.05",), "total_income": ("2940.05",),
              "carryover_begin": ("21.63",), "carryover_begin_general_budget": ("21.63",),
              "grand_total": ("2961.68",)}
    expenditure = {"201": ("2106.66",) * 2, "208": ("326.71",) * 2, "210": ("60.99",) * 2,
                   "221": ("445.69",) * 2, "total_expenditure": ("2940.05",) * 2,
                   "carryover_end": ("21.63",) * 2, "grand_total": ("2961.68",) * 2}
    expected = expect(income, ("amount",), "income") | expect(expenditure, ("total", "general_budget"), "expenditure")
    assert table(extraction, 4) == expected


def test_table_5(extraction):
    assert table(extraction, 5) == expect(EXPENDITURE, ("total", "basic", "project"))


def test_class_208_is_recorded_as_printed_in_each_table(extraction):
    printed = {(c.table_no, c.column_key): c.printed for c in extraction.cells
               if c.row_key == "208" and c.column_key in ("amount", "total")}
    assert printed == {(1, "amount"): "326.71", (2, "total"): "326.72", (3, "total"): "326.72",
                       (4, "total"): "326.71", (5, "total"): "326.72"}


def test_table_6(extraction):
    personnel = {"301": "2082.85", "30101": "262.33", "30102": "1238.58", "30108": "160.75", "30109": "80.38",
                 "30110": "60.99", "30112": "1.61", "30113": "187.19", "30199": "91.03", "303": "69.41",
                 "30302": "69.10", "30309": "0.31", "personnel_total": "2152.26"}
    public = {"302": "171.07", "30201": "21.21", "30202": "7.61", "30204": "0.09", "30207": "4.88",
              "30211": "1.20", "30213": "2.83", "30216": "4.05", "30226": "2.01", "30228": "24.42",
              "30229": "42.77", "30239": "48.49", "30299": "11.53", "310": "13.58", "31002": "13.58",
              "public_total": "184.65"}
    expected = {("personnel", k, "amount"): Decimal(v) for k, v in personnel.items()}
    expected |= {("public", k, "amount"): Decimal(v) for k, v in public.items()}
    assert table(extraction, 6) == expected  # items printed without an amount (301 03 奖金 …) give no cell


def test_table_7_two_values_under_twelve_headers_stay_ambiguous(extraction):
    cells = [c for c in extraction.cells if c.table_no == 7]
    assert [(c.printed, c.certain, c.column_key) for c in cells] == [("0.95", False, None), ("0.95", False, None)]
    assert set(cells[0].candidates) == {"budget_total", "actual_total"}
    assert set(cells[1].candidates) == {"budget_outbound", "budget_reception", "actual_outbound", "actual_reception"}
    warned = [i for i in extraction.issues if i.code == "ambiguous_cell"]
    assert len(warned) == 2 and all("table 7" in i.message and "line" in i.message for i in warned)


def test_tables_8_and_9_declare_themselves_empty(extraction):
    for info in extraction.tables[7:]:
        assert info.present and info.declared_empty and info.empty_note.endswith("故本表无数据。")
    assert not [c for c in extraction.cells if c.table_no in (8, 9)]


def test_no_errors(extraction):
    assert not [i for i in extraction.issues if i.severity == "error"]
