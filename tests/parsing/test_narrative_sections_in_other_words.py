"""Sections of real disclosures printed in other words than the national template's (Chongqing,
Gansu, Anhui, Guangxi pages): the totals section going on to income and spending as numbered items
('2.收入情况。'), the fiscal section stating the income side only ('财政拨款收入决算情况'), the
general budget's section named with 收入支出 and stating the government fund's spending beside its
own, the basic spending's section without 决算, '占比', '人员经费合计：', '机关运行经费财政拨款',
and '决算数与预算数持平'. The document is made up for these tests (its own department and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

CIVIL_AFFAIRS = """\
某某县民政局2022年度部门决算
第三部分 2022年度部门决算情况说明
(一)收入支出决算总体情况说明
1.总体情况。2022年度收入总计420.00万元，支出总计420.00万元，与上年相比增加30.00万元，增长7.7%。
2.收入情况。2022年度收入合计400.00万元，较上年决算数增加28.00万元。其中：财政拨款收入380.00万元，占比95.0%；\
其他收入20.00万元，占比5.0%。
3.支出情况。2022年度支出合计410.00万元。其中：基本支出300.00万元，占73.2%；项目支出110.00万元，占26.8%。
(二)财政拨款收入决算情况
2022年度财政拨款收入总计380.00万元，与上年相比减少12.00万元，降低3.1%。
(三)一般公共预算财政拨款收入支出决算情况说明
2022年度一般公共预算财政拨款支出350.00万元，较上年增加10.00万元，主要原因是机关运行经费增加。2022年度政府性基金预算\
财政拨款支出30.00万元，与上年相比增加30.00万元，增长100%。
(四)一般公共预算财政拨款基本支出情况说明
2022年度一般公共预算财政拨款基本支出290.00万元。其中：
1、人员经费合计：250.00万元。
2、公用经费合计：40.00万元。
(五)机关运行经费支出情况
2022年机关运行经费财政拨款40.00万元，较2021年增加2.00万元，增长5.3%。
(六)“三公”经费支出情况
2022年度“三公”经费支出预算为5.00万元，支出决算为5.00万元，完成预算的100%；较上年增加0.50万元，增长11.1%。\
决算数与预算数持平的主要原因是严格执行预算。公务接待8批次，60人，共计支出1.20万元。
"""


def values() -> dict[tuple[str, str], list[Decimal]]:
    return fact_values(parse_text(CIVIL_AFFAIRS.encode(), "civil.txt", "civil"))


def test_income_and_spending_items_of_the_totals_section_read_as_their_sections() -> None:
    found = values()
    assert found[("total_income_expenditure", "total")] == [Decimal("420.00")] * 2
    assert found[("total_yoy_change", "total")] == [Decimal("30.00")]  # not the income's 28.00
    assert found[("income_total", "total")] == [Decimal("400.00")]
    assert found[("income_amount", "fiscal_appropriation")] == [Decimal("380.00")]
    assert found[("income_share_pct", "fiscal_appropriation")] == [Decimal("95.0")]  # '占比'
    assert found[("income_share_pct", "other")] == [Decimal("5.0")]
    assert found[("expenditure_total", "total")] == [Decimal("410.00")]
    assert found[("expenditure_amount", "project")] == [Decimal("110.00")]
    assert found[("expenditure_share_pct", "basic")] == [Decimal("73.2")]


def test_a_fiscal_section_that_states_the_income_side_only() -> None:
    found = values()
    assert found[("fiscal_total", "total")] == [Decimal("380.00")]
    assert found[("fiscal_yoy_change", "total")] == [Decimal("12.00")]
    assert found[("fiscal_yoy_change_pct", "total")] == [Decimal("3.1")]


def test_the_government_funds_spending_in_the_general_budgets_section_is_not_the_general_budgets() -> None:
    found = values()
    assert found[("gpb_expenditure", "total")] == [Decimal("350.00")]
    # its change is read though the sentence names 机关运行经费 after it, as the reason
    assert found[("gpb_yoy_change", "total")] == [Decimal("10.00")]
    assert ("gpb_yoy_change_pct", "total") not in found


def test_the_basic_spending_section_without_jue_suan_and_totals_printed_with_he_ji() -> None:
    found = values()
    assert found[("basic_total", "total")] == [Decimal("290.00")]
    assert found[("basic_personnel", "total")] == [Decimal("250.00")]
    assert found[("basic_public", "total")] == [Decimal("40.00")]


def test_admin_operating_cost_named_with_its_funding() -> None:
    found = values()
    assert found[("admin_operating_cost", "total")] == [Decimal("40.00")]
    assert found[("admin_operating_cost_yoy_change", "total")] == [Decimal("2.00")]


def test_the_actual_equal_to_the_budget_is_no_change_on_the_year() -> None:
    document = parse_text(CIVIL_AFFAIRS.encode(), "civil.txt", "civil")
    changes = [(f.value, f.qualifier) for f in document.facts if (f.fact_key, f.subject) == ("three_public_yoy_change", "total")]
    assert changes == [(Decimal("0.50"), "增加")]
    actual = [(f.value, f.qualifier) for f in document.facts if (f.fact_key, f.subject) == ("three_public_actual", "total")]
    assert actual == [(Decimal("5.00"), "持平")]
    found = fact_values(document)
    assert found[("three_public_actual", "official_reception")] == [Decimal("1.20")]  # '共计支出'
    assert found[("reception_batches", "total")] == [Decimal("8")]


# Procurement stated as a 规模 and in 亿元 (the national statistics' wording): 0.36 = 0.09 + 0.17 + 0.10.
PROCUREMENT_AS_A_SCALE = """\
某某省某某厅2022年度部门决算
第三部分 2022年度部门决算情况说明
十一、政府采购支出情况说明
2022年度本部门政府采购规模为0.36亿元，其中：政府采购货物支出0.09亿元、政府采购工程支出0.17亿元、政府采购服务支出\
0.10亿元。授予中小企业合同金额为0.25亿元，占政府采购规模的69.4%，其中：授予小微企业合同金额0.14亿元，占授予中小企业\
合同金额的56.0%。
"""


def test_procurement_stated_as_a_scale_in_yi_yuan() -> None:
    found = fact_values(parse_text(PROCUREMENT_AS_A_SCALE.encode(), "procurement.txt", "procurement"))
    assert found[("procurement_total", "total")] == [Decimal("3600")]
    assert found[("procurement_amount", "services")] == [Decimal("1000")]
    assert found[("procurement_sme_amount", "total")] == [Decimal("2500")]
    assert found[("procurement_sme_share_pct", "total")] == [Decimal("69.4")]
    assert found[("procurement_small_micro_share_pct", "total")] == [Decimal("56.0")]


def test_two_changes_of_sides_named_without_their_totals_are_not_the_totals() -> None:
    # Guangxi's '部门收入 …，支出 …，比上年收入增加 50.8%，支出比上年增加 42.5%': 收入 / 支出 name no side's total
    text = """\
