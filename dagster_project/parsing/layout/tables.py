"""The nine tables of a departmental final-account disclosure, as data.

Aliases are written as printed; `squash` (NFKC, no whitespace, no quote marks) is applied to
them at import and to the document's text before comparing. Add a new template's wording here,
not in the parser."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ...config import DBT_PROJECT_DIR

_SQUASH_DROP_RE = re.compile(r"[\s“”\"'‘’「」『』]")


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """The comparable form of a printed text: NFKC, whitespace and quote marks removed."""
    return _SQUASH_DROP_RE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TableLayout:
    no: int
    kind: str  # 'two_sided' (T1, T4) | 'subject' (T2, T3, T5, T8, T9) | 'economic' (T6) | 'three_public' (T7)
    titles: tuple[str, ...]
    columns: tuple[ColumnSpec, ...] = ()  # canonical left-to-right order (expenditure side of a two-sided table)
    income_columns: tuple[ColumnSpec, ...] = ()  # two-sided tables only
    header_words: tuple[str, ...] = ()  # header text that names no column (group headers, 栏次, ...)
    row_total: str = ""  # column that is the sum of the row's other columns ('' if none)
    # the columns assumed when the header names none (lost, or read as the body): all by default;
    # Table 5 the three every template prints, not Yunnan's extra ones
    headerless_columns: tuple[ColumnSpec, ...] = ()


# Headers of a column that numbers the rows (its integers are neither codes nor amounts).
ROW_NUMBER_HEADERS = ("行次",)

# --- column vocabularies -------------------------------------------------------------------------
_AMOUNT = ColumnSpec("amount", ("决算数", "金额"))
_SUBJECT_WORDS = (
    "项目", "栏次", "行次", "支出功能分类科目编码", "功能分类科目编码", "支出功能分类", "功能分类",
    "科目编码", "科目名称", "编码", "类", "款", "项", "本年支出",
)
_TWO_SIDED_WORDS = ("收入", "支出", "项目", "行次", "栏次", "决算数")

_FISCAL_EXPENDITURE_COLUMNS = (
    ColumnSpec("total", ("小计", "合计")),
    ColumnSpec("basic", ("基本支出",)),
    ColumnSpec("project", ("项目支出",)),
)
_FUND_BALANCE_COLUMNS = (
    ColumnSpec("carryover_begin", ("年初结转和结余",)),
    ColumnSpec("income", ("本年收入",)),
    *_FISCAL_EXPENDITURE_COLUMNS,
    ColumnSpec("carryover_end", ("年末结转和结余",)),
)

# Table 7: six items, each with a budget and an actual column. The printed order of the twelve
# columns (all budgets first, or budget/actual pairs per item) is read from the header.
THREE_PUBLIC_ITEMS: tuple[ColumnSpec, ...] = (
    ColumnSpec("total", ("合计",)),
    ColumnSpec("outbound", ("因公出国(境)费", "因公出国(境)费用")),
    ColumnSpec("vehicle_subtotal", ("小计",)),
    ColumnSpec("vehicle_purchase", ("公务用车购置费",)),
    ColumnSpec("vehicle_operation", ("公务用车运行费", "公务用车运行维护费")),
    ColumnSpec("reception", ("公务接待费",)),
)
THREE_PUBLIC_PHASES = (ColumnSpec("budget", ("预算数",)), ColumnSpec("actual", ("决算数",)))
# Table 7 printed an item per row ('公务接待费 15.00 4.50' under '项目 预算数 决算数', as Anhui,
# Yunnan and Guangdong print it): row label -> item; the label may follow its numbering or '其中:'.
# A row of counts under '相关统计数' ('公务用车购置数(辆)', '公务接待批次(批)') names no item: it is
# not read (stray_text).
THREE_PUBLIC_ROW_LABELS: dict[str, str] = {
    "合计": "total", "三公经费合计": "total", "三公经费支出合计": "total", "三公经费支出": "total", "三公经费": "total",
    "因公出国(境)费": "outbound", "因公出国(境)费用": "outbound", "因公出国(境)经费": "outbound",
    "因公出国(境)支出": "outbound",
    "公务用车购置及运行维护费": "vehicle_subtotal", "公务用车购置及运行费": "vehicle_subtotal",
    "公务用车购置及运行维护支出": "vehicle_subtotal", "公务用车费": "vehicle_subtotal",
    "公务用车购置费": "vehicle_purchase", "公务用车购置": "vehicle_purchase",
    "公务用车运行维护费": "vehicle_operation", "公务用车运行费": "vehicle_operation",
    "公务接待费": "reception", "公务接待费支出": "reception",
}
THREE_PUBLIC_ROW_PREFIX_RE = re.compile(r"(?:其中:?|\(?[一二三四五六七八九十\d]{1,2}[)、.]|\([一二三四五六七八九十\d]{1,2}\))*")


def three_public_row_item(label: str) -> str | None:
    """The item a Table 7 row label names ('2.公务用车购置及运行维护费' -> vehicle_subtotal), its
    numbering or '其中:' off; None for a label of no item."""
    return THREE_PUBLIC_ROW_LABELS.get(THREE_PUBLIC_ROW_PREFIX_RE.sub("", squash(label), count=1))


# The words of such a table's header; the first ones head its labels.
THREE_PUBLIC_LABEL_HEADERS = ("项目",)
THREE_PUBLIC_ROW_HEADER_WORDS = (*THREE_PUBLIC_LABEL_HEADERS, "预算数", "决算数", "栏次")
# Identities inside the one row of Table 7, per phase: total = outbound + vehicles + reception.
THREE_PUBLIC_SUMS = (
    ("total", ("outbound", "vehicle_subtotal", "reception")),
    ("vehicle_subtotal", ("vehicle_purchase", "vehicle_operation")),
)

TABLES: dict[int, TableLayout] = {
    t.no: t
    for t in (
        TableLayout(
            1, "two_sided", ("收入支出决算总表", "收入支出决算表", "收支决算总表"),
            columns=(_AMOUNT,), income_columns=(_AMOUNT,), header_words=_TWO_SIDED_WORDS,
        ),
        TableLayout(
            2, "subject", ("收入决算表", "收入决算总表"),  # 总表: Shaanxi
            columns=(
                ColumnSpec("total", ("本年收入合计", "收入合计", "合计")),
                ColumnSpec("fiscal_appropriation", ("财政拨款收入", "财政拨款")),
                ColumnSpec("superior_subsidy", ("上级补助收入",)),
                ColumnSpec("business", ("事业收入",)),
                ColumnSpec("operating", ("经营收入",)),
                ColumnSpec("affiliated_remittance", ("附属单位上缴收入",)),
                ColumnSpec("other", ("其他收入",)),
            ),
            header_words=_SUBJECT_WORDS, row_total="total",
        ),
        TableLayout(
            3, "subject", ("支出决算表", "支出决算总表"),
            columns=(
                ColumnSpec("total", ("本年支出合计", "支出合计", "合计")),
                ColumnSpec("basic", ("基本支出",)),
                ColumnSpec("project", ("项目支出",)),
                ColumnSpec("remit_to_superior", ("上缴上级支出",)),
                ColumnSpec("operating", ("经营支出",)),
                ColumnSpec("subsidy_to_affiliated", ("对附属单位补助支出",)),
            ),
            header_words=_SUBJECT_WORDS, row_total="total",
        ),
        TableLayout(
            4, "two_sided", ("财政拨款收入支出决算总表", "财政拨款收入支出决算表", "财政拨款收支决算总表"),
            columns=(
                ColumnSpec("total", ("合计",)),
                ColumnSpec("general_budget", ("一般公共预算财政拨款", "一般公共预算")),
                ColumnSpec("gov_fund", ("政府性基金预算财政拨款", "政府性基金预算")),
                ColumnSpec("state_capital", ("国有资本经营预算财政拨款", "国有资本经营预算")),
            ),
            income_columns=(_AMOUNT,), header_words=_TWO_SIDED_WORDS, row_total="total",
        ),
        # Yunnan's Table 5 also prints the general budget's carry-overs and income (as Table 8 does)
        TableLayout(
            5, "subject", ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款收入支出决算表"),
            columns=_FUND_BALANCE_COLUMNS, header_words=_SUBJECT_WORDS, row_total="total",
            headerless_columns=_FISCAL_EXPENDITURE_COLUMNS,
        ),
        TableLayout(
            6, "economic", ("一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"),
            columns=(_AMOUNT,),
            header_words=("经济分类科目编码", "经济分类", "科目编码", "科目名称", "编码", "类", "款", "栏次"),
        ),
        TableLayout(
            7, "three_public",
            ("一般公共预算财政拨款三公经费支出决算表", "财政拨款三公经费支出决算表", "三公经费支出决算表",
             # Guangxi
             "一般公共预算财政拨款安排的三公经费支出决算表", "财政拨款安排的三公经费支出决算表",
             # Yunnan since 2023 (its table 十一; table 十, '财政拨款“三公”经费、行政参公单位机关运行经费
             # 情况表', is another table)
             "一般公共预算财政拨款三公经费情况表"),
            header_words=(
                "财政拨款三公经费", "一般公共预算财政拨款三公经费", "三公经费",
                "公务用车购置及运行费", "公务用车购置及运行维护费", "栏次",
            ),
        ),
        TableLayout(
            8, "subject", ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"),
            columns=_FUND_BALANCE_COLUMNS, header_words=_SUBJECT_WORDS,
        ),
        TableLayout(
            9, "subject", ("国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"),
            columns=_FUND_BALANCE_COLUMNS, header_words=_SUBJECT_WORDS,
        ),
    )
}

# Tables 5, 8, 9: the column 'total' is the sum of 'basic' and 'project' only (the fund-balance
# columns are not parts of it). Tables 2, 3, 4: the total is the sum of all other columns.
ROW_TOTAL_PARTS: dict[int, tuple[str, ...]] = {5: ("basic", "project"), 8: ("basic", "project"), 9: ("basic", "project")}

# --- Table 1 / Table 4 row labels (printed without the 一、二、… numbering) ------------------------
INCOME_LABELS: dict[str, str] = {
    "一般公共预算财政拨款收入": "general_budget_appropriation",
    "一般公共预算财政拨款": "general_budget_appropriation",
    "政府性基金预算财政拨款收入": "gov_fund_appropriation",
    "政府性基金预算财政拨款": "gov_fund_appropriation",
    "国有资本经营预算财政拨款收入": "state_capital_appropriation",
    "国有资本经营预算财政拨款": "state_capital_appropriation",
    "国有资本经营财政拨款": "state_capital_appropriation",
    "财政拨款收入": "fiscal_appropriation",
    "上级补助收入": "superior_subsidy",
    "事业收入": "business_income",
    "经营收入": "operating_income",
    "附属单位上缴收入": "affiliated_remittance",
    "其他收入": "other_income",
    "本年收入合计": "total_income",
    "使用非财政拨款结余(含专用结余)": "use_of_non_fiscal_balance",
    "使用非财政拨款结余": "use_of_non_fiscal_balance",
    # the same line in templates before 2019 (总计 = 本年收入合计 + it + 年初结转和结余)
    "用事业基金弥补收支差额": "use_of_non_fiscal_balance",
    "年初结转和结余": "carryover_begin",
    "年初财政拨款结转和结余": "carryover_begin",
}
EXPENDITURE_LABELS: dict[str, str] = {
    "本年支出合计": "total_expenditure",
    "结余分配": "balance_distribution",
    "年末结转和结余": "carryover_end",
    "年末财政拨款结转和结余": "carryover_end",
}
BOTH_SIDES_LABELS: dict[str, str] = {"总计": "grand_total"}
# Table 4 prints the carry-over by fund under 年初/年末财政拨款结转和结余: a fund label there names
# a sub-row of both sides (income: begin, expenditure: end).
FUND_SUBROW_AFTER = "carryover_begin"
FUND_SUBROWS: dict[str, tuple[str, str]] = {
    "general_budget_appropriation": ("carryover_begin_general_budget", "carryover_end_general_budget"),
    "gov_fund_appropriation": ("carryover_begin_gov_fund", "carryover_end_gov_fund"),
    "state_capital_appropriation": ("carryover_begin_state_capital", "carryover_end_state_capital"),
}
# Income lines that make up the fiscal appropriation (Table 2's column 财政拨款收入).
FISCAL_INCOME_KEYS = (
    "general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation", "fiscal_appropriation",
)
# Table 2 column -> Table 1 income line(s) it equals in the 合计 row.
T2_TOTAL_EQUALS_T1: dict[str, tuple[str, ...]] = {
    "total": ("total_income",),
    "fiscal_appropriation": FISCAL_INCOME_KEYS,
    "superior_subsidy": ("superior_subsidy",),
    "business": ("business_income",),
    "operating": ("operating_income",),
    "affiliated_remittance": ("affiliated_remittance",),
    "other": ("other_income",),
}

# Function classes (类) by name without the trailing 支出; several names per code across years.
FUNCTION_CLASSES: dict[str, str] = {
    "一般公共服务": "201", "外交": "202", "国防": "203", "公共安全": "204", "教育": "205",
    "科学技术": "206", "文化旅游体育与传媒": "207", "文化体育与传媒": "207", "社会保障和就业": "208",
    "卫生健康": "210", "医疗卫生与计划生育": "210", "医疗卫生": "210", "节能环保": "211",
    "城乡社区": "212", "城乡社区事务": "212", "农林水": "213", "农林水事务": "213", "交通运输": "214",
    "资源勘探工业信息等": "215", "资源勘探信息等": "215", "商业服务业等": "216", "金融": "217",
    "援助其他地区": "219", "自然资源海洋气象等": "220", "国土海洋气象等": "220", "住房保障": "221",
    "粮油物资储备": "222", "国有资本经营预算": "223", "灾害防治及应急管理": "224", "其他": "229",
    "债务还本": "231", "债务付息": "232", "债务发行费用": "233", "抗疫特别国债安排的": "234",
}

# Economic classes of Table 6 -> the column group (section) they are printed in. Capital classes
# sit under 公用经费 unless the header prints a group of their own (资本性支出).
ECONOMIC_CLASSES: dict[str, str] = {
    "301": "personnel", "303": "personnel",
    "302": "public", "307": "public", "309": "capital", "310": "capital",
    "311": "public", "312": "public", "313": "public", "399": "public",
}
ECONOMIC_GROUP_HEADERS: dict[str, str] = {"人员经费": "personnel", "公用经费": "public", "资本性支出": "capital"}


def economic_section(code: str, capital_group: bool) -> str:
    """The column group (section) an economic code's row is printed in: its class's group, but
    公用经费 for a capital class when the table prints no 资本性支出 group."""
    group = ECONOMIC_CLASSES.get(code[:3], "")
    return "public" if group == "capital" and not capital_group else group

# The economic classification's codes and names: the warehouse's seed, one list for the parser and the models.
ECONOMIC_SUBJECTS_CSV = DBT_PROJECT_DIR / "seeds" / "economic_subjects.csv"


@cache
def economic_subjects() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(code -> its name, name -> the codes of that name), names squashed."""
    with ECONOMIC_SUBJECTS_CSV.open(encoding="utf-8", newline="") as file:
        names = {row["subject_code"]: squash(row["subject_name"]) for row in csv.DictReader(file)}
    codes: dict[str, set[str]] = {}
    for code, name in names.items():
        codes.setdefault(name, set()).add(code)
    return names, {name: frozenset(named) for name, named in codes.items()}


