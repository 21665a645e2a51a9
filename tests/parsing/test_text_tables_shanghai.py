"""Tables of the 2024 Shanghai Putuo finance bureau extract (pdftotext -raw): another region,
year, template and extraction tool. Expected values typed by hand from
shanghai-putuo-2024-finance-bureau.raw.txt."""

from __future__ import annotations

import pytest

from dagster_project.parsing.text_tables import TableExtraction
from tests.parsing.shanghai_expected import TABLES
from tests.parsing.table_expectations import extract, table


@pytest.fixture
def extraction(corpus_dir) -> TableExtraction:
    return extract(corpus_dir / "shanghai-putuo-2024-finance-bureau.raw.txt")


def test_contents_list_is_not_taken_for_the_tables(extraction):
    titles = {t.table_no: (t.title, t.provenance.line_start) for t in extraction.tables}
    assert titles[1][0] == "收入支出决算总表"
    assert all(start > 82 for _, start in titles.values())  # after 第二部分, not the 目录 at the top


def test_table_1(extraction):
    assert table(extraction, 1) == TABLES[1]
    cell = next(c for c in extraction.cells if c.table_no == 1 and c.row_key == "other_income")
    assert cell.printed == "6.20"


def test_table_2(extraction):
    assert table(extraction, 2) == TABLES[2]


def test_table_3(extraction):
    assert table(extraction, 3) == TABLES[3]


def test_table_4(extraction):
    assert table(extraction, 4) == TABLES[4]


def test_table_5(extraction):
    assert table(extraction, 5) == TABLES[5]


def test_class_208_is_recorded_as_printed_in_each_table(extraction):
    printed = {(c.table_no, c.column_key): c.printed for c in extraction.cells
               if c.row_key == "208" and c.column_key in ("amount", "total")}
    assert printed == {(1, "amount"): "326.71", (2, "total"): "326.72", (3, "total"): "326.72",
                       (4, "total"): "326.71", (5, "total"): "326.72"}


def test_table_6(extraction):
    assert table(extraction, 6) == TABLES[6]


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
