"""Rules of the table parser on small hand-made extracts (no corpus needed)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from dagster_project.parsing.layout import tables as layout
from dagster_project.parsing.model import Line
from dagster_project.parsing.text_tables import extract_tables, table_number_of_title


def lines_of(text: str) -> list[Line]:
    return [Line(i + 1, unicodedata.normalize("NFKC", t).rstrip()) for i, t in enumerate(text.splitlines())]


EXPENDITURE_IN_YUAN = """\
2023 年度支出决算表
（表 3）
单位：元
项目 本年支出合计 基本支出 项目支出
合 计 15,000,000.00 - 15,000,000.00
201 一般公共服务支出 15,000,000.00 15,000,000.00
201 31 01 一般行政管理
事务
- 3 -
15,000,000.00 15,000,000.00
"""


def test_yuan_dash_split_codes_and_page_footer():
    found = extract_tables(lines_of(EXPENDITURE_IN_YUAN))
    info = found.tables[2]
    assert (info.present, info.unit, info.title) == (True, "元", "2023 年度支出决算表")
    cells = {(c.row_key, c.column_key): (c.value, c.printed, c.certain) for c in found.cells}
    assert cells[("total", "basic")] == (Decimal(0), "-", True)
    assert cells[("total", "project")][0] == Decimal("1500")
    # 合计 has no basic amount, so the second value of 201 (and then of its 项) can only be project
    assert cells[("201", "project")] == (Decimal("1500"), "15,000,000.00", True)
    assert cells[("2013101", "project")] == (Decimal("1500"), "15,000,000.00", True)
    row = next(c for c in found.cells if c.row_key == "2013101")
    assert row.row_label == "一般行政管理事务" and (row.provenance.line_start, row.provenance.line_end) == (7, 10)
    assert "inferred" in row.note


UNDECIDED = """\
支出决算表
单位：万元
项目 本年支出合计 基本支出 项目支出
合计 500.00 500.00
201 一般公共服务支出 500.00 500.00
"""


def test_a_value_the_identities_cannot_place_is_ambiguous_not_guessed():
    found = extract_tables(lines_of(UNDECIDED))
    second = [c for c in found.cells if c.column_key is None]
    assert len(second) == 2 and all(not c.certain and c.candidates == ("basic", "project") for c in second)
    totals = [c for c in found.cells if c.column_key == "total"]
    assert len(totals) == 2 and all(c.certain for c in totals)
    warned = [i for i in found.issues if i.code == "ambiguous_cell"]
    assert [i.provenance.line_start for i in warned] == [4, 5] and all("table 3" in i.message for i in warned)


def test_unknown_column_header_is_an_error_naming_the_text_and_line():
    text = UNDECIDED.replace("项目支出\n", "项目支出 特别扶贫支出\n")
    errors = [i for i in extract_tables(lines_of(text)).issues if i.code == "unknown_column_header"]
    assert len(errors) == 1
    assert errors[0].severity == "error" and "特别扶贫支出" in errors[0].message and errors[0].provenance.line_start == 3


def test_missing_tables_are_reported_and_a_title_may_wrap():
    text = "2023 年度一般公共预算财政拨款\n基本支出决算表\n单位：万元\n人员经费合计 1.00 公用经费合计 2.00\n"
    found = extract_tables(lines_of(text))
    assert [t.table_no for t in found.tables if t.present] == [6]
    assert len([i for i in found.issues if i.code == "table_missing"]) == 8
    assert {(c.row_key, c.section, c.value) for c in found.cells} == {
        ("personnel_total", "personnel", Decimal("1.00")), ("public_total", "public", Decimal("2.00"))}


THREE_PUBLIC_ONE_VALUE_PAIR = """\
财政拨款“三公”经费支出决算表
单位：万元
合计 因公出国（境）费 公务用车购置及运行费 公务接待费
小计 公务用车购置费 公务用车运行费
预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数
5.00 5.00 3.00 3.00 2.00 2.00 0 0 2.00 2.00 0 0
"""


def test_table_7_pairs_budget_and_actual_per_item_when_the_header_says_so():
    cells = {c.column_key: c.value for c in extract_tables(lines_of(THREE_PUBLIC_ONE_VALUE_PAIR)).cells}
    assert cells["budget_total"] == cells["actual_total"] == Decimal("5.00")
    assert cells["budget_outbound"] == Decimal("3.00") and cells["actual_vehicle_operation"] == Decimal("2.00")
    assert len(cells) == 12



# The extract lost the line of 预算数/决算数 (a careless copy, a tool that drops it): which of the two
# column orders the values follow is for the sums to say (合计 = its items, 小计 = its vehicle items)
THREE_PUBLIC_WITHOUT_PHASES = """\
财政拨款“三公”经费支出决算表
单位：万元
合计 因公出国（境）费 小计 公务用车购置费 公务用车运行费 公务接待费
{values}
"""


def test_table_7_without_budget_and_actual_in_its_header_takes_the_order_its_sums_hold_in():
    pairs = "16.00 12.00 4.00 3.00 9.00 7.00 0.00 0.00 9.00 7.00 3.00 2.00"
    found = extract_tables(lines_of(THREE_PUBLIC_WITHOUT_PHASES.format(values=pairs)))
    cells = {c.column_key: c.printed for c in found.cells if c.certain}
    assert cells == {"budget_total": "16.00", "actual_total": "12.00", "budget_outbound": "4.00",
                     "actual_outbound": "3.00", "budget_vehicle_subtotal": "9.00", "actual_vehicle_subtotal": "7.00",
                     "budget_vehicle_purchase": "0.00", "actual_vehicle_purchase": "0.00",
                     "budget_vehicle_operation": "9.00", "actual_vehicle_operation": "7.00",
                     "budget_reception": "3.00", "actual_reception": "2.00"}
    assert [i.code for i in found.issues if i.code == "column_order_inferred"] == ["column_order_inferred"]
    groups = "16.00 4.00 9.00 0.00 9.00 3.00 12.00 3.00 7.00 0.00 7.00 2.00"
    cells = {c.column_key: c.printed for c in extract_tables(lines_of(THREE_PUBLIC_WITHOUT_PHASES.format(values=groups))).cells}
    assert cells["budget_reception"] == "3.00" and cells["actual_total"] == "12.00" and cells["actual_reception"] == "2.00"


def test_table_7_without_budget_and_actual_whose_sums_hold_in_neither_order_has_no_certain_value():
    neither = "16.00 12.00 4.00 3.00 9.00 7.00 0.00 0.00 9.00 7.00 3.00 9.99"
    found = extract_tables(lines_of(THREE_PUBLIC_WITHOUT_PHASES.format(values=neither)))
    values = [c for c in found.cells if c.table_no == 7]
    assert len(values) == 12 and not any(c.certain for c in values)
    assert "neither of the two orders" in values[0].note

def test_every_kind_of_furniture_line_holds_a_furniture_mark():
    # the lines are read after NFKC, as the parser reads them ('：' -> ':')
    furniture = ["- 12 -", "— 3 —", "第 3 页", "第3页 共20页", "3/25", "单位：万元", "金额单位：元", "部门：某区财政局",
                 "编制单位：某区财政局", "单位名称：某区民政局"]
    for line in furniture:
        flat = layout.squash(unicodedata.normalize("NFKC", line))
        assert layout.PAGE_FURNITURE_RE.match(flat) or layout.DEPARTMENT_LINE_RE.match(flat) \
            or layout.UNIT_RE.fullmatch(flat.removeprefix("金额")), line
        assert layout.FURNITURE_MARK_RE.search(flat), line


# Table 1 prints 财政拨款 income, so Table 2 prints a 财政拨款收入 column: a header that names none
# lost it (a header line deleted or unreadable), and where Table 2's numbers stand is not known
HEADER_LINE_LOST = """\
收入支出决算总表
单位：万元
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 100.00
本年收入合计 100.00 本年支出合计 100.00
收入决算表
单位：万元
项目 本年收入合计 上级补助收入 其他收入
合计 100.00 100.00
201 一般公共服务支出 100.00 100.00
"""


def test_a_table_whose_header_lacks_a_column_another_table_proves_printed_has_no_certain_value():
    found = extract_tables(lines_of(HEADER_LINE_LOST))
    assert not [c for c in found.cells if c.table_no == 2 and c.certain]
    assert [c.certain for c in found.cells if c.table_no == 1] == [True] * 4
    missing = [i for i in found.issues if i.code == "column_missing"]
    assert len(missing) == 1 and missing[0].severity == "error"
    assert "fiscal_appropriation" in missing[0].message and missing[0].provenance.line_start == 4


def test_a_table_whose_header_lacks_its_total_column_has_no_certain_value():
    # the header line holding 本年支出合计 was lost: the row's total and basic would fill basic and project
    found = extract_tables(lines_of("支出决算表\n单位：万元\n基本支出 项目支出\n合计 100.00 100.00\n"
                                    "201 一般公共服务支出 100.00 100.00\n"))
    assert [c.certain for c in found.cells] == [False] * 4
    assert [i.message for i in found.issues if i.code == "column_missing"] == [
        "table 3: the header names no total column, which the table always prints: a header line may be lost, "
        "so the columns of the table's numbers are not known"]


def test_a_table_whose_header_lacks_its_basic_column_has_no_certain_value():
    # PyMuPDF prints each header word on a line: with '基本支出' lost, a row's total and basic would
    # fill total and project
    found = extract_tables(lines_of("支出决算表\n单位：万元\n本年支出合计\n项目支出\n上缴上级支出\n经营支出\n"
                                    "合计 100.00 100.00\n201 一般公共服务支出 100.00 100.00\n"))
    assert [c.certain for c in found.cells] == [False] * 4
    assert [i.message.split(":")[1] for i in found.issues if i.code == "column_missing"] == [
        " the header names no basic column, which the table always prints"]


# The header line holding 事业收入 was lost: rows print three amounts under two columns.
BUSINESS_COLUMN_LOST = """\
收入决算表
单位：万元
项目 本年收入合计 财政拨款收入
合计 30.00 20.00 10.00
201 一般公共服务支出 10.00 5.00 5.00
208 社会保障和就业支出 20.00 15.00 5.00
"""


def test_rows_with_more_amounts_than_the_header_names_columns_leave_the_table_uncertain():
    found = extract_tables(lines_of(BUSINESS_COLUMN_LOST))
    assert not [c for c in found.cells if c.table_no == 2 and c.certain]
    missing = [i for i in found.issues if i.code == "column_missing"]
    assert len(missing) == 1 and missing[0].message.startswith("table 2: 3 rows print more amounts")
    # one such row is a line read twice or a stray number, not a lost column
    one = extract_tables(lines_of(BUSINESS_COLUMN_LOST.replace("5.00 5.00", "10.00").replace("15.00 5.00", "20.00")))
    assert not [i for i in one.issues if i.code == "column_missing"]


def test_a_table_without_a_unit_line_before_it_takes_the_unit_of_the_tables_after_it():
    # the first table's '单位：元' line was lost; the next table states its unit
    found = extract_tables(lines_of("收入支出决算总表\n项目 决算数 项目 决算数\n"
                                    "一、一般公共预算财政拨款收入 1,000,000.00 一、一般公共服务支出 1,000,000.00\n"
                                    "本年收入合计 1,000,000.00 本年支出合计 1,000,000.00\n"
                                    "收入决算表\n单位：元\n项目 本年收入合计 财政拨款收入\n合计 1,000,000.00 1,000,000.00\n"))
    income = next(c for c in found.cells if c.table_no == 1 and c.row_key == "general_budget_appropriation")
    assert (income.value, income.certain) == (Decimal("100"), True)
    assert [i.message for i in found.issues if i.code == "unit_missing"] == [
        "table 1: no unit line before it, amounts read as 元, the unit of the tables after it"]


# Yunnan's and Guangdong's templates print tables of their own between the nine, and Guangdong's
# calls Table 6 a 明细表.
TABLES_OF_OTHER_TEMPLATES = """\
一般公共预算财政拨款支出决算表
单位：万元
项目 合计 基本支出 项目支出
合计 300.00 200.00 100.00
201 一般公共服务支出 300.00 200.00 100.00
一般公共预算财政拨款项目支出决算表
单位：万元
科目编码 科目名称 合计
302 商品和服务支出 100.00
30201 办公费 60.00
30211 差旅费 40.00
一般公共预算财政拨款基本支出决算明细表
单位：万元
经济分类科目编码 科目名称 金额
301 工资福利支出 150.00
30101 基本工资 150.00
302 商品和服务支出 50.00
30201 办公费 50.00
人员经费合计 150.00
公用经费合计 50.00
"""


def test_a_table_outside_the_nine_ends_the_table_before_it_and_its_rows_are_not_read():
    found = extract_tables(lines_of(TABLES_OF_OTHER_TEMPLATES))
    cells = {(c.table_no, c.row_key, c.column_key): (c.value, c.certain) for c in found.cells}
    # Table 5 keeps its two rows only: the project table's 302/30201/30211 are not read into it
    assert {key[1] for key in cells if key[0] == 5} == {"total", "201"}
    assert cells[(5, "201", "project")] == (Decimal("100.00"), True)
    [unknown] = [i for i in found.issues if i.code == "table_unknown"]
    assert unknown.provenance.line_start == 6 and "项目支出决算表" in unknown.message
    # Table 6 read under its 明细表 title, without the project table's 30211
    assert found.tables[5].present and found.tables[5].title == "一般公共预算财政拨款基本支出决算明细表"
    assert cells[(6, "30201", "amount")] == (Decimal("50.00"), True)
    assert not any(key[0] == 6 and key[1] == "30211" for key in cells)


def test_a_table_printed_one_cell_per_line_with_its_form_number():
    # a web page's text of a Hubei county table: every cell on a line of its own, blank lines
    # between, and the form number '公开01表' above the header
    cells = ["收入支出决算总表", "公开01表", "部门:某某县招商服务中心", "金额单位:万元", "收入", "支出",
             "项目", "行次", "金额", "项目", "行次", "金额",
             "一、一般公共预算财政拨款收入", "1", "450.00", "一、一般公共服务支出", "29", "440.00",
             "二、上级补助收入", "2", "10.00", "二、社会保障和就业支出", "30", "20.00",
             "本年收入合计", "3", "460.00", "本年支出合计", "31", "460.00",
             "总计", "4", "460.00", "总计", "32", "460.00"]
    found = extract_tables(lines_of("\n\n".join(cells)))
    assert not [i for i in found.issues if i.code == "unknown_column_header"]
    read = {(c.section, c.row_key): (c.value, c.certain) for c in found.cells if c.table_no == 1}
    assert read[("income", "superior_subsidy")] == (Decimal("10.00"), True)
    assert read[("expenditure", "208")] == (Decimal("20.00"), True)
    assert read[("expenditure", "grand_total")] == (Decimal("460.00"), True)


def three_public_by_item(header: str, rows: list[str]) -> dict[str, tuple[Decimal, bool, int]]:
    text = "\n".join(["2021年度一般公共预算财政拨款“三公”经费支出决算表", "单位：万元", header, *rows])
    found = extract_tables(lines_of(text))
    assert not [i for i in found.issues if i.code == "unknown_column_header"]
    return {c.column_key or "/".join(c.candidates): (c.value, c.certain, c.provenance.line_start)
            for c in found.cells if c.table_no == 7}


# Table 7 printed an item per row, to follow its title: the unit, the header and the six items (8 lines)
TABLE_7_BY_ITEM = """\
单位：万元
项目 预算数 决算数
合计 9.00 6.10
因公出国(境)费 0.00 0.00
公务接待费 3.00 1.60
公务用车购置及运行维护费 6.00 4.50
其中：公务用车运行维护费 6.00 4.50
公务用车购置费 0.00 0.00
"""


def test_yunnans_table_7_titled_as_a_qing_kuang_biao_after_its_table_of_running_costs():
    # Yunnan's template since 2023: table 十 lists the 三公 spending with the running costs and
    # counts (a table outside the nine), table 十一 is Table 7, titled '…“三公”经费情况表'
    text = """\
