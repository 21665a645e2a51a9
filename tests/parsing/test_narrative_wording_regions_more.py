"""More wording of other regions' narratives: a list of the 三公 items labelled '(“三公”经费)'
before its total (Zhejiang), reception counts stated as '批次为 N 个' (Hunan), and Inner
Mongolia's section headings ('一般公共预算支出决算情况说明', '一般公共预算项目支出决算情况说明',
'机构运行经费支出决算情况说明', '政府采购支出决算情况说明'). The documents are made up for these
tests (their own departments and numbers), in those regions' phrasing."""

from __future__ import annotations

from decimal import Decimal

from tests.parsing.test_narrative_wording_regions import facts_of, issue_codes

LABELLED_LIST = """\
某某市文化局2018年度部门决算
第三部分 2018年度部门决算情况说明
七、“三公”经费支出情况说明
2018年本部门因公出国(境)经费、公务接待费、公车购置费,公车运行费(“三公”经费)决算总额64.50万元,比上年下降3.2%。分项情况是:因公出国(境)经费决算10.00万元,比上年增长25.0%;公务接待费决算14.50万元,与上年下降9.4%;公务用车购置及运行费决算40.00万元,比上年下降2.4%,其中:公务用车购置费决算15.00万元;公务用车运行费决算25.00万元,与上年下降4.2%。
"""


def test_a_total_after_a_list_labelled_san_gong_is_the_totals_not_the_last_items() -> None:
    facts = facts_of(LABELLED_LIST)
    assert [f.value for f in facts[("three_public_actual", "total")]] == [Decimal("64.50")]
    assert [(f.value, f.qualifier) for f in facts[("three_public_yoy_change_pct", "total")]] == [(Decimal("3.2"), "下降")]
    assert [f.value for f in facts[("three_public_actual", "vehicle_operation")]] == [Decimal("25.00")]
    assert [f.value for f in facts[("three_public_yoy_change_pct", "vehicle_operation")]] == [Decimal("4.2")]


def test_an_aside_of_a_part_still_keeps_its_values_off_the_item_before_it() -> None:
    # '(含公务用车购置费)' names a part, not the list before it: the total stays the vehicle item's
    text = LABELLED_LIST.replace("公务用车购置及运行费决算40.00万元", "公务用车购置及运行费(含公务用车购置费)决算40.00万元")
    facts = facts_of(text)
    assert [f.value for f in facts[("three_public_actual", "vehicle")]] == [Decimal("40.00")]
    assert [f.value for f in facts[("three_public_actual", "vehicle_purchase")]] == [Decimal("15.00")]


def test_reception_counts_stated_with_wei_and_ge() -> None:
    text = """\
某某县统计局2019年度部门决算
第三部分 2019年度部门决算情况说明
七、“三公”经费支出情况说明
2019年实际支出“三公经费”决算为6.30万元。无因公出国(境)人数,公务用车保有量为1辆,国内公务接待批次为35个,接待人次为210人。
"""
    facts = facts_of(text)
    assert [(f.value, f.unit) for f in facts[("reception_batches", "total")]] == [(Decimal(35), "批次")]
    assert [(f.value, f.unit) for f in facts[("reception_persons", "total")]] == [(Decimal(210), "人次")]
    assert [f.value for f in facts[("vehicles_held", "total")]] == [Decimal(1)]


INNER_MONGOLIA = """\
某某自治区某某中心2022年度部门决算
第二部分 2022年度部门决算情况说明
五、一般公共预算支出决算情况说明
(一)一般公共预算支出决算总体情况
2022年度一般公共预算支出236.40万元,占本年支出合计的88.60%。与2021年度相比,一般公共预算支出增加12.40万元,增长5.54%。主要原因是人员增加。
(二)一般公共预算支出决算结构情况
2022年度一般公共预算支出236.40万元,主要用于以下方面:一般公共服务支出(类)210.00万元,占88.83%;社会保障和就业支出(类)26.40万元,占11.17%。
七、一般公共预算项目支出决算情况说明
2022年度一般公共预算项目支出30.40万元,占一般公共预算支出的12.86%,主要用于平台运维。
十二、机构运行经费支出决算情况说明
2022年度本部门机构运行经费支出41.30万元,比2021年度减少2.70万元,下降6.14%。
十三、政府采购支出决算情况说明
2022年度本部门政府采购支出总额18.00万元,其中:政府采购货物支出18.00万元。
"""


