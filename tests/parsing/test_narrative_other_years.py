"""A narrative that states the year before's amounts beside the year's own ('2016 年度支出合计 …，
其中：基本支出 …' in a 2017 document, Yunnan's phrasing): those amounts are that year's, not the
document's. The document is made up for these tests (its own department and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

RESETTLEMENT_OFFICE = """\
某某县移民开发局2017年度部门决算
第二部分 2017年度部门决算情况说明
一、支出决算情况说明
2017年度支出合计1860万元,其中:基本支出310万元,占总支出的16.67%;项目支出1550万元,占总支出的83.33%。\
2016年度支出合计940万元,其中:基本支出280万元,占总支出的29.79%;项目支出660万元,占总支出的70.21%。\
2017年度基本支出310万元,2016年度基本支出280万元,2017年比上年基本支出增加30万元。
二、收入决算情况说明
本年收入合计1860万元,其中:财政拨款收入1800万元,占总收入的96.77%;其他收入60万元,占总收入的3.23%。
"""


def values_of(text: str) -> dict[tuple[str, str], list[Decimal]]:
    """(fact key, subject) -> the values recorded, in text order."""
    return fact_values(parse_text(text.encode(), "document.txt", "document"))


def parsed() -> dict[tuple[str, str], list[Decimal]]:
    assert parse_text(RESETTLEMENT_OFFICE.encode(), "office.txt", "office").fiscal_year == 2017
    return values_of(RESETTLEMENT_OFFICE)


def test_the_year_befores_amounts_are_not_the_documents() -> None:
    values = parsed()
    assert values[("expenditure_total", "total")] == [Decimal("1860")]
    assert values[("expenditure_amount", "basic")] == [Decimal("310"), Decimal("310")]
    assert values[("expenditure_amount", "project")] == [Decimal("1550")]
    # 16.67 and 83.33 are 2017's shares; 29.79 and 70.21 are 2016's
    assert values[("expenditure_share_pct", "basic")] == [Decimal("16.67")]
    assert values[("expenditure_share_pct", "project")] == [Decimal("83.33")]


def test_each_amount_of_another_year_is_reported_where_it_stands() -> None:
    document = parse_text(RESETTLEMENT_OFFICE.encode(), "office.txt", "office")
    other_years = [issue for issue in document.issues if issue.code == "another_year"]
    # 2016's total, basic and project amounts and their two shares, and the basic amount repeated
    assert len(other_years) == 6
    assert all(issue.provenance.line_start == 4 for issue in other_years)
    assert any("940" in issue.message and "2016" in issue.message for issue in other_years)


def test_a_share_of_total_income_or_expenditure_is_read() -> None:
    values = parsed()
    assert values[("income_share_pct", "fiscal_appropriation")] == [Decimal("96.77")]
    assert values[("income_share_pct", "other")] == [Decimal("3.23")]


# The year before named as '上年度' / '上年同期', and the year before's amount a change is measured
# against ('比上年决算 12 万元减少 2 万元').
YEAR_BEFORE = """\
某某县移民开发局2017年度部门决算
第二部分 2017年度部门决算情况说明
一、收入支出决算总体情况说明
2017年度收入总计1860万元,比上年收入总计940万元增加920万元。
二、支出决算情况说明
本年支出合计1860万元,上年度支出合计940万元。本年基本支出310万元,上年同期基本支出280万元。
三、财政拨款“三公”经费支出决算情况说明
2017年度“三公”经费支出决算为10万元,比上年决算12万元减少2万元,下降16.67%。\
其中:公务接待费支出决算为4万元,较上年决算数5万元减少1万元。
"""


def facts_of_the_year_before_document() -> dict[tuple[str, str], list[Decimal]]:
    return values_of(YEAR_BEFORE)


def test_the_year_befores_amounts_named_by_shang_nian_are_not_the_documents() -> None:
    values = facts_of_the_year_before_document()
    assert values[("expenditure_total", "total")] == [Decimal("1860")]
    assert values[("expenditure_amount", "basic")] == [Decimal("310")]


def test_the_amount_a_change_is_measured_against_is_not_the_documents() -> None:
    values = facts_of_the_year_before_document()
    assert values[("total_income_expenditure", "total")] == [Decimal("1860")]
    # 940 is 2016's total, not a change; the change is 920
    assert values[("total_yoy_change", "total")] == [Decimal("920")]
    assert values[("three_public_actual", "total")] == [Decimal("10")]
    assert values[("three_public_yoy_change", "total")] == [Decimal("2")]
    assert values[("three_public_actual", "official_reception")] == [Decimal("4")]
    assert values[("three_public_yoy_change", "official_reception")] == [Decimal("1")]


def test_a_level_after_an_anchor_is_the_level_when_the_change_is_stated_after_it() -> None:
    # '与上年相比…支出 1500 万元，增加 100 万元': 1500 is this year's amount, 100 the change (with no
    # change stated after it, as in '与 2020 年度相比，财政拨款收、支总计 787.24 万元，各减少 33.4%', the
    # level is the change: tests/parsing/test_narrative_wuhan.py)
    text = YEAR_BEFORE.replace(
        "二、支出决算情况说明\n",
        "二、一般公共预算财政拨款支出决算情况说明\n与上年相比一般公共预算财政拨款支出1500万元,增加100万元。\n"
        "三、支出决算情况说明\n")
    values = values_of(text)
    assert values[("gpb_expenditure", "total")] == [Decimal("1500")]
    assert values[("gpb_yoy_change", "total")] == [Decimal("100")]


def test_the_evaluation_of_the_year_befores_projects_is_the_disclosures() -> None:
    # a 2017 disclosure reports the self-evaluation it made of 2016's projects: its figures are facts
    # of the disclosure whatever year the sentence names
    text = YEAR_BEFORE + (
        "四、关于预算绩效情况的说明\n"
        "组织对2016年度一般公共预算项目支出全面开展绩效自评,共涉及项目4个,资金320万元,占一般公共预算项目支出总额的100%。\n")
    values = values_of(text)
    assert values[("perf_funds", "total")] == [Decimal("320")]
    assert values[("perf_funds_share_pct", "total")] == [Decimal("100")]