十、财政拨款“三公”经费、行政参公单位机关运行经费情况表
单位：万元
项目 决算数
“三公”经费支出 6.10
机关运行经费 35.20
十一、一般公共预算财政拨款“三公”经费情况表
""" + TABLE_7_BY_ITEM
    found = extract_tables(lines_of(text))
    assert found.tables[6].present and found.tables[6].title == "十一、一般公共预算财政拨款“三公”经费情况表"
    cells = {c.column_key: (c.value, c.certain, c.provenance.line_start) for c in found.cells if c.table_no == 7}
    assert cells["budget_total"] == (Decimal("9.00"), True, 9)
    assert cells["actual_total"] == (Decimal("6.10"), True, 9)
    assert cells["actual_reception"] == (Decimal("1.60"), True, 11)
    assert cells["budget_vehicle_operation"] == (Decimal("6.00"), True, 13)
    assert len(cells) == 12
    [unknown] = [i for i in found.issues if i.code == "table_unknown"]
    assert unknown.provenance.line_start == 1


def test_inner_mongolias_table_of_running_costs_assets_and_procurement_ends_table_7():
    text = "十一、财政拨款“三公”经费支出决算表\n" + TABLE_7_BY_ITEM + """\
十二、机构运行经费支出、国有资产占用情况及政府采购支出信息表
单位：万元
项目 金额
一、机构运行经费支出 35.20
二、政府采购支出合计 120.00
车辆数合计(辆) 2
"""
    found = extract_tables(lines_of(text))
    assert len([c for c in found.cells if c.table_no == 7 and c.certain]) == 12
    [unknown] = [i for i in found.issues if i.code == "table_unknown"]
    assert unknown.provenance.line_start == 10
    assert not [i for i in found.issues if i.code == "stray_text"]


def test_table_7_printed_an_item_per_row_reads_each_value_into_its_items_column():
    # Anhui's layout: items down the side, 预算数 / 决算数 across; 因公出国(境)费 prints its budget only
    cells = three_public_by_item("项 目 预 算 数 决 算 数", [
        "合 计 40.00 12.50", "因公出国(境)费 10.00", "公务接待费 15.00 4.50",
        "公务用车购置及运行维护费 15.00 8.00", "其中：公务用车运行维护费 15.00 8.00", "公务用车购置费"])
    assert cells["budget_total"] == (Decimal("40.00"), True, 4)
    assert cells["actual_reception"] == (Decimal("4.50"), True, 6)
    assert cells["actual_vehicle_operation"] == (Decimal("8.00"), True, 8)
    # the actuals add up to 12.50 without it, the budgets need it: the sums place the lone 10.00
    assert cells["budget_outbound"] == (Decimal("10.00"), True, 5)


def test_table_7_by_item_follows_the_headers_order_of_its_two_columns():
    cells = three_public_by_item("项目 决算数 预算数", [
        "合计 12.50 40.00", "因公出国(境)费 10.00", "公务接待费 4.50 15.00", "公务用车购置及运行维护费 8.00 15.00"])
    assert cells["actual_total"][:2] == (Decimal("12.50"), True)
    assert cells["budget_vehicle_subtotal"][:2] == (Decimal("15.00"), True)
    assert cells["budget_outbound"][:2] == (Decimal("10.00"), True)


def test_table_7_by_item_leaves_a_lone_value_ambiguous_when_each_column_breaks_one_sum():
    # 5.00 as the budget makes the budgets add up and the actuals not, as the actual the reverse
    cells = three_public_by_item("项目 预算数 决算数", [
        "合计 20.00 20.00", "因公出国(境)费 5.00", "公务接待费 5.00 10.00", "公务用车购置及运行维护费 10.00 5.00"])
    assert cells["budget_outbound/actual_outbound"][:2] == (Decimal("5.00"), False)
    assert cells["actual_reception"][:2] == (Decimal("10.00"), True)  # printed in both columns: where it stands


def test_yunnans_table_5_with_the_general_budgets_carry_overs_and_income():
    text = """\
