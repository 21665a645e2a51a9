"""A narrative that breaks the department's amounts down by its parts ('机关本级基本支出 …', '其中：
本级公务接待费 …', '所属学校收入 …'): those amounts are the parts', not the department's. The
documents are made up for these tests (their own departments and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.parsing.test_narrative_other_years import values_of

EDUCATION_BUREAU = """\
某某县教育局2021年度部门决算
第二部分 2021年度部门决算情况说明
一、收入决算情况说明
本年收入合计5000万元,其中:一般公共预算财政拨款收入4800万元,占96%;其他收入200万元,占4%。\
按单位分,局机关本级收入800万元,所属学校收入4200万元。
二、支出决算情况说明
本部门(含所属单位)本年支出合计5000万元,其中:基本支出3000万元,占60%;项目支出2000万元,占40%。机关本级基本支出500万元。
三、财政拨款“三公”经费支出决算情况说明
2021年度“三公”经费支出决算为10万元。公务接待费支出决算为3万元,其中:本级公务接待费支出决算2万元。
"""


def test_the_amounts_of_a_part_of_the_department_are_not_the_departments() -> None:
    values = values_of(EDUCATION_BUREAU)
    # 500 is 机关本级's basic spending, 2 its reception spending
    assert values[("expenditure_amount", "basic")] == [Decimal("3000")]
    assert values[("three_public_actual", "official_reception")] == [Decimal("3")]
    # '含所属单位' includes the units: the total is the department's
    assert values[("expenditure_total", "total")] == [Decimal("5000")]
    assert values[("income_amount", "general_budget_appropriation")] == [Decimal("4800")]


def test_each_amount_of_a_part_is_reported() -> None:
    document = parse_text(EDUCATION_BUREAU.encode(), "bureau.txt", "bureau")
    parts = [issue for issue in document.issues if issue.code == "part_of_the_department"]
    assert {issue.provenance.line_start for issue in parts} == {6, 8}
    assert any("'本级'" in issue.message and "500" in issue.message for issue in parts)


def test_a_document_of_the_part_itself_reads_its_amounts() -> None:
    # the disclosure of 本级 alone: '本级' names the document itself
    text = EDUCATION_BUREAU.replace("某某县教育局2021年度部门决算", "某某县教育局（本级）2021年度单位决算")
    document = parse_text(text.encode(), "bureau.txt", "bureau")
    assert (document.department_name, document.fiscal_year) == ("某某县教育局(本级)", 2021)
    values = values_of(text)
    assert values[("expenditure_amount", "basic")] == [Decimal("3000"), Decimal("500")]
