"""Wording of other provinces' templates that gave values to the wrong subject: a fund's own
income line read as all fiscal income, a class's share without '(类)' read as the total's, a
'各' sentence's first value read as the total's, a reception count of one kind read as the total
count, each side's change of the fiscal totals read as the total's. The document is made up for
these tests (its own department and numbers), in the phrasing of Sichuan, Gansu, Anhui and
Xinjiang disclosures."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.narrative import extract_facts, extract_profile

COUNTY_HOSPITAL = """\
某某县中医医院2022年度单位决算
第二部分 2022年度单位决算情况说明
一、收入支出决算总体情况说明
2022年度收、支总计各是2318.40,2356.90万元。与2021年相比,收、支总计各减少410.20,388.60万元,各下降15.04%、14.16%。主要变动原因是项目收入减少。
二、收入决算情况说明
2022年本年收入合计2318.40万元,其中:一般公共预算财政拨款收入1520.30万元,占65.58%;政府性基金预算财政拨款收入200.00万元,占8.63%;国有资本经营预算财政拨款收入0万元,占0%;事业收入590.10万元,占25.45%;其他收入8.00万元,占0.34%。
三、财政拨款收入支出决算总体情况说明
2022年财政拨款收入总计1720.30万元,与2021年相比增加120.30万元,增长7.52%;财政拨款支出总计1758.80万元,与2021年相比增加98.80万元,增长5.95%。
四、一般公共预算财政拨款支出决算情况说明
2022年一般公共预算财政拨款支出1558.80万元,占66.14%,主要用于以下方面:社会保障和就业支出158.80万元,占10.19%;卫生健康支出1400.00万元,占89.81%。
五、财政拨款“三公”经费支出决算情况说明
公务接待费支出1.20万元,国内公务接待共12批次(其中外事接待2批次),150人次(其中外事接待20人次)。
"""


def facts_of(text: str) -> dict[tuple[str, str], list]:
    facts, issues = extract_facts(split_lines(text))
    by_key: dict[tuple[str, str], list] = {}
    for fact in facts:
        by_key.setdefault((fact.fact_key, fact.subject), []).append(fact)
    return by_key


def issue_codes(text: str) -> list[str]:
    return [issue.code for issue in extract_facts(split_lines(text))[1]]


def test_each_funds_income_line_is_its_own_subject_not_all_fiscal_income() -> None:
    facts = facts_of(COUNTY_HOSPITAL)
    assert ("income_amount", "fiscal_appropriation") not in facts
    assert [f.value for f in facts[("income_amount", "general_budget_appropriation")]] == [Decimal("1520.30")]
    assert [f.value for f in facts[("income_share_pct", "gov_fund_appropriation")]] == [Decimal("8.63")]
    assert [f.value for f in facts[("income_amount", "state_capital_appropriation")]] == [Decimal("0")]
    assert [f.value for f in facts[("income_amount", "business")]] == [Decimal("590.10")]


def test_a_class_named_without_lei_gets_its_code_and_an_unnamed_share_is_not_the_totals() -> None:
    facts = facts_of(COUNTY_HOSPITAL)
    assert [f.value for f in facts[("gpb_class_amount", "208")]] == [Decimal("158.80")]
    assert [f.value for f in facts[("gpb_class_share_pct", "210")]] == [Decimal("89.81")]
    # '…财政拨款支出 1558.80 万元，占 66.14%' names no class: it is not recorded as a class share of 'total'
    assert ("gpb_class_share_pct", "total") not in facts
    assert "subject_unclear" in issue_codes(COUNTY_HOSPITAL)


def test_values_listed_for_each_side_are_given_to_the_sides_not_to_the_total() -> None:
    facts = facts_of(COUNTY_HOSPITAL)
    assert ("total_yoy_change_pct", "total") not in facts
    assert [f.value for f in facts[("total_yoy_change_pct", "income")]] == [Decimal("15.04")]
    assert [f.value for f in facts[("total_yoy_change_pct", "expenditure")]] == [Decimal("14.16")]
    assert ("total_income_expenditure", "total") not in facts
    assert "values_listed" not in issue_codes(COUNTY_HOSPITAL)


def test_each_sides_change_of_the_fiscal_totals_keeps_its_side() -> None:
    facts = facts_of(COUNTY_HOSPITAL)
    assert ("fiscal_yoy_change", "total") not in facts
    assert [f.value for f in facts[("fiscal_yoy_change", "income")]] == [Decimal("120.30")]
    assert [(f.value, f.qualifier) for f in facts[("fiscal_yoy_change_pct", "expenditure")]] == [(Decimal("5.95"), "增长")]


def test_one_side_named_alone_is_the_totals_change() -> None:
    text = COUNTY_HOSPITAL.replace(";财政拨款支出总计1758.80万元,与2021年相比增加98.80万元,增长5.95%", "")
    facts = facts_of(text)
    assert [f.value for f in facts[("fiscal_yoy_change", "total")]] == [Decimal("120.30")]
    assert ("fiscal_yoy_change", "income") not in facts


def test_a_reception_count_of_one_kind_inside_the_total_is_that_kinds() -> None:
    facts = facts_of(COUNTY_HOSPITAL)
    assert [f.value for f in facts[("reception_batches", "total")]] == [Decimal(12)]
    assert [f.value for f in facts[("reception_batches", "foreign")]] == [Decimal(2)]
    assert [f.value for f in facts[("reception_persons", "total")]] == [Decimal(150)]
    assert [f.value for f in facts[("reception_persons", "foreign")]] == [Decimal(20)]


THREE_PUBLIC = """\
某某县林业局2021年度部门决算
第三部分 2021年度部门决算情况说明
一、财政拨款“三公”经费支出决算情况说明
“三公”经费决算数86.40万元,比上年决算数下降12.50%。分项情况是:因公出国(境)经费0万元,与上年决算数持平;公务接待费6.40万元,比上年决算数下降20.00%;公车购置及运行费80.00万元(其中公务用车购置费30.00万元,公务用车运行费50.00万元),比上年决算数下降10.11%。
1.公务接待费支出6.40万元,与2021年度预算相比,减少1.60万元,下降20.00%。
2.公务用车购置及运行维护费支出80.00万元,比上年预算数减少5.00万元。
"""


def test_a_total_stated_as_jue_suan_shu_without_wei() -> None:
    facts = facts_of(THREE_PUBLIC)
    assert [f.value for f in facts[("three_public_actual", "total")]] == [Decimal("86.40")]


def test_a_change_after_an_aside_is_the_change_of_the_item_before_the_aside() -> None:
    # '公车购置及运行费 80.00 万元(其中…公务用车运行费 50.00 万元)，比上年决算数下降 10.11%'
    facts = facts_of(THREE_PUBLIC)
    assert [f.value for f in facts[("three_public_yoy_change_pct", "vehicle")]] == [Decimal("10.11")]
    assert ("three_public_yoy_change_pct", "vehicle_operation") not in facts
    assert [f.value for f in facts[("three_public_yoy_change_pct", "official_reception")]] == [Decimal("20.00")]


def test_a_change_against_the_years_budget_is_no_change_on_the_year_before() -> None:
    # '与 2021 年度预算相比，减少 1.60 万元' compares with the budget; '比上年预算数减少' compares two budgets
    facts = facts_of(THREE_PUBLIC)
    assert ("three_public_yoy_change", "official_reception") not in facts
    change = facts[("three_public_budget_change", "official_reception")]
    assert [(f.value, f.qualifier) for f in change] == [(Decimal("1.60"), "减少")]
    assert ("three_public_yoy_change", "vehicle") not in facts
    assert ("three_public_budget_change", "vehicle") not in facts


PROCUREMENT = """\
某某职业学院2021年度部门决算
第三部分 2021年度部门决算情况说明
一、政府采购支出情况
2021年度政府采购支出总额500.00万元,其中:政府采购货物支出300.00万元、政府采购工程支出0万元、政府采购服务支出200.00万元。授予中小企业合同金额400.00万元,占政府采购支出总额的80.00%,其中:授予小微企业合同金额100.00万元,占政府采购支出总额的20.00%。
"""


def test_a_small_micro_share_keeps_what_it_is_a_share_of() -> None:
    facts = facts_of(PROCUREMENT)
    # 100.00 / 500.00 of the whole procurement, not of the SME amount (that would be 25.00%)
    assert ("procurement_small_micro_share_pct", "total") not in facts
    assert [f.value for f in facts[("procurement_small_micro_share_pct", "procurement_total")]] == [Decimal("20.00")]
    of_sme = PROCUREMENT.replace("占政府采购支出总额的20.00%", "占授予中小企业合同金额的25.00%")
    assert [f.value for f in facts_of(of_sme)[("procurement_small_micro_share_pct", "total")]] == [Decimal("25.00")]


def test_a_headcount_of_the_in_service_and_the_retired_is_split_by_kind() -> None:
    text = """\
