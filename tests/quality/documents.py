"""Hand-built ParsedDocuments for the rule tests: a small disclosure whose numbers all add up
(every value typed by hand), and helpers to break one printed value at a time."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from dagster_project.parsing.model import (
    Cell,
    DocumentHeading,
    Fact,
    NameVariant,
    ParsedDocument,
    Provenance,
    TableInfo,
)

TITLES = {1: "收入支出决算总表", 2: "收入决算表", 3: "支出决算表", 4: "财政拨款收入支出决算总表",
          5: "一般公共预算财政拨款支出决算表", 6: "一般公共预算财政拨款基本支出决算表",
          7: "财政拨款“三公”经费支出决算表", 8: "政府性基金预算财政拨款收入支出决算表",
          9: "国有资本经营预算财政拨款支出决算表"}

# (table, section, row_key, column_key, printed)
HOLDING_CELLS = [
    (1, "income", "general_budget_appropriation", "amount", "100.00"),
    (1, "income", "other_income", "amount", "10.00"),
    (1, "income", "total_income", "amount", "110.00"),
    (1, "income", "carryover_begin", "amount", "5.00"),
    (1, "income", "grand_total", "amount", "115.00"),
    (1, "expenditure", "201", "amount", "80.00"),
    (1, "expenditure", "208", "amount", "25.00"),
    (1, "expenditure", "total_expenditure", "amount", "105.00"),
    (1, "expenditure", "carryover_end", "amount", "10.00"),
    (1, "expenditure", "grand_total", "amount", "115.00"),
    *[(2, "", row, col, v) for row, cols in {
        "total": (("total", "110.00"), ("fiscal_appropriation", "100.00"), ("other", "10.00")),
        "201": (("total", "85.00"), ("fiscal_appropriation", "75.00"), ("other", "10.00")),
        "20101": (("total", "85.00"), ("fiscal_appropriation", "75.00"), ("other", "10.00")),
        "2010101": (("total", "85.00"), ("fiscal_appropriation", "75.00"), ("other", "10.00")),
        "208": (("total", "25.00"), ("fiscal_appropriation", "25.00")),
        "20805": (("total", "25.00"), ("fiscal_appropriation", "25.00")),
        "2080505": (("total", "25.00"), ("fiscal_appropriation", "25.00")),
    }.items() for col, v in cols],
    *[(3, "", row, col, v) for row, cols in {
        "total": (("total", "105.00"), ("basic", "70.00"), ("project", "35.00")),
        "201": (("total", "80.00"), ("basic", "45.00"), ("project", "35.00")),
        "20101": (("total", "80.00"), ("basic", "45.00"), ("project", "35.00")),
        "2010101": (("total", "80.00"), ("basic", "45.00"), ("project", "35.00")),
        "208": (("total", "25.00"), ("basic", "25.00")),
        "20805": (("total", "25.00"), ("basic", "25.00")),
        "2080505": (("total", "25.00"), ("basic", "25.00")),
    }.items() for col, v in cols],
    (4, "income", "general_budget_appropriation", "amount", "100.00"),
    (4, "income", "total_income", "amount", "100.00"),
    (4, "income", "carryover_begin", "amount", "5.00"),
    (4, "income", "grand_total", "amount", "105.00"),
    *[(4, "expenditure", row, col, v) for row, cols in {
        "201": (("total", "75.00"), ("general_budget", "75.00")),
        "208": (("total", "25.00"), ("general_budget", "25.00")),
        "total_expenditure": (("total", "100.00"), ("general_budget", "100.00")),
        "carryover_end": (("total", "5.00"), ("general_budget", "5.00")),
        "grand_total": (("total", "105.00"), ("general_budget", "105.00")),
    }.items() for col, v in cols],
    *[(5, "", row, col, v) for row, cols in {
        "total": (("total", "100.00"), ("basic", "65.00"), ("project", "35.00")),
        "201": (("total", "75.00"), ("basic", "40.00"), ("project", "35.00")),
        "20101": (("total", "75.00"), ("basic", "40.00"), ("project", "35.00")),
        "2010101": (("total", "75.00"), ("basic", "40.00"), ("project", "35.00")),
        "208": (("total", "25.00"), ("basic", "25.00")),
        "20805": (("total", "25.00"), ("basic", "25.00")),
        "2080505": (("total", "25.00"), ("basic", "25.00")),
    }.items() for col, v in cols],
    (6, "personnel", "301", "amount", "50.00"),
    (6, "personnel", "30101", "amount", "30.00"),
    (6, "personnel", "30102", "amount", "20.00"),
    (6, "personnel", "303", "amount", "5.00"),
    (6, "personnel", "30302", "amount", "5.00"),
    (6, "personnel", "personnel_total", "amount", "55.00"),
    (6, "public", "302", "amount", "10.00"),
    (6, "public", "30201", "amount", "6.00"),
    (6, "public", "30231", "amount", "4.00"),
    (6, "public", "public_total", "amount", "10.00"),
    *[(7, "", "three_public", col, v) for col, v in (
        ("budget_total", "6.00"), ("budget_outbound", "0"), ("budget_vehicle_subtotal", "4.00"),
        ("budget_vehicle_purchase", "0"), ("budget_vehicle_operation", "4.00"), ("budget_reception", "2.00"),
        ("actual_total", "4.50"), ("actual_outbound", "0"), ("actual_vehicle_subtotal", "4.00"),
        ("actual_vehicle_purchase", "0"), ("actual_vehicle_operation", "4.00"), ("actual_reception", "0.50"))],
]

SECTIONS = {1: "一、收入支出决算总体情况说明", 2: "二、收入决算情况说明", 3: "三、支出决算情况说明",
            4: "四、财政拨款收入支出决算总体情况说明", 5: "五、一般公共预算财政拨款支出决算情况说明",
            6: "六、一般公共预算财政拨款基本支出决算情况说明", 7: "七、“三公”经费支出决算情况说明",
            8: "八、政府性基金预算财政拨款收入支出决算情况", 10: "十、机关运行经费支出情况",
            11: "十一、政府采购支出情况", 12: "十二、国有资产占用情况", 13: "十三、预算绩效情况说明"}

# (section no, fact_key, subject, printed, qualifier, sentence)
HOLDING_FACTS = [
    (1, "total_income_expenditure", "total", "115.00", "", "2023 年度收、支总计 115.00 万元。"),
    (1, "total_yoy_change", "total", "15.00", "增加", "与 2022 年度相比，收、支总计增加 15.00 万元，增长 15.0%。"),
    (1, "total_yoy_change_pct", "total", "15.0%", "增长", "与 2022 年度相比，收、支总计增加 15.00 万元，增长 15.0%。"),
    (2, "income_total", "total", "110.00", "", "2023 年度收入合计 110.00 万元。"),
    (2, "income_amount", "fiscal_appropriation", "100.00", "", "财政拨款收入 100.00 万元，占 90.91%。"),
    (2, "income_share_pct", "fiscal_appropriation", "90.91%", "", "财政拨款收入 100.00 万元，占 90.91%。"),
    (2, "income_amount", "other", "10.00", "", "其他收入 10.00 万元，占 9.09%。"),
    (2, "income_share_pct", "other", "9.09%", "", "其他收入 10.00 万元，占 9.09%。"),
    (3, "expenditure_total", "total", "105.00", "", "2023 年度支出合计 105.00 万元。"),
    (3, "expenditure_amount", "basic", "70.00", "", "基本支出 70.00 万元，占 66.67%。"),
    (3, "expenditure_share_pct", "basic", "66.67%", "", "基本支出 70.00 万元，占 66.67%。"),
    (3, "expenditure_amount", "project", "35.00", "", "项目支出 35.00 万元，占 33.33%。"),
    (3, "expenditure_share_pct", "project", "33.33%", "", "项目支出 35.00 万元，占 33.33%。"),
    (4, "fiscal_total", "total", "105.00", "", "2023 年度财政拨款收、支总计 105.00 万元。"),
    (5, "gpb_expenditure", "total", "100.00", "", "一般公共预算财政拨款支出 100.00 万元，占本年支出合计的 95.24%。"),
    (5, "gpb_share_of_expenditure_pct", "total", "95.24%", "", "一般公共预算财政拨款支出 100.00 万元，占本年支出合计的 95.24%。"),
    (5, "gpb_yoy_change", "total", "20.00", "减少", "与 2022 年度相比减少 20.00 万元，下降 16.7%。"),
    (5, "gpb_yoy_change_pct", "total", "16.7%", "下降", "与 2022 年度相比减少 20.00 万元，下降 16.7%。"),
    (5, "gpb_class_amount", "201", "75.00", "", "一般公共服务(类)支出 75.00 万元，占 75.0%。"),
    (5, "gpb_class_share_pct", "201", "75.0%", "", "一般公共服务(类)支出 75.00 万元，占 75.0%。"),
    (5, "gpb_class_amount", "208", "25.00", "", "社会保障和就业(类)支出 25.00 万元，占 25.0%。"),
    (5, "gpb_class_share_pct", "208", "25.0%", "", "社会保障和就业(类)支出 25.00 万元，占 25.0%。"),
    (5, "budget_initial", "total", "120.00", "", "年初预算为 120.00 万元，支出决算为 100.00 万元，完成年初预算的 83.3%。"),
    (5, "budget_final", "total", "100.00", "", "年初预算为 120.00 万元，支出决算为 100.00 万元，完成年初预算的 83.3%。"),
    (5, "budget_completion_pct", "total", "83.3%", "", "年初预算为 120.00 万元，支出决算为 100.00 万元，完成年初预算的 83.3%。"),
    (5, "budget_initial", "201", "90.00", "", "一般公共服务支出(类)。年初预算为 90.00 万元，支出决算为 75.00 万元，完成年初预算的 83.3%，决算数小于年初预算数。"),
    (5, "budget_final", "201", "75.00", "小于", "一般公共服务支出(类)。年初预算为 90.00 万元，支出决算为 75.00 万元，完成年初预算的 83.3%，决算数小于年初预算数。"),
    (5, "budget_completion_pct", "201", "83.3%", "", "一般公共服务支出(类)。年初预算为 90.00 万元，支出决算为 75.00 万元，完成年初预算的 83.3%，决算数小于年初预算数。"),
    (5, "budget_initial", "208", "30.00", "", "社会保障和就业支出(类)。年初预算为 30.00 万元，支出决算为 25.00 万元，完成年初预算的 83.3%。"),
    (5, "budget_final", "208", "25.00", "", "社会保障和就业支出(类)。年初预算为 30.00 万元，支出决算为 25.00 万元，完成年初预算的 83.3%。"),
    (5, "budget_completion_pct", "208", "83.3%", "", "社会保障和就业支出(类)。年初预算为 30.00 万元，支出决算为 25.00 万元，完成年初预算的 83.3%。"),
    (6, "basic_total", "total", "65.00", "", "基本支出 65.00 万元，其中人员经费 55.00 万元，公用经费 10.00 万元。"),
    (6, "basic_personnel", "total", "55.00", "", "基本支出 65.00 万元，其中人员经费 55.00 万元，公用经费 10.00 万元。"),
    (6, "basic_public", "total", "10.00", "", "基本支出 65.00 万元，其中人员经费 55.00 万元，公用经费 10.00 万元。"),
    (7, "three_public_budget", "total", "6.00", "", "“三公”经费年初预算数为 6.00 万元，支出决算为 4.50 万元，完成年初预算的 75.0%。"),
    (7, "three_public_actual", "total", "4.50", "", "“三公”经费年初预算数为 6.00 万元，支出决算为 4.50 万元，完成年初预算的 75.0%。"),
    (7, "three_public_completion_pct", "total", "75.0%", "", "“三公”经费年初预算数为 6.00 万元，支出决算为 4.50 万元，完成年初预算的 75.0%。"),
    (7, "three_public_actual", "vehicle_operation", "4.00", "", "公务用车运行费支出决算为 4.00 万元，完成年初预算的 100.0%；其中：燃料费 2.00 万元；维修费 1.50 万元；保险费 0.50 万元。"),
    (7, "three_public_completion_pct", "vehicle_operation", "100.0%", "", "公务用车运行费支出决算为 4.00 万元，完成年初预算的 100.0%；其中：燃料费 2.00 万元；维修费 1.50 万元；保险费 0.50 万元。"),
    (7, "vehicle_fuel", "vehicle_operation", "2.00", "", "其中：燃料费 2.00 万元；维修费 1.50 万元；保险费 0.50 万元。"),
    (7, "vehicle_repair", "vehicle_operation", "1.50", "", "其中：燃料费 2.00 万元；维修费 1.50 万元；保险费 0.50 万元。"),
    (7, "vehicle_insurance", "vehicle_operation", "0.50", "", "其中：燃料费 2.00 万元；维修费 1.50 万元；保险费 0.50 万元。"),
    (7, "three_public_actual", "official_reception", "0.50", "", "公务接待费支出决算为 0.50 万元，完成年初预算的 25.0%，比年初预算减少 1.50 万元。"),
    (7, "three_public_completion_pct", "official_reception", "25.0%", "", "公务接待费支出决算为 0.50 万元，完成年初预算的 25.0%，比年初预算减少 1.50 万元。"),
    (7, "three_public_budget_change", "official_reception", "1.50", "减少", "公务接待费支出决算为 0.50 万元，完成年初预算的 25.0%，比年初预算减少 1.50 万元。"),
    (7, "three_public_yoy_change", "total", "0.50", "增加", "“三公”经费支出决算数比 2022 年度增加 0.50 万元，增长 12.5%。"),
    (7, "three_public_yoy_change_pct", "total", "12.5%", "增长", "“三公”经费支出决算数比 2022 年度增加 0.50 万元，增长 12.5%。"),
    (8, "gov_fund_income", "total", "0", "", "2023 年度政府性基金预算财政拨款本年收入 0 万元。"),
    (10, "admin_operating_cost", "total", "10.00", "", "机关运行经费支出 10.00 万元，比 2022 年度减少 1.00 万元，下降 9.1%。"),
    (10, "admin_operating_cost_yoy_change", "total", "1.00", "减少", "机关运行经费支出 10.00 万元，比 2022 年度减少 1.00 万元，下降 9.1%。"),
    (10, "admin_operating_cost_yoy_change_pct", "total", "9.1%", "下降", "机关运行经费支出 10.00 万元，比 2022 年度减少 1.00 万元，下降 9.1%。"),
    (11, "procurement_total", "total", "30.00", "", "政府采购支出总额 30.00 万元，其中：货物 20.00 万元、工程 0 万元、服务 10.00 万元。"),
    (11, "procurement_amount", "goods", "20.00", "", "政府采购支出总额 30.00 万元，其中：货物 20.00 万元、工程 0 万元、服务 10.00 万元。"),
    (11, "procurement_amount", "works", "0", "", "政府采购支出总额 30.00 万元，其中：货物 20.00 万元、工程 0 万元、服务 10.00 万元。"),
    (11, "procurement_amount", "services", "10.00", "", "政府采购支出总额 30.00 万元，其中：货物 20.00 万元、工程 0 万元、服务 10.00 万元。"),
    (11, "procurement_sme_amount", "total", "27.00", "", "授予中小企业合同金额 27.00 万元，占 90.0%，其中授予小微企业 9.00 万元，占 33.3%。"),
    (11, "procurement_sme_share_pct", "total", "90.0%", "", "授予中小企业合同金额 27.00 万元，占 90.0%，其中授予小微企业 9.00 万元，占 33.3%。"),
    (11, "procurement_small_micro_amount", "total", "9.00", "", "授予中小企业合同金额 27.00 万元，占 90.0%，其中授予小微企业 9.00 万元，占 33.3%。"),
    (11, "procurement_small_micro_share_pct", "total", "33.3%", "", "授予中小企业合同金额 27.00 万元，占 90.0%，其中授予小微企业 9.00 万元，占 33.3%。"),
    (11, "procurement_small_micro_share_pct", "procurement_total", "30.0%", "", "授予小微企业合同金额 9.00 万元，占政府采购支出总额的 30.0%。"),
    (12, "vehicles_total", "total", "1", "", "截至 2023 年 12 月 31 日，共有车辆 1 辆。"),
    (13, "perf_funds", "total", "35.00", "", "资金 35.00 万元，占一般公共预算项目支出总额的 100.0%。"),
    (13, "perf_funds_share_pct", "total", "100.0%", "", "资金 35.00 万元，占一般公共预算项目支出总额的 100.0%。"),
    (13, "perf_project_budget", "办公经费", "10.00", "", "项目全年预算数为 10.00 万元，执行数为 9.00 万元，完成预算的 90.0%。"),
    (13, "perf_project_executed", "办公经费", "9.00", "", "项目全年预算数为 10.00 万元，执行数为 9.00 万元，完成预算的 90.0%。"),
    (13, "perf_project_completion_pct", "办公经费", "90.0%", "", "项目全年预算数为 10.00 万元，执行数为 9.00 万元，完成预算的 90.0%。"),
]

# (level, number, text, part kind, list): the parts (list 1), the sections of the 情况说明 (list 2)
# and the subsections of its section 七 (list 3)
NARRATIVE_SECTIONS = {**SECTIONS, 9: "九、国有资本经营预算财政拨款支出决算情况"}
HOLDING_HEADINGS = [
    ("part", 1, "第一部分 {name}概况", "profile", 1),
    ("part", 2, "第二部分 {name}{year}年度部门决算表", "tables", 1),
    ("part", 3, "第三部分 {name}{year}年度部门决算情况说明", "narrative", 1),
    *[("section", n, NARRATIVE_SECTIONS[n], "narrative", 2) for n in range(1, 8)],
    ("subsection", 1, "(一)“三公”经费的单位范围。", "narrative", 3),
    ("subsection", 2, "(二)“三公”经费支出决算情况。", "narrative", 3),
    *[("section", n, NARRATIVE_SECTIONS[n], "narrative", 2) for n in range(8, 14)],
    ("part", 4, "第四部分 名词解释", "glossary", 1),
]

NAME = "江城市东湖区财政局"
UNITS = {"%": "%", "辆": "辆"}


def _number(printed: str) -> Decimal:
    return Decimal(printed.rstrip("%").replace(",", ""))


def cell(table: int, section: str, row: str, column: str, printed: str, line: int = 0) -> Cell:
    return Cell(table, section, row, row if row.isdigit() else None, row, column, column, _number(printed), printed,
                True, Provenance(line, line))


def fact(section: int, key: str, subject: str, printed: str, qualifier: str = "", sentence: str = "",
         line: int = 0) -> Fact:
    unit = "%" if printed.endswith("%") else ("辆" if key.startswith("vehicles") else "万元")
    return Fact(SECTIONS[section], key, subject, _number(printed), unit, printed, sentence or printed,
                Provenance(line, line), qualifier)


def holding_document(document_id: str = "doc-holds", fiscal_year: int = 2023, name: str = NAME) -> ParsedDocument:
    """A disclosure whose every identity holds."""
    tables = [TableInfo(n, f"{fiscal_year} 年度{title}（表 {n}）", "万元", True, n in (8, 9),
                        "注：本部门没有该项收支，本表无数据。" if n in (8, 9) else "", Provenance(n * 100, n * 100))
              for n, title in TITLES.items()]
    cells = [cell(*spec, line=1000 + i) for i, spec in enumerate(HOLDING_CELLS)]
    facts = [fact(*spec, line=2000 + 100 * spec[0] + i) for i, spec in enumerate(HOLDING_FACTS)]
    names = [NameVariant(name, "title", Provenance(1, 1))] + [
        NameVariant(name, "table_header", Provenance(n * 100 + 2, n * 100 + 2)) for n in range(1, 8)]
    headings = [heading(level, number, text.format(name=name, year=fiscal_year), part, list_no, line=3000 + i)
                for i, (level, number, text, part, list_no) in enumerate(HOLDING_HEADINGS)]
    return ParsedDocument(document_id=document_id, source_path=f"{document_id}.txt", source_format="text",
                          status="parsed", department_name=name, region="江城市东湖区", fiscal_year=fiscal_year,
                          unit="万元", name_variants=names, tables=tables, cells=cells, facts=facts, headings=headings)


def heading(level: str, number: int, text: str, part: str, list_no: int, line: int = 0) -> DocumentHeading:
    return DocumentHeading(level, number, text, part, list_no, Provenance(line, line))


def set_cell(doc: ParsedDocument, table: int, row: str, column: str, printed: str | None,
             section: str | None = None) -> ParsedDocument:
    """Reprint one cell (None: the cell is not printed)."""
    out = []
    for c in doc.cells:
        if c.table_no == table and c.row_key == row and c.column_key == column and section in (None, c.section):
            if printed is None:
                continue
            c = replace(c, value=_number(printed), printed=printed)
        out.append(c)
    doc.cells = out
    return doc


def set_fact(doc: ParsedDocument, key: str, subject: str, printed: str | None = None,
             qualifier: str | None = None) -> ParsedDocument:
    """Restate one fact: another printed value and/or direction word."""
    doc.facts = [replace(f, value=_number(printed) if printed else f.value, printed=printed or f.printed,
                         qualifier=f.qualifier if qualifier is None else qualifier)
                 if f.fact_key == key and f.subject == subject else f for f in doc.facts]
    return doc