一般公共预算财政拨款收入支出决算表
单位：万元
科目编码 科目名称 年初结转和结余 本年收入 本年支出 年末结转和结余
小计 基本支出 项目支出
合计 5.00 300.00 295.00 200.00 95.00 10.00
201 一般公共服务支出 5.00 300.00 295.00 200.00 95.00 10.00
"""
    found = extract_tables(lines_of(text))
    assert found.tables[4].present and not [i for i in found.issues if i.code == "unknown_column_header"]
    cells = {(c.row_key, c.column_key): (c.value, c.certain) for c in found.cells if c.table_no == 5}
    assert cells[("201", "total")] == (Decimal("295.00"), True)
    assert cells[("201", "project")] == (Decimal("95.00"), True)
    assert cells[("total", "carryover_end")] == (Decimal("10.00"), True)


def test_titles_of_other_templates_name_the_nine_tables():
    # Shaanxi calls Tables 2 and 3 收入/支出决算总表; Guangxi calls Table 7 '…财政拨款安排的“三公”经费支出决算表'
    text = """\
二、收入决算总表
单位：万元
项目 本年收入合计 财政拨款收入 事业收入
合计 90.00 80.00 10.00
三、支出决算总表
单位：万元
项目 本年支出合计 基本支出 项目支出
合计 90.00 70.00 20.00
表七：一般公共预算财政拨款安排的“三公”经费支出决算表
单位：万元
项目 预算数 决算数
合计 6.00 5.00
公务接待费 6.00 5.00
"""
    found = extract_tables(lines_of(text))
    assert [found.tables[i].present for i in (1, 2, 6)] == [True, True, True]
    cells = {(c.table_no, c.row_key, c.column_key): c.value for c in found.cells if c.certain}
    assert cells[(2, "total", "business")] == Decimal("10.00")
    assert cells[(3, "total", "project")] == Decimal("20.00")
    assert cells[(7, "three_public", "actual_reception")] == Decimal("5.00")


def test_a_title_may_follow_bu_men_and_name_the_totals_as_shou_zhi():
    titles = {
        "2022年度部门收入支出决算总表(表1)": 1, "2022 年度收支决算总表": 1, "表四：财政拨款收支决算总表": 4,
        "某某局2022年度单位一般公共预算财政拨款支出决算表": 5, "2022年度部门收入决算表": 2,
        # a part's title and a sentence name no table
        "第二部分 2022年度部门决算表": None, "2022年度部门决算表": None, "详见收入支出决算总表": None,
    }
    assert {text: table_number_of_title(unicodedata.normalize("NFKC", text)) for text in titles} == titles


def test_table_1_of_templates_before_2019_with_its_business_fund_line():
    # 总计 = 本年收入合计 + 用事业基金弥补收支差额 + 年初结转和结余, as later with 使用非财政拨款结余
    text = """\
