"""Wording of real 三公 paragraphs (Guangdong, Chongqing, Yunnan, Anhui, Hainan) that gave wrong or
no facts: a change in a reception count read as the count, counts and shares with a thousands
separator, a change measured against a year other than the year before, the budget printed inside
the completion rate ('完成预算 52.00 万元的 87.7%') or after the budget anchor, item names in other
words, a kind's amount stated as its 决算. The documents are made up for these tests (its own department and numbers): the total
45.60 = 0 + 30.20 + 15.40, its budget 52.00 = 0 + 32.00 + 20.00; the year before's total 39.50
(+6.10, +15.4 %), 2019's 57.90 (-12.30, -21.2 %); reception 1.30 the year before (+14.10,
+1,084.6 %). The forestry bureau's: 60.00 = 0 + 6.50 + 53.50."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

CULTURE_BUREAU = """\
某某县文化和旅游局2022年度部门决算
第二部分 2022年度部门决算情况说明
一、一般公共预算财政拨款支出决算情况说明
2022年度一般公共预算财政拨款支出决算为860.00万元，较年初预算数800.00万元增加60.00万元，完成年初预算的107.5%。
二、财政拨款“三公”经费支出决算情况说明
2022年度“三公”经费财政拨款支出决算汇总数为45.60万元，完成全年预算52.00万元的87.7%，比上年决算数增加6.10万元，\
增长15.4%；比2019年决算数减少12.30万元，下降21.2%。
（一）因公出国（境）费支出决算为0万元，完成预算0万元的--%，与上年决算数无增减。全年因公出国（境）团组0个，0人次，与上年持平。
（二）公务用车购置及运维费支出决算为30.20万元，完成预算32.00万元的94.4%。公务用车(含执法执勤用车)运行支出30.20万元。
（三）公务接待费支出决算为15.40万元，较预算数20.00万元减少4.60万元，比上年增加14.10万元，增长1,084.6%。国内公务接待\
1,250批次，较上年增加320批次；国内公务接待12,480人次，较上年减少1,060人次。
"""


def parsed(text: str = CULTURE_BUREAU):
    return parse_text(text.encode(), "culture.txt", "culture")


def test_a_change_in_a_reception_count_is_not_the_count() -> None:
    values = fact_values(parsed())
    assert values[("reception_batches", "total")] == [Decimal("1250")]
    assert values[("reception_persons", "total")] == [Decimal("12480")]


def test_a_change_against_another_year_than_the_year_before_is_not_the_years_change() -> None:
    document = parsed()
    values = fact_values(document)
    assert values[("three_public_yoy_change", "total")] == [Decimal("6.10")]
    assert values[("three_public_yoy_change_pct", "total")] == [Decimal("15.4")]
    assert [issue.message.split(":")[0] for issue in document.issues if issue.code == "another_year"] == [
        "three_public_yoy_change 12.30万元", "three_public_yoy_change_pct 21.2%"]


def test_a_share_with_a_thousands_separator_is_read_whole() -> None:
    values = fact_values(parsed())
    assert values[("three_public_yoy_change_pct", "official_reception")] == [Decimal("1084.6")]


def test_the_budget_printed_inside_the_completion_rate_is_the_budget() -> None:
    values = fact_values(parsed())
    assert values[("three_public_budget", "total")] == [Decimal("52.00")]
    assert values[("three_public_completion_pct", "total")] == [Decimal("87.7")]
    assert values[("three_public_budget", "vehicle")] == [Decimal("32.00")]
    assert values[("three_public_completion_pct", "vehicle")] == [Decimal("94.4")]
    assert values[("three_public_budget", "outbound_travel")] == [Decimal("0")]
    assert ("three_public_completion_pct", "outbound_travel") not in values  # '--%' is no number


def test_the_amount_after_a_budget_anchor_is_the_budget() -> None:
    values = fact_values(parsed())
    assert values[("three_public_budget", "official_reception")] == [Decimal("20.00")]
    assert values[("three_public_budget_change", "official_reception")] == [Decimal("4.60")]
    assert values[("budget_initial", "total")] == [Decimal("800.00")]
    assert values[("budget_completion_pct", "total")] == [Decimal("107.5")]


def test_the_actual_stated_as_a_summed_amount_is_the_actual() -> None:
    values = fact_values(parsed())
    assert values[("three_public_actual", "total")] == [Decimal("45.60")]


def test_vehicle_items_named_in_other_words_are_those_items() -> None:
    values = fact_values(parsed())
    assert values[("three_public_actual", "vehicle")] == [Decimal("30.20")]
    assert values[("three_public_actual", "vehicle_operation")] == [Decimal("30.20")]


def test_no_change_in_other_words_and_a_flat_count_is_not_the_spendings() -> None:
    document = parsed()
    outbound = [(f.value, f.qualifier, f.printed) for f in document.facts
                if (f.fact_key, f.subject) == ("three_public_yoy_change", "outbound_travel")]
    # '与上年决算数无增减' is the spending's; '0人次，与上年持平' is the count's, which has no key
    assert outbound == [(Decimal("0"), "持平", "无增减")]


def test_batches_counted_in_ci_and_a_budget_item_named_without_fee() -> None:
    text = CULTURE_BUREAU.replace(
        "国内公务接待\\\n1,250批次", "国内公务接待批次为1250次") + (
        "（四）2022年度“三公”经费预算为52.00万元，其中：因公出国（境）费0万元，公务用车购置0万元，"
        "公务用车运行维护费32.00万元，公务接待费20.00万元。\n")
    values = fact_values(parsed(text))
    assert values[("reception_batches", "total")] == [Decimal("1250")]
    assert values[("three_public_budget", "vehicle_purchase")] == [Decimal("0")]
    assert values[("three_public_budget", "vehicle_operation")] == [Decimal("32.00")]


FORESTRY_BUREAU = """\
某某市林业局2022年度部门决算
第二部分 2022年度部门决算情况说明
七、“三公”经费财政拨款支出决算情况说明
2022年度“三公”经费合计支出60.00万元，其中：因公出国(境)经费0万元，公务接待6.50万元，公务用车运行费用53.50万元。
公务用车及运行维护费支出53.50万元，比上年累计支出61.00万元下降7.50万元，下降12.3%。公务接待支出6.50万元，比上年累计\
支出7.00万元下降0.50万元，下降7.1%。
国内公务接待批次40个，接待人次320人；国(境)外公务接待批次2个，接待人次9人。截至2022年12月31日，公务用车保有6辆。
公务接待费支出决算6.50万元，具体是国内接待费支出决算6.50万元(其中：外事接待费支出决算0元)，国(境)外接待费支出决算0元。
"""


def test_items_named_in_other_words_and_an_item_that_names_neither_part() -> None:
    document = parsed(FORESTRY_BUREAU)
    values = fact_values(document)
    assert values[("three_public_actual", "total")] == [Decimal("60.00")]  # '合计支出'
    assert values[("three_public_actual", "outbound_travel")] == [Decimal("0")]  # '因公出国(境)经费'
    assert values[("three_public_actual", "vehicle_operation")] == [Decimal("53.50")]  # '公务用车运行费用'
    # '公务接待' / '公务接待支出' without 费; '公务接待费支出决算', its kinds' amounts beside it
    assert values[("three_public_actual", "official_reception")] == [Decimal("6.50")] * 3
    assert values[("three_public_yoy_change", "official_reception")] == [Decimal("0.50")]
    # '公务用车及运行维护费' may be the purchase and the running or the running alone: its change is not
    # read, and not given to the item named before it
    changes = [(f.subject, f.value) for f in document.facts if f.fact_key.startswith("three_public_yoy_change")]
    assert changes == [("official_reception", Decimal("0.50")), ("official_reception", Decimal("7.1"))]


def test_foreign_reception_counts_and_kinds_amounts_stated_as_their_final_accounts() -> None:
    values = fact_values(parsed(FORESTRY_BUREAU))
    assert values[("reception_batches", "total")] == [Decimal("40")]
    assert values[("reception_persons", "total")] == [Decimal("320")]
    assert values[("reception_batches", "foreign")] == [Decimal("2")]
    assert values[("reception_persons", "foreign")] == [Decimal("9")]
    assert values[("reception_amount", "domestic")] == [Decimal("6.50")]
    assert values[("reception_amount", "foreign")] == [Decimal("0"), Decimal("0")]
    assert values[("vehicles_held", "total")] == [Decimal("6")]  # '保有 6 辆'


# Sichuan's 三公 section: its items numbered as sections on lines of their own, under the section.
# 12.40 = 0 + 2.40 + 10.00 (purchase 0, running 10.00).
TOWN_ITEMS_ON_THEIR_OWN_LINES = """\
某某镇人民政府2022年度部门决算
第三部分 2022年度部门决算情况说明
七、某某镇2022年“三公”经费支出说明
2022年度“三公”经费支出总额为12.40万元，年初预算15.00万元，比上年预算数下降8.0%，比上年决算数下降4.6%。
一、因公出国(境)经费
2022年因公出国(境)费0万元，与2021年决算数持平。
二、公务接待经费
2022年公务接待经费支出2.40万元，较2021年决算数下降7.7%。国内公务接待30批次，210人次。
三、公务车购置及运行维护费
2022年公务车购置及运行维护支出10.00万元，较2021年决算数下降3.8%。车辆购置支出0万元。截至2022年12月底，单位共有公务用车\
5辆。
"""


def test_items_on_lines_of_their_own_under_the_section_are_its_subsections() -> None:
    document = parsed(TOWN_ITEMS_ON_THEIR_OWN_LINES)
    values = fact_values(document)
    assert values[("three_public_actual", "total")] == [Decimal("12.40")]  # '支出总额为'
    assert values[("three_public_budget", "total")] == [Decimal("15.00")]  # '年初预算 15.00 万元'
    # '比上年预算数下降 8.0%' compares two budgets: it is not the year's change
    assert values[("three_public_yoy_change_pct", "total")] == [Decimal("4.6")]
    assert values[("three_public_yoy_change", "outbound_travel")] == [Decimal("0")]
    assert values[("three_public_actual", "official_reception")] == [Decimal("2.40")]  # '公务接待经费支出'
    assert values[("three_public_yoy_change_pct", "official_reception")] == [Decimal("7.7")]
    assert values[("reception_batches", "total")] == [Decimal("30")]
    # '公务车购置及运行维护支出', '车辆购置支出'
    assert values[("three_public_actual", "vehicle")] == [Decimal("10.00")]
    assert values[("three_public_yoy_change_pct", "vehicle")] == [Decimal("3.8")]
    assert values[("three_public_actual", "vehicle_purchase")] == [Decimal("0")]
    assert values[("vehicles_held", "total")] == [Decimal("5")]  # '单位共有公务用车 5 辆'
    headings = [(h.level, h.number) for h in document.headings]
    assert headings[-4:] == [("section", 7), ("subsection", 1), ("subsection", 2), ("subsection", 3)]


def test_an_item_named_in_words_not_known_is_not_the_total_named_before_it() -> None:
    # '公车使用经费' names no item the parser knows: its amount and rate are not the total's
    text = """\
某某县某某局2022年度部门决算
第三部分 2022年度部门决算情况说明
七、“三公”经费支出决算情况说明
2022年度“三公”经费决算为60.00万元，其中：公车使用经费决算50.00万元，完成年初预算的98.0%；公务接待费支出10.00万元，\
比上年减少1.00万元。
"""
    document = parsed(text)
    values = fact_values(document)
    assert values[("three_public_actual", "total")] == [Decimal("60.00")]
    assert ("three_public_completion_pct", "total") not in values
    assert values[("three_public_actual", "official_reception")] == [Decimal("10.00")]
    assert [issue.message.split(":")[0] for issue in document.issues if issue.code == "subject_outside_topic"] == [
        "three_public_actual 50.00万元", "three_public_completion_pct 98.0%"]
