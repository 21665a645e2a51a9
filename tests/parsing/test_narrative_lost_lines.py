"""A narrative whose extract lost or repeated lines: a heading gone, so that a section's sentences
stand under the section before; a line printed twice, so that a statement starts again inside
another. What the sentences still say must not become another subject's facts. The document is
made up for these tests (its own department and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text

MARKET_BUREAU = """\
某某区市场监督管理局2021年度部门决算
第二部分 2021年度部门决算情况说明
一、收入支出决算总体情况说明
2021年度收入支出总计519.91万元。与2020年度相比，收入支出总计增加
- 2 -
2021年度收入支出总计519.91万元。与2020年度相比，收入支出总计增加
14.52万元，增长2.9%。
二、财政拨款收入支出决算总体情况说明
与上年相比，财政拨款收、支总计787.24万元，各减少33.4%。
三、一般公共预算财政拨款支出决算情况说明
（二）一般公共预算财政拨款支出决算结构情况。
2021年度一般公共预算财政拨款支出2,668.41万元，主要用于以下方面：一般公共服务(类)支出1,882.26万元，占70.5%；住房保障(类)
支出213.52万元，占8.0%。
2021年度一般公共预算财政拨款支出年初预算为2,500.00万元，支出决算为2,668.41万元，完成年初预算的106.7%。
和就业(类)支出457.82万元，占17.2%。
四、政府性基金预算和国有资本经营预算财政拨款支出决算情况说明
2021年度政府性基金预算财政拨款支出100万元，国有资本经营预算财政拨款支出20万元。
五、国有资本经营预算财政拨款支出决算情况说明
本局2021年度国有资本经营预算财政拨款支出0万元。
2021年度本局机关运行经费支出310.75万元，比2020年度增加2.11万元，增长0.7%。
府采购货物支出86.72万元、政府采购工程支出48.78万元、政府采购服务支出67.51万元。
六、政府采购支出情况
2021年度本局政府采购支出总额
1,022.54万元，其中：政府采购货物支出
- 3 -
1,022.54万元，其中：政府采购货物支出
595.70万元、政府采购工程支出0.00万元、政府采购服务支出426.84万元。
"""


def parsed():
    return parse_text(MARKET_BUREAU.encode(), "bureau.txt", "bureau")


def values_of(document, key: str) -> list[tuple[str, Decimal]]:
    return [(fact.subject, fact.value) for fact in document.facts if fact.fact_key == key]


def test_a_total_printed_again_after_a_change_word_is_no_change() -> None:
    document = parsed()
    # the line printed twice, across a page break, puts '2021年度收入支出总计519.91万元' after '与2020年度相比，收入支出总计增加'
    assert values_of(document, "total_yoy_change") == [("total", Decimal("14.52"))]
    assert values_of(document, "total_income_expenditure") == [("total", Decimal("519.91"))] * 2
    # a total right after the anchor, with only a label between, still states the change
    assert values_of(document, "fiscal_yoy_change") == [("total", Decimal("787.24"))]


def test_the_whole_general_budget_named_is_the_totals_not_the_class_named_before() -> None:
    document = parsed()
    # the (三) heading is lost: the budget sentence follows the sentence that named 住房保障 last
    assert values_of(document, "budget_initial") == [("total", Decimal("2500.00"))]
    assert values_of(document, "budget_final") == [("total", Decimal("2668.41"))]
    assert values_of(document, "budget_completion_pct") == [("total", Decimal("106.7"))]
    assert values_of(document, "gpb_class_amount")[:2] == [("201", Decimal("1882.26")), ("221", Decimal("213.52"))]


def test_another_sections_sentences_under_a_fund_section_are_not_its_facts() -> None:
    document = parsed()
    # a section on both funds: the state capital's amount is not the government funds'
    assert values_of(document, "gov_fund_expenditure") == [("total", Decimal("100"))]
    # the 机关运行经费 and 政府采购 headings are lost: their amounts are not the state capital's
    assert values_of(document, "state_capital_expenditure") == [("total", Decimal("0"))]
    reported = [issue for issue in document.issues if issue.code == "another_sections_subject"]
    assert [issue.provenance.line_start for issue in reported] == [17, 20, 21, 21, 21]
    assert "'机关运行经费'" in reported[1].message


def test_a_class_whose_name_was_cut_is_reported_unresolved() -> None:
    document = parsed()
    # '社会保障' lost with its line: '和就业' is the name of no class
    assert ("和就业", Decimal("457.82")) in values_of(document, "gpb_class_amount")
    unresolved = [issue for issue in document.issues if issue.code == "subject_unresolved"]
    assert [(issue.provenance.line_start, "'和就业'" in issue.message) for issue in unresolved] == [(15, True), (15, True)]


def test_a_subject_given_two_values_in_one_sentence_keeps_neither() -> None:
    document = parsed()
    # the line printed twice, across a page break, puts the total's number after '政府采购货物支出': goods would take it, then 595.70
    assert values_of(document, "procurement_amount") == [("works", Decimal("0.00")), ("services", Decimal("426.84"))]
    conflicting = [issue for issue in document.issues if issue.code == "conflicting_values"]
    assert [(issue.provenance.line_start, issue.message.split(":")[0]) for issue in conflicting] == [
        (26, "procurement_amount of goods 1,022.54万元"), (27, "procurement_amount of goods 595.70万元")]


def test_a_line_printed_twice_in_a_row_is_read_once() -> None:
    text = MARKET_BUREAU.replace("与上年相比，财政拨款收、支总计787.24万元，各减少33.4%。",
                                 "与上年相比，财政拨款收、支总计787.24万元，各减少33.4%。\n" * 2)
    document = parse_text(text.encode(), "bureau.txt", "bureau")
    assert [(f.value, f.provenance.line_start) for f in document.facts if f.fact_key == "fiscal_yoy_change"] == [
        (Decimal("787.24"), 9)]
    repeated = [issue for issue in document.issues if issue.code == "line_printed_twice"]
    assert [issue.provenance.line_start for issue in repeated] == [10]