2018年度收入支出决算总表
单位：万元
项目 决算数 项目 决算数
一、财政拨款收入 80.00 一、一般公共服务支出 95.00
二、事业收入 10.00
本年收入合计 90.00 本年支出合计 95.00
用事业基金弥补收支差额 5.00 结余分配
年初结转和结余 年末结转和结余
总计 95.00 总计 95.00
"""
    found = extract_tables(lines_of(text))
    assert not [i for i in found.issues if i.code == "unknown_row_label"]
    cells = {(c.section, c.row_key): (c.value, c.certain) for c in found.cells if c.table_no == 1}
    assert cells[("income", "use_of_non_fiscal_balance")] == (Decimal("5.00"), True)
    assert cells[("income", "grand_total")] == (Decimal("95.00"), True)


def test_table_7_by_item_with_numbered_totals_and_rows_of_counts():
    # '一、“三公”经费支出合计' is the total; the counts under '二、相关统计数' ('公务用车购置数(辆)',
    # '公务接待批次(批)') name no item and are not read as amounts
    cells = three_public_by_item("项目 预算数 决算数", [
        "一、“三公”经费支出合计 12.00 9.50", "1.因公出国(境)费用 0.00 0.00", "2.公务接待费 4.00 3.50",
        "3.公务用车费 8.00 6.00", "其中：(1)公务用车运行维护费 8.00 6.00", "(2)公务用车购置 0.00 0.00",
        "二、相关统计数", "3.公务用车购置数(辆) 0 1", "4.公务用车保有量(辆) 2 2", "5.公务接待批次(批) 12 10"])
    assert cells["actual_total"] == (Decimal("9.50"), True, 4)
    assert cells["budget_vehicle_subtotal"] == (Decimal("8.00"), True, 7)
    assert cells["actual_vehicle_purchase"] == (Decimal("0.00"), True, 9)
    assert cells["actual_reception"] == (Decimal("3.50"), True, 6)
    assert len(cells) == 12


def test_table_7_by_item_joins_a_label_broken_over_lines_with_its_values_below():
    cells = three_public_by_item("项目 预算数 决算数", [
        "合计 5.20 3.10", "1.因公出国（境）费 0.00 0.00", "2.公务用车购置及运行维", "护费", "2.00 1.40",
        "其中：公务用车购置费 0.00 0.00", "公务用车运行维护费 2.00 1.40", "3.公务接待费 3.20 1.70"])
    # the values' line (8) is their provenance
    assert cells["budget_vehicle_subtotal"] == (Decimal("2.00"), True, 8)
    assert cells["actual_vehicle_subtotal"] == (Decimal("1.40"), True, 8)
    assert cells["actual_reception"] == (Decimal("1.70"), True, 11)
    assert len(cells) == 12


def test_hunans_tables_by_subject_and_by_unit():
    # '收入决算表(分科目)' is Table 2; '收入决算表(分单位)' lists units, a table outside the nine
    text = """\