某某市政务服务中心2023年度部门决算
第一部分 单位概况
一、机构设置及人员情况
某某市政务服务中心2023年度,实有人数23人,其中:在职人员20人,离休人员1人,退休人员2人。
"""
    profile = extract_profile(split_lines(text))
    counts = {(f.fact_key, f.subject): f.value for f in profile.facts}
    assert counts == {("staff_in_service", "total"): Decimal(20), ("staff_retired", "离休"): Decimal(1),
                      ("staff_retired", "退休"): Decimal(2)}


def test_the_general_budget_stated_as_zhi_chu_zong_ji_and_a_class_line_named_by_its_name() -> None:
    text = """\
某某市幼儿园2017年度部门决算
第二部分 2017年度部门决算情况说明
一、一般公共预算财政拨款支出决算情况
2017年度,本单位一般公共预算财政拨款支出总计820.00万元,与上年相比减少20.00万元,降低2.38%;完成年初预算100%。其中:
1.教育支出800.00万元,主要用于保教工作,完成年初预算98.50%,决算数小于预算数,主要原因:人员减少。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("gpb_expenditure", "total")]] == [Decimal("820.00")]
    assert [(f.value, f.qualifier) for f in facts[("gpb_yoy_change", "total")]] == [(Decimal("20.00"), "减少")]
    assert [f.value for f in facts[("gpb_class_amount", "205")]] == [Decimal("800.00")]
    assert [f.value for f in facts[("budget_completion_pct", "205")]] == [Decimal("98.50")]