# The table listing by subject code what a two-sided table's expenditure lists by class: Table 3 the
# department's spending (Table 1's), Table 5 the general budget's (Table 4's general-budget column).
CLASSES_BY_SUBJECT_TABLE = {1: 3, 4: 5}

ECONOMIC_TOTAL_LABELS: dict[str, tuple[str, str]] = {  # label -> (row_key, section)
    "人员经费合计": ("personnel_total", "personnel"),
    "公用经费合计": ("public_total", "public"),
}

# Labels of the total row of a subject table (Tables 2, 3, 5, 8, 9).
SUBJECT_TOTAL_LABELS = ("合计", "总计")

# How a column header of the tables listed by subject code starts (Tables 2, 3, 5, 6, 8, 9): a line in
# a two-sided table's region that starts so belongs to the next table, whose title is lost.
CODED_HEADER_STARTS = ("科目编码", "科目名称", "支出功能分类", "功能分类科目", "部门预算支出经济分类")

# --- text around the tables -----------------------------------------------------------------------
PART_HEADING_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
# A unit statement in a table header: '单位：万元', '金额单位：元', '部门：… 单位：万元'.
UNIT_RE = re.compile(r"单位[:：]\s*(万元|元)\s*$")
DEPARTMENT_LINE_RE = re.compile(r"^(部门|编制单位|填报单位|单位名称)[:：]")
# Page furniture a text extract interleaves anywhere: '- 12 -', '第 3 页', '第3页 共20页', '3/25'.
PAGE_FURNITURE_RE = re.compile(r"^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
NOTE_RE = re.compile(r"^(注|说明|备注)\s*\d*\s*[:：]")
# A character every line that PAGE_FURNITURE_RE, DEPARTMENT_LINE_RE or UNIT_RE matches holds (the
# dash, 页 or slash of page furniture, the colon of a department or unit line; lines are
# NFKC-normalised, so a colon reads ':'): a line without one is not tried against them (most lines
# are table rows). Keep it in step with those patterns.
FURNITURE_MARK_RE = re.compile(r"[-—–页/:]")
# A note that says the table has no values.
EMPTY_NOTE_RE = re.compile(r"无数据|本表为空|空表|没有|无[^，。,；;]{0,30}(收入|支出|经费)")
NUMBERING_RE = re.compile(r"[一二三四五六七八九十]+、")
# What may surround a title on its line: a year, the department, a table number, '部门'/'单位'
# ('2021 年度部门收入支出决算总表').
TITLE_PREFIX_RE = re.compile(r"^(?:.*?\d{4}年度?)?(?:[一二三四五六七八九十]+、|表[一二三四五六七八九十\d]+[:：]?)?(?:部门|单位)?")
# Hunan prints Tables 2 and 3 twice: '收入决算表(分科目)' is Table 2, '收入决算表(分单位)' (by unit) a
# table outside the nine.
TITLE_SUFFIX_RE = re.compile(r"(?:[(（]?(?:表|附表)?[-\d]*[)）]?|[(（]续[)）]|[(（]分科目[)）])$")
# A title joined to the unit statement or the column header printed after it (a tool that merges a
# line with the next): '一般公共预算财政拨款支出决算表单位：万元科目编码…' (squashed).
TITLE_JOINED_TO_HEADER_RE = re.compile(TITLE_SUFFIX_RE.pattern.removesuffix("$") + r"(?:(?:金额)?单位[:：]|科目编码)")
# The form number some provinces print in a table's header ('公开01表', '财决04表'): no column's name.
FORM_NUMBER_RE = re.compile(r"(?:公开|财决|决算|部门决算)?\d{1,2}(?:-\d{1,2})?表")
# The title of a table outside the nine (a province's own: '一般公共预算财政拨款项目支出决算表',
# '“三公”经费、行政参公单位机关运行经费情况表', '项目支出绩效自评表', Inner Mongolia's '机构运行经费支出、
# 国有资产占用情况及政府采购支出信息表'): a line of words that ends as a
# table title does. Its rows are not read, and it ends the table before it. A part's title ('第二部分
# … 部门决算表') names all the tables, not one.
OTHER_TABLE_TITLE_RE = re.compile(
    r"(?!第[一二三四五六七八九十]+部分)" + TITLE_PREFIX_RE.pattern.removeprefix("^")
    + r"[\u4e00-\u9fff、()（）]{2,40}?(?:(?<!部门)(?<!单位)决算|明细|情况|自评|统计|信息)表(?:[(（]分单位[)）])?"
    + TITLE_SUFFIX_RE.pattern.removesuffix("$")
)

# Header text that is only numbering of columns: '栏次 1 2 3', '1 2 3 … 12'.
COLUMN_NUMBER_RE = re.compile(r"^(?:栏\s*次\s*)?\d+(?:\s+(?:栏\s*次\s*)?\d+)*$")


def _squashed(mapping: dict[str, str]) -> dict[str, str]:
    return {squash(k): v for k, v in mapping.items()}


INCOME_LABELS = _squashed(INCOME_LABELS)
EXPENDITURE_LABELS = _squashed(EXPENDITURE_LABELS)
FUNCTION_CLASSES = _squashed(FUNCTION_CLASSES)
TABLES = {
    no: TableLayout(
        t.no, t.kind, tuple(squash(x) for x in t.titles),
        tuple(ColumnSpec(c.key, tuple(squash(a) for a in c.aliases)) for c in t.columns),
        tuple(ColumnSpec(c.key, tuple(squash(a) for a in c.aliases)) for c in t.income_columns),
        tuple(squash(w) for w in t.header_words), t.row_total,
        tuple(ColumnSpec(c.key, tuple(squash(a) for a in c.aliases)) for c in t.headerless_columns),
    )
    for no, t in TABLES.items()
}
THREE_PUBLIC_ITEMS = tuple(ColumnSpec(c.key, tuple(squash(a) for a in c.aliases)) for c in THREE_PUBLIC_ITEMS)

# Column sums of the two-sided tables, per side: (side, row, rows it is the sum of). The marker
# CLASS_ROWS stands for every function-class row of that side.
CLASS_ROWS = "*classes"
TWO_SIDED_SUMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("income", "total_income", (
        "general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation", "fiscal_appropriation",
        "superior_subsidy", "business_income", "operating_income", "affiliated_remittance", "other_income",
    )),
    ("income", "grand_total", ("total_income", "use_of_non_fiscal_balance", "carryover_begin")),
    ("income", "carryover_begin", tuple(begin for begin, _ in FUND_SUBROWS.values())),
    ("expenditure", "total_expenditure", (CLASS_ROWS,)),
    ("expenditure", "grand_total", ("total_expenditure", "balance_distribution", "carryover_end")),
    ("expenditure", "carryover_end", tuple(end for _, end in FUND_SUBROWS.values())),
)
# The year's totals every template prints on both sides of Tables 1 and 4: (side, row key, label).
YEARS_TOTALS = (("income", "total_income", "本年收入合计"), ("expenditure", "total_expenditure", "本年支出合计"))
# The carry-overs every template prints on both sides of Tables 1 and 4, each the last line of its
# side's 总计: (side, row key, label).
CARRY_OVERS = (("income", "carryover_begin", "年初结转和结余"), ("expenditure", "carryover_end", "年末结转和结余"))
# Table 4: per fund, income + carry-over at the start = the expenditure side's 总计 in that fund's column.
FUND_COLUMNS: dict[str, str] = {
    "general_budget_appropriation": "general_budget",
    "gov_fund_appropriation": "gov_fund",
    "state_capital_appropriation": "state_capital",
}
# Columns every template prints besides the row total (Table 3's and Table 5's split into 基本支出
# and 项目支出, Table 4's 一般公共预算财政拨款): a header that does not name one lost a line.
ALWAYS_PRINTED_COLUMNS: dict[int, tuple[str, ...]] = {3: ("basic", "project"), 4: ("general_budget",), 5: ("basic", "project")}
# A column a table must print when a line of another table (or of its own income side) prints a
# non-zero amount: (table, column) -> (table, section, row keys of those lines).
COLUMNS_PROVED_BY: dict[tuple[int, str], tuple[int, str, tuple[str, ...]]] = {
    **{(2, column): (1, "income", keys) for column, keys in T2_TOTAL_EQUALS_T1.items() if column != "total"},
    **{(4, column): (4, "income", (key,)) for key, column in FUND_COLUMNS.items()},
}
