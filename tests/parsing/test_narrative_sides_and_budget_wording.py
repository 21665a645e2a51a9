"""Wording of real disclosures (Anhui, Gansu, Chongqing, Guangxi, and counties' general-budget
sections) that gave wrong or no facts: a budget anchor printed without its 与 ('，2022 年度预算相比，
减少 2.50 万元'); a 项's change under the general budget's heading, which has no key of the vocabulary;
the budget stated with its adjustment and the actual ('预算数 500.00 万元，调整数 620.00 万元，决算数
610.00 万元'); the body's name followed by 单位 ('某某县水利局单位支出为 980.00 万元'); the fiscal totals'
changes under a heading that names no topic ('二、部门决算情况说明'); the lines of the total listed as
items of the totals section ('1.一般公共预算财政拨款收入 400.00 万元，为…'), or named in full after 其中
('其中:本年收入合计 480.00 万元'); reception persons in 人 right after the batches ('12 批次,96 人'); a
page on 三公 alone under a title without a number. The
documents are made up for these tests (their own department and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

WATER_BUREAU = """\
某某县水利局2022年度部门决算
第三部分 2022年度部门决算情况说明
一、一般公共预算财政拨款支出决算情况说明
2022年度一般公共预算财政拨款支出决算为600.00万元，比上年增加40.00万元，增长7.1%。
农林水支出(类)水利(款)水利工程建设(项)支出120.00万元,完成预算的100%,用于堤防维修,较2021年决算100.00万元,\
增加20.00万元,增长了20.0%,增加原因工程量增加。
二、财政拨款“三公”经费支出决算情况说明
1.因公出国(境)费支出0万元，与2022年度预算相比无增减。
2.公务接待费支出8.00万元， 2022年度预算相比，减少2.50万元，下降23.8%，下降的原因是厉行节约。
"""


def parsed():
    return parse_text(WATER_BUREAU.encode(), "water.txt", "water")


def test_the_change_of_a_function_item_under_the_general_budget_is_no_fact() -> None:
    document = parsed()
    values = fact_values(document)
    assert values[("gpb_yoy_change", "total")] == [Decimal("40.00")]
    assert values[("gpb_yoy_change_pct", "total")] == [Decimal("7.1")]
    assert {subject for key, subject in values if key.startswith("gpb_yoy_change")} == {"total"}
    assert [issue.message.split(":")[0] for issue in document.issues if issue.code == "subject_outside_topic"] == [
        "gpb_yoy_change 20.00万元", "gpb_yoy_change_pct 20.0%"]


def test_a_budget_anchor_without_its_yu_compares_with_the_budget() -> None:
    values = fact_values(parsed())
    assert values[("three_public_budget_change", "official_reception")] == [Decimal("2.50")]
    assert ("three_public_yoy_change", "official_reception") not in values
    assert values[("three_public_budget_change", "outbound_travel")] == [Decimal("0")]


BUDGET_RUN = """\
某某县水利局2022年度部门决算
第三部分 2022年度部门决算情况说明
一、支出决算情况说明
2022年度,某某县水利局单位支出为980.00万元。其中:基本支出300.00万元,项目支出680.00万元。
二、一般公共预算财政拨款支出决算情况说明
2022年度一般公共预算财政拨款支出600.00万元。
2022年预算数500.00万元,调整数620.00万元,决算数610.00万元,增加110.00万元。
三、一般公共预算财政拨款基本支出决算情况说明
2022年度一般公共预算财政拨款基本支出300.00万元。
"""


def test_the_budget_of_a_budget_adjustment_and_actual_run_is_the_initial_budget() -> None:
    values = fact_values(parse_text(BUDGET_RUN.encode(), "water.txt", "water"))
    assert values[("budget_initial", "total")] == [Decimal("500.00")]
    assert ("budget_final", "total") not in values  # '决算数 610.00' without 为 is not read
    assert ("gpb_yoy_change", "total") not in values  # 110.00 is measured against the budget


def test_the_budget_run_after_a_class_is_not_read() -> None:
    text = BUDGET_RUN.replace("支出600.00万元。\n", "支出600.00万元,其中:农林水支出(类)支出600.00万元。")
    document = parse_text(text.encode(), "water.txt", "water")
    assert not [fact for fact in document.facts if fact.fact_key == "budget_initial"]
    assert [issue.message.split(":")[0] for issue in document.issues if issue.code == "subject_unclear"] == [
        "budget_initial 500.00万元"]


def test_the_bodys_name_followed_by_danwei_states_its_own_total() -> None:
    values = fact_values(parse_text(BUDGET_RUN.encode(), "water.txt", "water"))
    assert values[("expenditure_total", "total")] == [Decimal("980.00")]
    assert values[("expenditure_amount", "project")] == [Decimal("680.00")]


SUMMARY_FIRST = """\
某某区城市管理局2022年度部门决算
第三部分 2022年度部门决算情况说明
二、部门决算情况说明
2022年度财政拨款收入总计1500.00万元，较上年决算数减少300.00万元，下降16.67%。2022年度财政拨款支出总计1600.00万元，\
较上年决算数减少200.00万元，下降11.11%。
(一)收入支出决算总体情况说明
1.总体情况。2022年度收入总计1600.00万元，支出总计1600.00万元。收支较上年决算数减少250.00万元、下降13.5%。
"""


def test_the_fiscal_totals_under_a_heading_that_names_no_topic_are_read_as_the_fiscal_sections() -> None:
    values = fact_values(parse_text(SUMMARY_FIRST.encode(), "city.txt", "city"))
    assert values[("fiscal_yoy_change", "income")] == [Decimal("300.00")]
    assert values[("fiscal_yoy_change_pct", "income")] == [Decimal("16.67")]
    assert values[("fiscal_yoy_change", "expenditure")] == [Decimal("200.00")]
    assert values[("fiscal_yoy_change_pct", "expenditure")] == [Decimal("11.11")]
    assert values[("total_yoy_change", "total")] == [Decimal("250.00")]  # the section after it keeps its topic


LINES_AS_ITEMS = """\
某某市退役军人休养所2022年度部门决算
第三部分 2022年度部门决算情况说明
一、2022年度收入支出决算总体情况。
(一)本单位2022年度总收入640.00万元,其中本年收入420.00万元,较2021年度决算数减少80.00万元,下降16%。
收入具体情况如下。
1.一般公共预算财政拨款收入400.00万元,为市本级财政当年拨付的资金。较2021年度决算数减少70.00万元,下降14.9%。
2.其他收入20.00万元,为预算单位在“财政拨款收入”之外取得的收入。较2021年度决算数减少10.00万元。
3.上年结转和结余220.00万元,为以前年度支出预算因客观条件变化未执行完毕的资金。
(二)本单位2022年度总支出640.00万元,其中本年支出500.00万元。支出具体情况如下:
1.基本支出350.00万元,为保障机构正常运转的支出。
2.项目支出150.00万元,为完成特定工作任务的支出。
"""


def test_the_lines_of_the_total_listed_as_items_of_the_totals_section_are_read_as_lines() -> None:
    values = fact_values(parse_text(LINES_AS_ITEMS.encode(), "rest.txt", "rest"))
    assert values[("income_amount", "general_budget_appropriation")] == [Decimal("400.00")]
    assert values[("income_amount", "other")] == [Decimal("20.00")]
    assert values[("expenditure_amount", "basic")] == [Decimal("350.00")]
    assert values[("expenditure_amount", "project")] == [Decimal("150.00")]
    assert values[("total_income_expenditure", "total")] == [Decimal("640.00")] * 2
    assert not [key for key in values if key[0] == "total_yoy_change"]  # the lines' changes are not the total's


COUNTS_AND_LINES = """\
某某县文联2022年度部门决算
第三部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
2022年度收入总计500.00万元,其中:本年收入合计480.00万元,年初结转和结余20.00万元。
2022年度支出总计500.00万元,其中:本年支出合计490.00万元,年末结转和结余10.00万元。
二、“三公”经费支出决算情况说明
(一)公务接待费支出1.20万元。国内公务接待12批次,96人,共计支出1.20万元,较上年增加3批次,20人。
(二)公务用车运行维护费支出5.00万元。
"""


def test_persons_in_ren_right_after_the_batches_are_the_receptions_persons() -> None:
    values = fact_values(parse_text(COUNTS_AND_LINES.encode(), "arts.txt", "arts"))
    assert values[("reception_batches", "total")] == [Decimal("12")]
    assert values[("reception_persons", "total")] == [Decimal("96")]  # not the change's 20


def test_the_lines_of_the_total_named_in_full_in_the_totals_section_are_the_income_and_spending_totals() -> None:
    values = fact_values(parse_text(COUNTS_AND_LINES.encode(), "arts.txt", "arts"))
    assert values[("income_total", "total")] == [Decimal("480.00")]
    assert values[("expenditure_total", "total")] == [Decimal("490.00")]
    assert values[("total_income_expenditure", "total")] == [Decimal("500.00")] * 2


THREE_PUBLIC_PAGE = """\
2022年度一般公共预算财政拨款“三公”经费决算情况说明
2022年一般公共预算财政拨款“三公”经费决算30.5万元,与2021年决算相比减少1.5万元,主要原因是因公出国(境)费减少。具体情况:
一、2022年因公出国(境)费决算8.0万元,与2021年决算相比减少2.0万元。
"""


def test_a_page_on_three_public_alone_under_a_title_without_a_number_reads_its_total() -> None:
    document = parse_text(THREE_PUBLIC_PAGE.encode(), "court.txt", "court")
    values = fact_values(document)
    assert values[("three_public_actual", "total")] == [Decimal("30.5")]
    assert values[("three_public_yoy_change", "total")] == [Decimal("1.5")]
    assert "narrative_no_facts" not in [issue.code for issue in document.issues]
