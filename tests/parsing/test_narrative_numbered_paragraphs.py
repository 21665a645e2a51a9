"""Narratives whose paragraphs start with a subsection's number, wrapped by the PDF's line width
(Guangxi's '(一)本单位 2021 年度总收入 … 万元，其中本年收' / '入 … 万元'), whose totals section goes
on to each line of the total with its own change, and whose section numbers stand on a line of
their own. The documents are made up for these tests (their own departments and numbers), in
that phrasing."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.narrative import extract_headings
from tests.parsing.test_narrative_wording_regions import facts_of, issue_codes

# 总收入 = 本年收入 + 上年结转和结余 (402.60 = 310.20 + 92.40); each line's change is its own.
TOTALS_BY_LINE = """\
某某市某某服务中心2022年度部门决算
第三部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
(一)本单位2022年度总收入402.60万元,其中本年收
入310.20万元,较2021年度决算数减少45.30万元,下降
12.7%。收入具体情况如下。
1.一般公共预算财政拨款收入301.70万元,为市本级财政
当年拨付的资金。较2021年度决算数减少40.10万元,下降
11.7%,主要原因是人员减少。
2.上级补助收入8.50万元,较2021年度决算数减少5.20万
元,下降38.0%。
3.经营收入0.00万元,与去年相比无变化。
4.上年结转和结余92.40万元,较2021年度决算数增加6.60
万元,增长7.7%。
(二)本单位2022年度总支出402.60万元,其中本年支
出355.80万元,较2021年度决算数减少20.90万元,下降
5.5%。支出具体情况如下:
1.社会保障和就业支出120.40万元,较2021年度决算数减
少10.30万元,下降7.9%。
二、收入决算情况说明
"""


def test_the_totals_sections_total_is_read_from_zong_shou_ru_and_zong_zhi_chu() -> None:
    facts = facts_of(TOTALS_BY_LINE)
    assert [f.value for f in facts[("total_income_expenditure", "total")]] == [Decimal("402.60"), Decimal("402.60")]


def test_a_change_after_a_line_of_the_total_is_that_lines_not_the_totals() -> None:
    # every change in this section is stated for 本年收入 / 本年支出 or one of their lines: none is
    # the total's, so none is recorded as a change of the total
    facts = facts_of(TOTALS_BY_LINE)
    assert ("total_yoy_change", "total") not in facts
    assert ("total_yoy_change_pct", "total") not in facts
    # (the changes of the income lines' items, 1. to 3., are the income section's, which reads none)
    assert issue_codes(TOTALS_BY_LINE).count("subject_outside_topic") == 8


def test_a_change_stated_for_the_total_itself_is_still_the_totals() -> None:
    text = TOTALS_BY_LINE.replace("其中本年收\n入310.20万元,较2021年度决算数", "较2021年度决\n算数", 1)
    facts = facts_of(text)
    assert [(f.value, f.qualifier) for f in facts[("total_yoy_change", "total")]] == [(Decimal("45.30"), "减少")]
    assert [(f.value, f.qualifier) for f in facts[("total_yoy_change_pct", "total")]] == [(Decimal("12.7"), "下降")]


def test_a_paragraph_numbered_like_a_subsection_is_no_heading() -> None:
    headings = [(h.level, h.text) for h in extract_headings(split_lines(TOTALS_BY_LINE))]
    assert headings == [("part", "第三部分 2022年度部门决算情况说明"), ("section", "一、收入支出决算总体情况说明"),
                        ("section", "二、收入决算情况说明")]


def test_a_paragraphs_first_sentence_wrapped_mid_word_is_read_whole() -> None:
    text = """\
某某市某某服务中心2022年度部门决算
第三部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
(一)本单位2022年度收、支总计各为402.60万元,与2021年度相
比,收、支总计各增加15.20万元,增长3.9%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("total_income_expenditure", "total")]] == [Decimal("402.60")]
    change = facts[("total_yoy_change", "total")]
    assert [(f.value, f.qualifier) for f in change] == [(Decimal("15.20"), "增加")]
    assert (change[0].provenance.line_start, change[0].provenance.line_end) == (5, 5)