某某县某某站2022年度部门决算
第三部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
2022年部门收入564.90万元，支出523.86万元，比上年收入增加50.8%，支出比上年增加42.5%。
"""
    document = parse_text(text.encode(), "station.txt", "station")
    assert [f for f in document.facts if f.fact_key.startswith("total_yoy_change")] == []
    assert [issue.code for issue in document.issues].count("conflicting_values") == 2


def test_the_general_budgets_income_in_its_section_on_both_is_not_its_spending() -> None:
    # Chongqing's '一般公共预算财政拨款收入支出决算情况说明' goes through the income, then the spending
    text = """\
某某区某某中心2022年度部门决算
第三部分 2022年度部门决算情况说明
(三)一般公共预算财政拨款收入支出决算情况说明
1.收入情况。2022年度一般公共预算财政拨款收入237.52万元，较上年决算数增加37.52万元，增长18.8%。
2.支出情况。2022年度一般公共预算财政拨款支出230.00万元，较上年决算数增加30.00万元，增长15.0%。
"""
    found = fact_values(parse_text(text.encode(), "centre.txt", "centre"))
    assert found[("gpb_expenditure", "total")] == [Decimal("230.00")]
    assert found[("gpb_yoy_change", "total")] == [Decimal("30.00")]
    assert found[("gpb_yoy_change_pct", "total")] == [Decimal("15.0")]


def test_procurement_kinds_listed_with_their_scale_are_the_kinds() -> None:
    # '货物、工程、服务政府采购规模分别为 …': spelled out, '服务政府采购规模为 …' is the services', not the total
    text = PROCUREMENT_AS_A_SCALE.replace(
        "其中：政府采购货物支出0.09亿元、政府采购工程支出0.17亿元、政府采购服务支出0.10亿元",
        "货物、工程、服务政府采购规模分别为0.09亿元、0.17亿元和0.10亿元")
    assert text != PROCUREMENT_AS_A_SCALE
    found = fact_values(parse_text(text.encode(), "procurement.txt", "procurement"))
    assert found[("procurement_total", "total")] == [Decimal("3600")]
    assert found[("procurement_amount", "goods")] == [Decimal("900")]
    assert found[("procurement_amount", "services")] == [Decimal("1000")]


def test_changes_listed_for_the_two_sides_are_the_income_and_the_expenditure() -> None:
    # Sichuan's '收、支总计各减少 A,B 万元，各下降 a%、b%': one change per side, in the order the name prints them
    text = """\
某某县某某中心2022年度单位决算
第二部分 2022年度单位决算情况说明
一、收入支出决算总体情况说明
2022年度收、支总计各是3120.40,3185.60万元。与2021年相比，收、支总计各减少210.30,195.20万元，各下降6.31%、5.77%。
"""
    document = parse_text(text.encode(), "centre.txt", "centre")
    changes = [(f.fact_key, f.subject, f.value, f.printed) for f in document.facts if f.fact_key.startswith("total_yoy_change")]
    assert changes == [("total_yoy_change", "income", Decimal("210.30"), "210.30"),
                       ("total_yoy_change", "expenditure", Decimal("195.20"), "195.20万元"),
                       ("total_yoy_change_pct", "income", Decimal("6.31"), "6.31%"),
                       ("total_yoy_change_pct", "expenditure", Decimal("5.77"), "5.77%")]
    assert not [issue for issue in document.issues if issue.code == "values_listed"]
    # listed with no sides named before them: which is whose is not read
    text = """\
某某县某某中心2022年度单位决算
第二部分 2022年度单位决算情况说明
一、收入支出决算总体情况说明
2022年度收入总计3120.40万元。与2021年相比，各减少210.30,195.20万元。
"""
    document = parse_text(text.encode(), "centre.txt", "centre")
    assert [f for f in document.facts if f.fact_key.startswith("total_yoy_change")] == []
    listed = [issue.message.split(":")[0] for issue in document.issues if issue.code == "values_listed"]
    assert listed == ["total_yoy_change 210.30,195.20万元"]
