"""An extract that prints each page on one line (a web page's text of a PDF, an extractor that
joins a page's lines with spaces): its narrative is read as from the page's lines, and its tables
are reported, none of their cells certain. The document is made up for these tests."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.decode import split_lines
from dagster_project.parsing.flattened import unflattened
from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

FLATTENED = "\n".join((
    "某某区某某局2022年度部门决算 第一部分 部门概况 一、主要职能 负责本区某某工作的组织和协调,承办区委、区政府交办的其他事项。"
    " 二、部门决算单位构成 本部门决算由本级决算组成,纳入决算编制范围的单位共1个。 第二部分 2022年度部门决算表 1",
    "",
    "收入支出决算总表 单位:万元 收入 支出 项目 决算数 项目 决算数 一、一般公共预算财政拨款收入 520.30 一、一般公共服务支出 480.10"
    " 二、政府性基金预算财政拨款收入 二、外交支出 三、国有资本经营预算财政拨款收入 三、国防支出 四、上级补助收入 四、公共安全支出"
    " 五、事业收入 五、教育支出 六、经营收入 六、科学技术支出 七、附属单位上缴收入 七、文化旅游体育与传媒支出 八、其他收入"
    " 八、社会保障和就业支出 20.20 本年收入合计 520.30 本年支出合计 500.30 年初结转和结余 年末结转和结余 20.00"
    " 总计 520.30 总计 520.30 2",
    "",
    "第三部分 2022年度部门决算情况说明 一、收入支出决算总体情况说明 2022年度收、支总计各为520.30万元。与2021年相比,收、支总计"
    "各增加20.10万元,增长4.0%。主要原因是人员增加。 二、收入决算情况说明 2022年本年收入合计520.30万元,其中:一般公共预算财政拨款"
    "收入520.30万元,占100%。 三、支出决算情况说明 2022年本年支出合计500.30万元,其中:基本支出460.30万元,占92.0%;项目支出"
    "40.00万元,占8.0%。 3",
    "",
))


def test_the_narrative_of_pages_printed_as_one_line_each_is_read() -> None:
    doc = parse_text(FLATTENED.encode(), "flat.txt", "flat")
    facts = fact_values(doc)
    assert (doc.department_name, doc.fiscal_year) == ("某某区某某局", 2022)
    assert facts[("total_income_expenditure", "total")] == [Decimal("520.30")]
    assert facts[("total_yoy_change", "total")] == [Decimal("20.10")]
    assert facts[("total_yoy_change_pct", "total")] == [Decimal("4.0")]
    assert facts[("income_amount", "general_budget_appropriation")] == [Decimal("520.30")]
    assert facts[("expenditure_amount", "basic")] == [Decimal("460.30")]
    assert facts[("expenditure_share_pct", "project")] == [Decimal("8.0")]


def test_their_tables_are_reported_with_no_cell_certain() -> None:
    doc = parse_text(FLATTENED.encode(), "flat.txt", "flat")
    table_1 = [cell for cell in doc.cells if cell.table_no == 1]
    assert {cell.value for cell in table_1} >= {Decimal("480.10"), Decimal("20.20"), Decimal("500.30")}
    assert not any(cell.certain for cell in doc.cells)
    issue = next(issue for issue in doc.issues if issue.code == "page_on_one_line")
    assert issue.message.startswith("table 1: ") and issue.provenance.line_start == 3


def test_each_piece_keeps_its_pages_line_number() -> None:
    lines, flattened = unflattened(split_lines(FLATTENED), len(FLATTENED))
    assert flattened
    assert [line.text for line in lines if line.no == 3][:4] == [
        "收入支出决算总表", "单位:万元", "收入 支出 项目 决算数 项目 决算数", "一、一般公共预算财政拨款收入 520.30"]
    assert [line.text for line in lines if line.no == 5][-1] == "3"  # the page number, apart from the sentence


def test_an_extract_with_lines_of_a_page_is_not_read_as_flattened() -> None:
    # long lines of a layout extract (Table 6's three column groups on one line) are a page's lines
    row = "30101 基本工资" + " " * 70 + "120.50   30201 办公费" + " " * 70 + "10.20   31002 办公设备购置" + " " * 50 + "5.00"
    text = "\n".join([row] * 20)
    lines, flattened = unflattened(split_lines(text), len(text))
    assert not flattened
    assert len(lines) == 20