def test_a_section_number_printed_alone_on_its_line_heads_the_title_below_it() -> None:
    text = """\
某某县某某医院2020年度单位决算
第二部分 2020年度单位决算情况说明
二、收入决算情况说明
2020年本年收入合计1200.50万元,其中:事业收入800.50万元,占66.68%。
三、
支出决算情况说明
2020年本年支出合计1250.00万元,其中:基本支出900.00万元,占72.00%;项目支出350.00万元,占28.00%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("expenditure_total", "total")]] == [Decimal("1250.00")]
    assert [f.value for f in facts[("expenditure_share_pct", "project")]] == [Decimal("28.00")]
    assert ("section", "三、支出决算情况说明") in [(h.level, h.text) for h in extract_headings(split_lines(text))]


FISCAL = """\
某某县某某局2019年度部门决算
第三部分 2019年度部门决算情况说明
四、财政拨款收入支出决算总体情况说明
2019年度财政拨款收、支总计各为850.40万元,与上年相比,增加20.10万元,增长2.4%。
2019年预算数800.00万元,调整数850.40万元,决算数850.40万元,增加50.40万元。
"""


def test_a_change_after_the_budget_its_sentence_states_is_no_change_on_the_year() -> None:
    # the second sentence names no year: its 增加 compares the 决算数 with the 预算数 it states
    facts = facts_of(FISCAL)
    assert [f.value for f in facts[("fiscal_yoy_change", "total")]] == [Decimal("20.10")]


def test_the_heading_of_a_fiscal_section_names_no_line_of_its_total() -> None:
    # '财政拨款收入支出决算总体' is the section's pair of sides, not the income line 财政拨款收入
    text = FISCAL.replace("2019年度财政拨款收、支总计各为850.40万元,与上年相比", "2019年度与上年相比")
    facts = facts_of(text)
    assert [(f.value, f.qualifier) for f in facts[("fiscal_yoy_change", "total")]] == [(Decimal("20.10"), "增加")]
    assert [f.value for f in facts[("fiscal_yoy_change_pct", "total")]] == [Decimal("2.4")]


def test_a_change_after_the_totals_listed_with_their_parts_is_the_totals() -> None:
    # the sentence before the change names the total and then its parts after 其中: it is about the
    # total, whose change this is
    text = """\
某某市某某中心2023年度部门决算
第二部分 部门决算情况说明
一、收入支出决算总体情况说明
2023年度收入总计512.30万元,其中:本年收入合计500.10万元,使用非财政拨款结余0.00万元,年初结转和结余12.20万元。
2023年度支出总计512.30万元,其中:本年支出合计505.00万元,结余分配0.00万元,年末结转和结余7.30万元。
收入支出总体与上年相比,增加40.25万元,增长8.53%,主要原因是人员增加。
"""
    facts = facts_of(text)
    assert [(f.value, f.qualifier) for f in facts[("total_yoy_change", "total")]] == [(Decimal("40.25"), "增加")]
    assert [f.value for f in facts[("total_yoy_change_pct", "total")]] == [Decimal("8.53")]


# A fiscal section whose second subsection is the general budget's (a Hubei unit's outline), and
# whose first subsection is titled by income (it stays the fiscal section's).
FISCAL_WITH_GENERAL_BUDGET_SUBSECTION = """\
某某县某某局2019年度部门决算
第三部分 2019年度部门决算情况说明
一、财政拨款收入支出决算总体情况说明
(一)财政拨款收入决算情况说明
2019年度财政拨款收入支出总计830.60万元,与上年相比,增加62.10万元,增长8.08%。
(二)一般公共预算支出决算情况说明
2019年度一般公共预算财政拨款支出790.30万元。与上年相比,增加41.20万元,增长5.50%。增减变化
的主要原因是:人员增加。其中:按功能分类科目,一般公共服务支出650.10万元,教育支出140.20万元。
二、一般公共预算财政拨款基本支出决算情况说明
2019年度一般公共预算财政拨款基本支出600.50万元。
"""


def test_a_subsection_naming_the_general_budget_under_the_fiscal_section_is_the_general_budgets() -> None:
    facts = facts_of(FISCAL_WITH_GENERAL_BUDGET_SUBSECTION)
    assert [f.value for f in facts[("gpb_expenditure", "total")]] == [Decimal("790.30")]
    assert [(f.value, f.qualifier) for f in facts[("gpb_yoy_change", "total")]] == [(Decimal("41.20"), "增加")]
    assert [(f.value, f.qualifier) for f in facts[("gpb_yoy_change_pct", "total")]] == [(Decimal("5.50"), "增长")]
    assert [f.value for f in facts[("gpb_class_amount", "201")]] == [Decimal("650.10")]
    assert [f.value for f in facts[("gpb_class_amount", "205")]] == [Decimal("140.20")]
    # the fiscal total's change is the one its own subsection states, not the general budget's
    assert [f.value for f in facts[("fiscal_total", "total")]] == [Decimal("830.60")]
    assert [(f.value, f.qualifier) for f in facts[("fiscal_yoy_change", "total")]] == [(Decimal("62.10"), "增加")]
    assert [(f.value, f.qualifier) for f in facts[("fiscal_yoy_change_pct", "total")]] == [(Decimal("8.08"), "增长")]


def test_a_change_of_the_income_total_named_without_benian_is_not_the_grand_totals() -> None:
    # Chongqing's outline: '(一)收入支出决算总体情况说明' / '1.总体情况' / '2.收入情况', where 收入合计
    # (本年收入合计) has its own change
    text = """\