收入决算表(分单位)
单位：万元
单位名称 本年收入合计 财政拨款收入 事业收入
合计 90.00 80.00 10.00
某某局本级 90.00 80.00 10.00
收入决算表(分科目)
单位：万元
项目 本年收入合计 财政拨款收入 事业收入
合计 90.00 80.00 10.00
201 一般公共服务支出 90.00 80.00 10.00
"""
    found = extract_tables(lines_of(text))
    assert found.tables[1].present and found.tables[1].title == "收入决算表(分科目)"
    [unknown] = [i for i in found.issues if i.code == "table_unknown"]
    assert unknown.provenance.line_start == 1
    cells = {(c.row_key, c.column_key): (c.value, c.certain, c.provenance.line_start) for c in found.cells if c.table_no == 2}
    assert cells[("201", "business")] == (Decimal("10.00"), True, 10)
    assert cells[("total", "fiscal_appropriation")] == (Decimal("80.00"), True, 9)


def test_table_7_by_item_printed_one_cell_a_line():
    # a web page's text of an Anhui table: every cell on a line of its own
    cells = three_public_by_item("项 目\n预 算 数\n决 算 数", [
        "合 计", "20.00", "7.35", "因公出国(境)费", "0.00", "0.00", "公务接待费", "12.00", "7.35",
        "公务用车购置及运行费", "8.00", "0.00", "其中：公务用车运行维护费", "8.00", "0.00", "公务用车购置", "0.00", "0.00"])
    assert cells["budget_total"] == (Decimal("20.00"), True, 7)
    assert cells["actual_total"] == (Decimal("7.35"), True, 8)
    assert cells["budget_reception"] == (Decimal("12.00"), True, 13)
    assert cells["budget_vehicle_operation"] == (Decimal("8.00"), True, 19)
    assert len(cells) == 12 and all(certain for _, certain, _ in cells.values())


def test_table_7_with_each_phase_over_each_item_is_never_read_an_item_per_row():
    # the other layout ('预算数 决算数' over each of the six items) listed one cell a line in another
    # order: names beside values that are not theirs give no certain cell
    text = "\n".join(["2021年度一般公共预算财政拨款“三公”经费支出决算表", "单位：万元",
                      *["预算数", "决算数"] * 6,
                      "合计", "2.00", "1.00", "因公出国(境)费", "0.50", "0.00", "公务接待费", "1.50", "1.00"])
    found = extract_tables(lines_of(text))
    assert not [c for c in found.cells if c.table_no == 7 and c.certain]


def test_table_7_by_item_a_number_under_a_row_that_prints_its_values_stays_stray():
    # '5' (a page number) under '因公出国(境)费 10.00' is no actual of that item: the row keeps its
    # one value, which the sums place
    cells = three_public_by_item("项 目 预 算 数 决 算 数", [
        "合 计 40.00 12.50", "因公出国(境)费 10.00", "5", "公务接待费 15.00 4.50",
        "公务用车购置及运行维护费 15.00 8.00", "其中：公务用车运行维护费 15.00 8.00", "公务用车购置费"])
    assert cells["budget_outbound"] == (Decimal("10.00"), True, 5)
    assert "actual_outbound" not in cells


def test_table_7_by_item_listed_in_another_order_gives_no_certain_cell():
    # pdfminer lists this table's cells one a line but not row by row: the total's two values come
    # under '1.因公出国（境）费', and values are left over that no label precedes
    text = "\n".join(["2021年度一般公共预算财政拨款“三公”经费支出决算表", "单位：万元", "项目", "预算数", "决算数",
                      "合计", "1.因公出国（境）费", "30.00", "20.00", "0.00", "0.00", "2.公务用车购置及运行维护费", "25.00",
                      "16.00", "其中：公务用车购置费", "公务用车运行维护费", "3.公务接待费", "0.00", "25.00", "16.00", "0.00",
                      "5.00", "4.00"])
    found = extract_tables(lines_of(text))
    assert [c for c in found.cells if c.table_no == 7] and not [c for c in found.cells if c.table_no == 7 and c.certain]


def test_table_7_by_item_listed_a_column_at_a_time_gives_no_certain_cell():
    # pdfminer lists the labels, then one column's numbers, then the other's, and may take the
    # actuals' column first (9.36 spent of a 9.59 budget): which column is which is not known
    text = "\n".join(["2021年度财政拨款“三公”经费支出决算表", "单位：万元", "项目", "预算数", "决算数", "合计",
                      "1.因公出国（境）费", "2.公务用车购置及运行维护费", "其中：公务用车购置费", "公务用车运行维护费",
                      "3.公务接待费", "9.36", "0.00", "0.00", "0.00", "0.00", "9.36",
                      "9.59", "0.00", "0.00", "0.00", "0.00", "9.59"])
    found = extract_tables(lines_of(text))
    assert len([c for c in found.cells if c.table_no == 7]) == 12
    assert not [c for c in found.cells if c.table_no == 7 and c.certain]
    assert [i.provenance.line_start for i in found.issues if i.code == "table_out_of_order"] == [3]