def test_the_general_budgets_section_headed_without_cai_zheng_bo_kuan() -> None:
    facts = facts_of(INNER_MONGOLIA)
    assert [f.value for f in facts[("gpb_expenditure", "total")]] == [Decimal("236.40"), Decimal("236.40")]
    assert [f.value for f in facts[("gpb_share_of_expenditure_pct", "total")]] == [Decimal("88.60")]
    assert [f.value for f in facts[("gpb_class_share_pct", "208")]] == [Decimal("11.17")]
    # before: read as the whole expenditure's shares (88.60%, 88.83%, 11.17% of 'total')
    assert not [key for key in facts if key[0].startswith("expenditure_")]


def test_a_section_on_the_general_budgets_projects_gives_no_project_total() -> None:
    # the general budget's project spending is neither Table 3's (all funds) nor a fact of the vocabulary
    facts = facts_of(INNER_MONGOLIA)
    assert ("expenditure_amount", "project") not in facts
    assert not [f for fs in facts.values() for f in fs if f.value == Decimal("30.40")]


def test_ji_gou_yun_xing_jing_fei_and_procurement_sections_headed_as_jue_suan() -> None:
    facts = facts_of(INNER_MONGOLIA)
    assert [f.value for f in facts[("admin_operating_cost", "total")]] == [Decimal("41.30")]
    change = facts[("admin_operating_cost_yoy_change_pct", "total")]
    assert [(f.value, f.qualifier) for f in change] == [(Decimal("6.14"), "下降")]
    assert [f.value for f in facts[("procurement_total", "total")]] == [Decimal("18.00")]


def test_procurement_by_type_printed_as_lei() -> None:
    # Guangxi: '货物类采购 10000 元 … 工程类采购 0 元 … 服务类采购 7000 元'
    text = """\
某某市科学技术协会2022年度部门决算
第三部分 2022年度部门决算情况说明
八、其他重要事项的情况说明
(二)政府采购支出情况说明。
2022年政府采购支出总额 26000 元。其中:货物类采购 16000 元,占政府采购支出总额 61.5%;工程类采购 0 元,占政府采购支出总额 0%;服务类采购 10000 元,占政府采购支出总额 38.5%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("procurement_total", "total")]] == [Decimal("2.6")]
    amounts = {subject: [f.value for f in facts[("procurement_amount", subject)]] for subject in ("goods", "works", "services")}
    assert amounts == {"goods": [Decimal("1.6")], "works": [Decimal(0)], "services": [Decimal("1")]}


def test_meeting_and_training_costs_in_the_san_gong_section_are_not_the_san_gong_total() -> None:
    # Shaanxi's section '“三公”经费、培训费及会议费支出情况说明' states 会议费 and 培训费 too
    text = """\
某某县审计局2020年部门决算
第三部分 2020年部门决算情况说明
三、2020年度“三公”经费、培训费及会议费支出情况说明
(一)“三公”经费支出情况
2020年度“三公”经费支出决算为3.50万元,比上年减少0.50万元,下降12.5%。
(二)会议费支出情况
2020年度会议费支出决算为1.20万元,比上年减少0.30万元,下降20%,主要原因是压缩会议规模。
(三)培训费支出情况
2020年度培训费支出决算为0.80万元,比上年增加0.10万元,增长14.29%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("three_public_actual", "total")]] == [Decimal("3.50")]
    assert [f.value for f in facts[("three_public_yoy_change_pct", "total")]] == [Decimal("12.5")]
    assert not [key for key in facts if key[1] not in ("total",)]
    assert issue_codes(text).count("subject_outside_topic") == 6


def test_totals_stated_jun_wei_and_a_negative_growth_is_never_read_as_growth() -> None:
    text = """\
某某县审计局2020年部门决算
第三部分 2020年部门决算情况说明
一、收入支出决算总体情况说明
2020年度收、支总计均为120.00万元。与上年相比，收、支总计各减少-15.00万元，增长-11.11%。
二、财政拨款“三公”经费支出决算情况说明
2020年度“三公”经费支出决算为3.50万元，比上年增长-12.5%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("total_income_expenditure", "total")]] == [Decimal("120.00")]
    assert [f.value for f in facts[("three_public_actual", "total")]] == [Decimal("3.50")]
    # '增长-12.5%' is a fall: a change read without its sign would be a wrong number
    assert not [key for key in facts if "change" in key[0]]


def test_income_and_expenditure_totals_stated_as_ben_dan_wei_shou_ru_wei() -> None:
    # Gansu: '本单位收入为 X 万元，其中：…' / '本单位支出为 Y 万元。其中：…'
    text = """\