某某区某某事务中心2023年度决算公开说明
二、单位决算情况说明
(一)收入支出决算总体情况说明。
1.总体情况。2023年度收入总计5210.40万元,支出总计5210.40万元。收支较上年决算数增加210.30万元,增长4.21%。
2.收入情况。2023年度收入合计4800.10万元,较上年决算数增加650.20万元,增长15.67%。
"""
    facts = facts_of(text)
    assert [(f.value, f.qualifier) for f in facts[("total_yoy_change", "total")]] == [(Decimal("210.30"), "增加")]
    assert [(f.value, f.qualifier) for f in facts[("total_yoy_change_pct", "total")]] == [(Decimal("4.21"), "增长")]
    # the item '2.收入情况' reads as the income section: its 收入合计 is the income total, its change no fact
    assert [f.value for f in facts[("income_total", "total")]] == [Decimal("4800.10")]


# A Tianjin court's 三公 section goes through its items numbered as sections ('一、' after '七、'):
# 9.60 = 3.10 + 6.00 + 0.50, the year before 10.20 (-0.60).
ITEMS_NUMBERED_AS_SECTIONS = """\
某某区人民法院2022年度部门决算
第三部分 2022年度部门决算情况说明
七、2022年度一般公共预算财政拨款“三公”经费决算情况说明
2022年“三公”经费决算9.60万元,与2021年决算相比减少0.60万元。具体情况:
一、2022年因公出国(境)费决算3.10万元,与2021年决算相比减少1.20万元。本部门组织的出国团组1个,出国3人次。
二、2022年公务用车购置及运行维护费决算6.00万元,与2021年持平。本部门公务用车保有9辆。
三、2022年公务接待费决算0.50万元,与2021年决算相比增加0.60万元。本部门国内公务接待4批次,30人次。
八、政府性基金预算财政拨款收入支出决算情况说明
本部门2022年度没有政府性基金预算财政拨款收入,也没有使用政府性基金预算财政拨款安排的支出。
"""


def test_items_numbered_as_sections_after_a_later_section_are_paragraphs_of_it() -> None:
    facts = facts_of(ITEMS_NUMBERED_AS_SECTIONS)
    assert [f.value for f in facts[("three_public_actual", "outbound_travel")]] == [Decimal("3.10")]
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "outbound_travel")]] == [
        (Decimal("1.20"), "减少")]
    assert [f.value for f in facts[("three_public_actual", "vehicle")]] == [Decimal("6.00")]
    assert [f.value for f in facts[("three_public_actual", "official_reception")]] == [Decimal("0.50")]
    assert [f.value for f in facts[("vehicles_held", "total")]] == [Decimal("9")]
    assert [f.value for f in facts[("reception_batches", "total")]] == [Decimal("4")]
    assert [f.value for f in facts[("reception_persons", "total")]] == [Decimal("30")]
    headings = [(h.level, h.number, h.list_no) for h in extract_headings(split_lines(ITEMS_NUMBERED_AS_SECTIONS))]
    # the items are no headings, and the next section continues the sections' list
    assert headings[1:] == [("section", 7, headings[1][2]), ("section", 8, headings[1][2])]
