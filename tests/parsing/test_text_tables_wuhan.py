"""Tables of the reference extract (2021, Wuhan Qiaokou party committee office): every number of
Tables 1-7, typed by hand from wuhan-qiaokou-2021-party-office.txt, and Tables 8-9 declared empty."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dagster_project.parsing.text_tables import TableExtraction
from tests.parsing.table_expectations import expect, extract, table

ZERO_CLASSES = ("202", "203", "204", "205", "206", "207", "211", "212", "213", "214", "215", "216", "217",
                "219", "220", "222", "223", "224", "229", "231", "232", "234")


@pytest.fixture
def extraction(corpus_dir) -> TableExtraction:
    return extract(corpus_dir / "wuhan-qiaokou-2021-party-office.txt")


def test_table_1(extraction):
    expected = {
        ("income", "general_budget_appropriation", "amount"): Decimal("1568.88"),
        ("income", "total_income", "amount"): Decimal("1568.88"),
        ("income", "grand_total", "amount"): Decimal("1568.88"),
        ("expenditure", "201", "amount"): Decimal("1407.17"),
        ("expenditure", "208", "amount"): Decimal("64.64"),
        ("expenditure", "210", "amount"): Decimal("42.39"),
        ("expenditure", "221", "amount"): Decimal("54.68"),
        ("expenditure", "total_expenditure", "amount"): Decimal("1568.88"),
        ("expenditure", "grand_total", "amount"): Decimal("1568.88"),
    }
    expected |= {("expenditure", code, "amount"): Decimal(0) for code in ZERO_CLASSES}
    assert table(extraction, 1) == expected


def test_table_1_row_provenance_covers_label_and_value_lines(extraction):
    cell = next(c for c in extraction.cells if c.table_no == 1 and c.row_key == "201")
    assert (cell.provenance.line_start, cell.provenance.line_end) == (118, 121)
    assert cell.row_label == "一、一般公共服务支出"


SUBJECT_ROWS_TOTAL_AND_FIRST = {
    "201": "1407.17", "20131": "1407.17", "2013101": "335.64", "2013102": "1071.53",
    "208": "64.64", "20805": "64.64", "2080501": "32.72", "2080505": "31.92",
    "210": "42.39", "21011": "42.39", "2101101": "13.09", "2101103": "29.3",
    "221": "54.68", "22102": "54.68", "2210201": "44.48", "2210202": "10.2",
}


def test_table_2(extraction):
    rows = {"total": ("1568.88", "1568.88")} | {k: (v, v) for k, v in SUBJECT_ROWS_TOTAL_AND_FIRST.items()}
    assert table(extraction, 2) == expect(rows, ("total", "fiscal_appropriation"))


EXPENDITURE_BY_SUBJECT = {
    "total": ("1568.88", "497.35", "1071.53"),
    "201": ("1407.17", "335.64", "1071.53"),
    "20131": ("1407.17", "335.64", "1071.53"),
    "2013101": ("335.64", "335.64", "0"),
    "2013102": ("1071.53", "0", "1071.53"),
    "208": ("64.64", "64.64", None), "20805": ("64.64", "64.64", None),
    "2080501": ("32.72", "32.72", None), "2080505": ("31.92", "31.92", None),
    "210": ("42.39", "42.39", None), "21011": ("42.39", "42.39", None),
    "2101101": ("13.09", "13.09", None), "2101103": ("29.3", "29.3", None),
    "221": ("54.68", "54.68", None), "22102": ("54.68", "54.68", None),
    "2210201": ("44.48", "44.48", None), "2210202": ("10.2", "10.2", None),
}


def test_table_3(extraction):
    assert table(extraction, 3) == expect(EXPENDITURE_BY_SUBJECT, ("total", "basic", "project"))
    cell = next(c for c in extraction.cells if c.table_no == 3 and c.row_key == "2013101" and c.column_key == "project")
    assert cell.printed == "0" and "inferred" in cell.note


def test_table_4(extraction):
    expected = {
        ("income", "general_budget_appropriation", "amount"): Decimal("1568.88"),
        ("income", "total_income", "amount"): Decimal("1568.88"),
        ("income", "grand_total", "amount"): Decimal("1568.88"),
    }
    classes = {"201": ("1407.17",) * 2, "208": ("64.64",) * 2, "210": ("42.39",) * 2, "221": ("54.68",) * 2,
               "total_expenditure": ("1568.88",) * 2, "grand_total": ("1568.88",) * 2}
    classes |= {code: ("0", "0") for code in ZERO_CLASSES}
    expected |= expect(classes, ("total", "general_budget"), section="expenditure")
    assert table(extraction, 4) == expected


def test_table_5(extraction):
    assert table(extraction, 5) == expect(EXPENDITURE_BY_SUBJECT, ("total", "basic", "project"))


def test_table_6(extraction):
    personnel = {
        "301": "401.88", "30101": "77.58", "30102": "95.91", "30103": "94.67", "30106": "0", "30107": "0",
        "30108": "29.40", "30109": "2.52", "30110": "13.09", "30111": "27.67", "30112": "1.53",
        "30113": "49.07", "30114": "0", "30199": "10.44", "303": "43.68", "30301": "18.91", "30302": "23.14",
        "30303": "0", "30304": "0", "30305": "0", "30306": "0", "30307": "1.63", "30308": "0", "30309": "0",
        "30310": "0", "30311": "0", "30399": "0", "personnel_total": "445.56",
    }
    public = {
        "302": "51.79", "30201": "4.29", "30202": "3.07", "30203": "0", "30204": "0", "30205": "0.41",
        "30206": "3.67", "30207": "0", "30208": "0", "30209": "0.49", "30211": "0.31", "30212": "0",
        "30213": "0.03", "30214": "0.08", "30215": "0", "30216": "0", "30217": "0", "30218": "0", "30224": "0",
        "30225": "0", "30226": "3.3", "30227": "4.57", "30228": "1.48", "30229": "9.23", "30231": "2.11",
        "30239": "16.83", "30240": "0", "30299": "1.92",
        # the capital class sits in the third column triple, under the 公用经费 header
        "310": "0", "31002": "0", "31003": "0", "31007": "0", "31013": "0", "31099": "0", "public_total": "51.79",
    }
    expected = {("personnel", k, "amount"): Decimal(v) for k, v in personnel.items()}
    expected |= {("public", k, "amount"): Decimal(v) for k, v in public.items()}
    assert table(extraction, 6) == expected


def test_table_7(extraction):
    columns = [f"{phase}_{item}" for phase in ("budget", "actual") for item in
               ("total", "outbound", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception")]
    printed = "4.96 0 3 0 3 1.96 2.19 0 2.11 0 2.11 0.08".split()
    assert table(extraction, 7) == {("", "three_public", c): Decimal(v) for c, v in zip(columns, printed)}


def test_tables_8_and_9_declare_themselves_empty(extraction):
    t8, t9 = extraction.tables[7], extraction.tables[8]
    assert t8.present and t8.declared_empty
    assert t8.empty_note.startswith("注:本部门没有政府性基金预算财政拨款收入")
    assert t9.present and t9.declared_empty and "没有国有资本经营预算财政拨款支出" in t9.empty_note
    assert not [c for c in extraction.cells if c.table_no in (8, 9)]


def test_all_nine_titles_units_and_no_errors(extraction):
    assert [t.table_no for t in extraction.tables] == list(range(1, 10))
    assert all(t.present and t.unit == "万元" for t in extraction.tables)
    assert extraction.tables[0].title.startswith("2021 年度收入支出决算总表")
    assert not [i for i in extraction.issues if i.severity == "error"]
    assert not [i for i in extraction.issues if i.code == "ambiguous_cell"]


def test_page_number_inside_table_4_is_not_a_value(extraction):
    stray = [i for i in extraction.issues if i.code == "stray_number"]
    assert [(i.provenance.line_start, "12" in i.message) for i in stray] == [(698, True)]
