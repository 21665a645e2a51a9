"""Whole-text rules of the text parser on small hand-made extracts: bare page numbers, truncated
files, misprinted department names."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from dagster_project.parsing import parse_file
from dagster_project.parsing.model import Line
from dagster_project.parsing.narrative import extract_facts, extract_profile, truncation
from dagster_project.parsing.text_tables import extract_tables


def lines_of(text: str) -> list[Line]:
    return [Line(i + 1, unicodedata.normalize("NFKC", t).rstrip()) for i, t in enumerate(text.splitlines())]


# A page ends with its bare number ('2', '3') and the next page starts indented by a space, as in
# the broken extracts; the '3' falls between two rows of Table 3.
PAGED_EXPENDITURE = """\
某区财政局2023年度部门决算
2

 2023 年度支出决算表
单位：万元
项目 本年支出合计 基本支出 项目支出
合计 120.50 100.50 20.00
210 卫生健康支出 120.50 100.50 20.00
210 11 行政事业单位医疗 100.50 100.50
3

 210 11 01 行政单位医疗 100.50 100.50
210 04 公共卫生 20.00 20.00
210 04 08 基本公共卫生服务 20.00 20.00
"""


def test_a_bare_page_number_between_table_rows_is_not_a_cell():
    found = extract_tables(lines_of(PAGED_EXPENDITURE))
    cells = {(c.row_key, c.column_key): c.printed for c in found.cells if c.table_no == 3}
    assert cells[("21011", "total")] == "100.50" and cells[("21011", "basic")] == "100.50"
    assert ("21011", "project") not in cells and not [c for c in found.cells if c.printed in ("2", "3")]
    assert cells[("2101101", "basic")] == "100.50" and cells[("2100408", "project")] == "20.00"


def test_a_lone_whole_number_that_does_not_count_the_pages():
    # one lone '7' before a page start: no second page number confirms the count
    text = PAGED_EXPENDITURE.replace("部门决算\n2\n", "部门决算\n").replace("\n3\n", "\n7\n")
    # in a table that prints its amounts with decimals it is a page or column number: reported, not a cell
    found = extract_tables(lines_of(text))
    assert [c.printed for c in found.cells if c.row_key == "21011"] == ["100.50", "100.50"]
    [stray] = [i for i in found.issues if i.code == "stray_number"]
    assert stray.provenance.line_start == 9 and "7" in stray.message
    # in a table that prints whole amounts it is a value like the others
    whole = text.replace(".50", "").replace(".00", "")
    found = extract_tables(lines_of(whole))
    assert [c.printed for c in found.cells if c.row_key == "21011"] == ["100", "100", "7"]


COMPLETE = """\
某区财政局
2023年度部门决算
目 录
第一部分 某区财政局概况
第二部分 某区财政局2023年度部门决算表
第三部分 某区财政局2023年度部门决算情况说明
第四部分 名词解释
第一部分 某区财政局概况
某区财政局主要职能是管理全区财政收支。
第二部分 某区财政局2023年度部门决算表
第三部分 某区财政局2023年度部门决算情况说明
一、收入支出决算总体情况说明
2023年度收、支总计100.00万元。
第四部分 名词解释
一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。
"""


def test_a_text_that_reaches_the_last_part_its_contents_announce_is_not_truncated():
    assert truncation(lines_of(COMPLETE)) is None


def test_a_text_cut_before_the_parts_its_contents_announce_is_truncated():
    cut = COMPLETE[: COMPLETE.index("2023年度收、支总计") + 8]  # ends in 第三部分, inside a sentence
    found = truncation(lines_of(cut))
    assert found is not None and found.part == "narrative"
    assert "第4部分" in found.reason and "第3部分" in found.reason
    _facts, issues = extract_facts(lines_of(cut))
    assert [i.code for i in issues if i.severity == "error"] == ["truncated"]


def test_a_text_without_contents_that_stops_in_the_tables_is_truncated():
    text = "\n".join(line for line in COMPLETE.splitlines()[7:10])  # 第一部分, its sentence, 第二部分
    found = truncation(lines_of(text))
    assert found is not None and found.part == "tables"


NAMES = """\
武汉市硚口区民政局
2023 年度部门决算
第三部分 武汉市硚口区民政局2023年度部门决算情况说明
一、政府采购支出情况
2023年度戊汉市硚口区民政局政府采购支出总额12.00万元。
"""


def test_a_name_misprinted_in_its_first_character_is_recorded_as_a_variant():
    names = {(v.name, v.context) for v in extract_profile(lines_of(NAMES)).name_variants}
    assert ("戊汉市硚口区民政局", "narrative") in names
    assert ("武汉市硚口区民政局", "title") in names


def test_a_text_with_a_narrative_and_no_table_parses_without_a_parser_error():
    text = "某区财政局2023年度部门决算\n第三部分 2023年度部门决算情况说明\n一、收入支出决算总体情况说明\n2023年度收、支总计120.50万元。\n"
    doc = parse_file(text.encode("utf-8"), "narrative-only.txt", "narrative-only", "text")
    assert "parser_exception" not in [i.code for i in doc.issues]
    assert doc.status == "no_values"
    assert doc.cells == []
    assert ("total_income_expenditure", Decimal("120.50")) in [(f.fact_key, f.value) for f in doc.facts]


def test_bare_page_numbers_of_an_extract_with_form_feeds_whose_lines_are_indented():
    # pdftotext -layout: form feeds start the pages, and nearly every line starts with spaces, so
    # only the form feeds tell where a page starts
    from dagster_project.parsing.decode import split_lines

    pages = PAGED_EXPENDITURE.replace("\n3\n\n", "\n3\n\f").replace("部门决算\n2\n\n", "部门决算\n2\n\f")
    def indented(line: str) -> str:  # after the form feed that opens a page
        text = line.lstrip("\f")
        return line[:len(line) - len(text)] + "    " + text if text else line

    found = extract_tables(split_lines("\n".join(map(indented, pages.split("\n")))))
    cells = {(c.row_key, c.column_key): c.printed for c in found.cells if c.table_no == 3}
    assert cells[("21011", "total")] == "100.50" and cells[("21011", "basic")] == "100.50"
    assert ("21011", "project") not in cells and not [c for c in found.cells if c.printed in ("2", "3")]
    assert not [i for i in found.issues if i.code == "stray_number"]  # known page numbers, not strays