def test_persons_abroad_are_not_the_receptions_person_times() -> None:
    text = """\
某某部2021年度部门决算
第三部分 2021年度部门决算情况说明
一、财政拨款“三公”经费支出决算情况说明
(1)因公出国(境)费120.00万元。2021年共派出出国(境)团组12个,累计出国(境)48人次。(2)公务接待费30.00万元,国内公务接待20批次,260人次。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("reception_persons", "total")]] == [Decimal(260)]
    assert [f.value for f in facts[("reception_batches", "total")]] == [Decimal(20)]


def test_a_projects_self_evaluation_named_in_quotes_under_a_templates_generic_heading() -> None:
    # Hubei's heading '部门决算中项目绩效自评结果' names no project; the project is named in quotes
    # in the sentence before its score, budget and execution
    text = """\
某某县卫生健康局2021年度部门决算
第三部分 2021年度部门决算情况说明
一、预算绩效情况说明
2.部门决算中项目绩效自评结果。本部门今年在决算中反映“基层医疗能力提升”项目绩效自评结果。该项目自评得分为95分。全年预算数为200.00万元,执行数为190.00万元,完成预算的95.00%。
"""
    facts = facts_of(text)
    project = "基层医疗能力提升"
    assert [f.value for f in facts[("perf_score", project)]] == [Decimal(95)]
    assert [f.value for f in facts[("perf_project_budget", project)]] == [Decimal("200.00")]
    assert [f.value for f in facts[("perf_project_completion_pct", project)]] == [Decimal("95.00")]
    assert not [key for key in facts if key[0].startswith("perf_") and key[1] in ("部门决算中", "total")]


# A Guangxi unit's 三公 section: each item named by its spending (no '(境)', no 费), its changes
# stated as '无增减变化'. Made up: 2.40 = 0 + 1.60 + 0.80; 1.60 = 0 + 1.60.
THREE_PUBLIC_BY_SPENDING = """\
某某市某某检测中心2020年度部门决算
第二部分 2020年度部门决算情况说明
五、一般公共预算财政拨款安排的“三公”经费支出决算情况说明
2020年度“三公”经费支出决算总额为2.40万元,比预算减少0.30万元,比去年增加0.40万元,增长20.0%。其中,
因公出国支出决算比预算无增减变化,比去年无增减变化;公务用车购置支出决算比预算无增减变化,比去年
无增减变化,公务用车运行维护费支出决算比预算减少0.30万元,比去年增加0.60万元,增长60.0%;公务接待
费支出决算比预算无增减变化,比去年减少0.20万元,下降20.0%。具体情况如下:
(一)因公出国(境)费支出0万元。
(二)公务用车购置及运行费支出1.60万元。其中:
公务用车购置支出0万元。
公务用车运行支出1.60万元。
(三)公务接待费支出0.80万元。
"""


def test_a_three_public_item_named_by_its_spending_is_that_item() -> None:
    facts = facts_of(THREE_PUBLIC_BY_SPENDING)
    flat = (Decimal("0"), "持平")
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "outbound_travel")]] == [flat]
    assert [(f.value, f.qualifier) for f in facts[("three_public_budget_change", "vehicle_purchase")]] == [flat]
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "vehicle_purchase")]] == [flat]
    assert [f.value for f in facts[("three_public_actual", "vehicle_purchase")]] == [Decimal("0")]
    assert [f.value for f in facts[("three_public_actual", "vehicle_operation")]] == [Decimal("1.60")]
    # the total's own changes stay the total's, none of the items' '无增减变化'
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "total")]] == [(Decimal("0.40"), "增加")]
    assert [(f.value, f.qualifier) for f in facts[("three_public_budget_change", "total")]] == [(Decimal("0.30"), "减少")]
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "official_reception")]] == [
        (Decimal("0.20"), "减少")]
    assert [(f.value, f.qualifier) for f in facts[("three_public_budget_change", "official_reception")]] == [flat]


# A Hunan unit's 三公 paragraph: the items of the actual listed after '其中' with neither 支出 nor
# 决算. Made up: 18.40 = 15.20 + 3.20.
THREE_PUBLIC_PARTS = """\
某某县某某局2019年度部门决算
第二部分 2019年度部门决算情况说明
七、一般公共预算财政拨款“三公”经费支出决算情况说明
2019年度“三公”经费财政拨款支出预算为30.00万元,2019年实际支出“三公经费”决算为18.40万元。其中公务接待费为15.20万元,占82.61%;公务用车运行维护费为3.20万元,占17.39%。
公务接待费为16.00万元,与上年相比减少1.10万元。
"""


def test_the_items_listed_after_the_totals_actual_are_its_parts() -> None:
    facts = facts_of(THREE_PUBLIC_PARTS)
    assert [f.value for f in facts[("three_public_actual", "total")]] == [Decimal("18.40")]
    assert [f.value for f in facts[("three_public_actual", "official_reception")]] == [Decimal("15.20")]
    assert [f.value for f in facts[("three_public_actual", "vehicle_operation")]] == [Decimal("3.20")]
    # the last line's 16.00 follows no total with '其中': budget or actual, it is not read
    assert ("three_public_budget", "official_reception") not in facts


def test_the_items_listed_after_the_totals_budget_are_the_budgets_parts() -> None:
    text = THREE_PUBLIC_PARTS.replace("2019年实际支出“三公经费”决算为18.40万元。其中", "其中")
    facts = facts_of(text)
    assert [f.value for f in facts[("three_public_budget", "official_reception")]] == [Decimal("15.20")]
    assert [f.value for f in facts[("three_public_budget", "vehicle_operation")]] == [Decimal("3.20")]
    assert ("three_public_actual", "official_reception") not in facts


def test_the_items_listed_after_a_change_are_not_read() -> None:
    text = THREE_PUBLIC_PARTS.replace("决算为18.40万元。其中", "决算为18.40万元,比上年减少2.00万元。其中")
    facts = facts_of(text)
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change", "total")]] == [(Decimal("2.00"), "减少")]
    assert ("three_public_actual", "official_reception") not in facts
    assert ("three_public_budget", "official_reception") not in facts