某某市幼儿园2017年度部门决算公开
二、某某市幼儿园2017年度部门决算情况说明
(一)收入决算情况。
2017年度,本单位收入为860.40万元,其中:财政拨款收入800.00万元,占92.98%;事业收入60.40万元,占7.02%。
(二)支出决算情况
2017年度,本单位支出为870.00万元。其中:基本支出600.00万元,占68.97%;项目支出270.00万元,占31.03%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("income_total", "total")]] == [Decimal("860.40")]
    assert [f.value for f in facts[("expenditure_total", "total")]] == [Decimal("870.00")]
    assert [f.value for f in facts[("income_amount", "fiscal_appropriation")]] == [Decimal("800.00")]


def test_a_foreign_reception_count_after_qi_zhong_without_brackets_is_the_foreign_kinds() -> None:
    # Yunnan: '国内公务接待 18 批次，156 人次 … 其中：外事接待 2 批次，9 人次。'
    text = """\
某某县中医医院2023年度部门决算
第三部分 2023年度部门决算情况说明
四、财政拨款“三公”经费支出决算情况说明
2.公务接待费1.80万元，国内公务接待18批次，156人次（不包括陪同人员），共计支出1.80万元，具体内容包括：接待上级检查。其中：外事接待2批次，9人次。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("reception_batches", "total")]] == [Decimal(18)]
    assert [f.value for f in facts[("reception_persons", "total")]] == [Decimal(156)]
    assert [f.value for f in facts[("reception_batches", "foreign")]] == [Decimal(2)]
    assert [f.value for f in facts[("reception_persons", "foreign")]] == [Decimal(9)]


def test_budget_execution_of_a_xiang_printed_without_its_name_is_not_its_kuans() -> None:
    # Sichuan: '一般公共服务(类)政府办公厅(室)及相关机构事务(款)(项):支出决算为…' names a 款 with '(室)'
    # in its name and a 项 without a name: the value is that unnamed 项's, neither the class's nor the 款's
    text = """\
某某县某某局2022年度单位决算
第二部分 2022年度单位决算情况说明
五、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
一般公共服务(类)政府办公厅(室)及相关机构事务(款)(项):支出决算为215.40万元,完成预算100%,决算数与预算数持平。
卫生健康(类)行政事业单位医疗(款)其他行政医疗支出(项):支出决算为1.20万元,完成预算100%,决算数与预算数持平。
"""
    facts = facts_of(text)
    assert ("budget_final", "201") not in facts
    assert [f.value for f in facts[("budget_final", "201/政府办公厅(室)及相关机构事务/(项)")]] == [Decimal("215.40")]
    assert [f.value for f in facts[("budget_final", "210/行政事业单位医疗/其他行政医疗支出")]] == [Decimal("1.20")]


def test_projects_self_evaluated_counted_by_level() -> None:
    text = """\
某某县卫生健康局2021年度部门决算
第三部分 2021年度部门决算情况说明
十三、预算绩效情况说明
1.预算绩效管理工作开展情况。本部门组织对2021年度一般公共预算项目支出全面开展绩效自评，其中，一级项目2个，二级项目7个，共涉及资金456.70万元，占一般公共预算项目支出总额的100%。
"""
    facts = facts_of(text)
    assert [f.value for f in facts[("perf_projects_evaluated", "一级项目")]] == [Decimal(2)]
    assert [f.value for f in facts[("perf_projects_evaluated", "二级项目")]] == [Decimal(7)]
    assert ("perf_projects_evaluated", "total") not in facts
    assert [f.value for f in facts[("perf_funds", "total")]] == [Decimal("456.70")]


SPENDING_WITHOUT_JUESUAN = """\
某某县林业局2018年度部门决算
第三部分 2018年度部门决算情况说明
七、财政拨款“三公”经费支出决算情况说明
2018年度本部门一般公共预算财政拨款安排的“三公”经费支出3.15万元，较上年减少0.40万元；其中：因公出国(境)支出0万元；公务用车购置支出0万元；公务用车运行维护费用支出1.10万元；公务接待费支出2.05万元，占“三公”经费的65.1%。
2018年度“三公”经费预算为4.00万元，其中：公务接待费2.50万元。
"""


def test_san_gong_items_spending_stated_without_juesuan() -> None:
    # Hunan's wording: '公务接待费支出 2.05 万元' is the item's actual, and so is '公务用车购置支出 0 万元'
    # (the item named by its spending, its 费 left out); an item's amount stated with neither 支出
    # nor 决算 ('公务接待费2.50万元', after a budget) is not read
    facts = facts_of(SPENDING_WITHOUT_JUESUAN)
    actual = {subject: [f.value for f in found] for (key, subject), found in facts.items() if key == "three_public_actual"}
    assert actual == {"total": [Decimal("3.15")], "outbound_travel": [Decimal("0")], "vehicle_purchase": [Decimal("0")],
                      "vehicle_operation": [Decimal("1.10")], "official_reception": [Decimal("2.05")]}
