"""One year's accounts -> the document as printed: nine tables of cells and a narrative of
sentences with the facts they state. Renderers print this; faults edit it; the ground truth is
read from it (so the truth is what is printed, planted faults included)."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .accounts import THREE_PUBLIC_ITEMS, Department, YearAccounts
from .catalog import (
    ECONOMIC_SUBJECTS,
    FUNCTION_CLASSES,
    FUNCTION_ITEMS,
    FUNCTION_SECTIONS,
    INCOME_LINES,
    PROJECT_WORDS,
    REASONS_DOWN,
    REASONS_UP,
    T1_CLASSES_24,
    T1_CLASSES_26,
)
from .layout import Layout, percent, wan

CHINESE_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                    "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六")


@dataclass
class Row:
    row_key: str
    label: str
    cells: dict[str, int | None]  # column_key -> amount (hundredths of 万元); None = not printed
    code: str | None = None  # joined function/economic code
    section: str = ""  # T1/T4 side, T6 column group
    number: int | None = None  # 行次


@dataclass
class Table:
    no: int
    title: str  # without the year prefix
    columns: tuple[tuple[str, str], ...]  # (column_key, header as printed)
    rows: list[Row]
    empty_note: str = ""


@dataclass
class Fact:
    fact_key: str
    subject: str
    value: Decimal  # as printed, in `unit`
    unit: str
    text: str  # the printed token
    qualifier: str = ""


Piece = str | Fact


@dataclass
class Section:
    heading: str  # with its number, e.g. '一、收入支出决算总体情况说明'
    paragraphs: list[list[Piece]]
    key: str  # stable name of the section (faults and tests address it)


@dataclass
class Document:
    dept: Department
    year: int
    layout: Layout
    name: str  # the department's full name
    tables: dict[int, Table]
    profile: list[Section]
    narrative: list[Section]
    fmt: str = "text"  # 'text' | 'pdf'
    truncate_at: float | None = None  # share of the bytes kept (a planted truncation)
    extra: dict = field(default_factory=dict)


TABLE_TITLES = {
    1: "收入支出决算总表", 2: "收入决算表", 3: "支出决算表", 4: "财政拨款收入支出决算总表",
    5: "一般公共预算财政拨款支出决算表", 6: "一般公共预算财政拨款基本支出决算表",
    7: "一般公共预算财政拨款“三公”经费支出决算表", 8: "政府性基金预算财政拨款收入支出决算表",
    9: "国有资本经营预算财政拨款支出决算表",
}
T2_COLUMNS = (("total", "本年收入合计"), ("fiscal_appropriation", "财政拨款收入"), ("superior_subsidy", "上级补助收入"),
              ("business", "事业收入"), ("operating", "经营收入"), ("affiliated_remittance", "附属单位上缴收入"),
              ("other", "其他收入"))
T3_COLUMNS = (("total", "本年支出合计"), ("basic", "基本支出"), ("project", "项目支出"), ("remit_to_superior", "上缴上级支出"),
              ("operating", "经营支出"), ("subsidy_to_affiliated", "对附属单位补助支出"))
T5_COLUMNS = (("total", "小计"), ("basic", "基本支出"), ("project", "项目支出"))
T4_EXPENDITURE_COLUMNS = (("total", "合计"), ("general_budget", "一般公共预算财政拨款"),
                          ("gov_fund", "政府性基金预算财政拨款"), ("state_capital", "国有资本经营预算财政拨款"))
T8_COLUMNS = (("carryover_begin", "年初结转和结余"), ("income", "本年收入"), ("total", "小计"), ("basic", "基本支出"),
              ("project", "项目支出"), ("carryover_end", "年末结转和结余"))
INNER_MONGOLIA_HEADINGS = {"一般公共预算财政拨款支出决算情况说明": "一般公共预算支出决算情况说明",
                           "机关运行经费支出情况": "机构运行经费支出决算情况说明", "机关运行经费": "机构运行经费",
                           "政府采购支出情况": "政府采购支出决算情况说明"}
# Wordings a document takes one time in four (NarrativeWriter._worded): the bits of the crc32 of
# its name and year each reads. listed_parts: '基本支出、项目支出分别为 X 万元、Y 万元'; budget_in_rate:
# the 三公 total and items as '支出决算为 X 万元，完成预算 B 万元的 P%' (Guangdong); reception_changes:
# '国内公务接待 N 批次，较上年增加 K 批次；国内公务接待 M 人次，较上年减少 L 人次'; grouped_counts:
# counts and percentages of the 三公 section from 1,000 up with a thousands separator ('1,084.6%').
WORDING_BITS = {"listed_parts": 0, "budget_in_rate": 2, "reception_changes": 4, "grouped_counts": 6}
T7_ITEMS = (("total", "合计"), ("outbound", "因公出国（境）费"), ("vehicle_subtotal", "小计"),
            ("vehicle_purchase", "公务用车购置费"), ("vehicle_operation", "公务用车运行费"), ("reception", "公务接待费"))


def class_label(code: str) -> str:
    return FUNCTION_CLASSES[code]


def subject_name(code: str) -> str:
    return {3: FUNCTION_CLASSES, 5: FUNCTION_SECTIONS, 7: FUNCTION_ITEMS}[len(code)][code]


def build_document(dept: Department, acc: YearAccounts, prev: YearAccounts, layout: Layout, rng: random.Random) -> Document:
    tables = {
        1: _table1(acc, layout), 2: _table2(acc), 3: _table3(acc), 4: _table4(acc, layout), 5: _table5(acc, layout),
        6: _table6(acc, layout), 7: _table7(acc), 8: _empty_table(8, dept, rng), 9: _empty_table(9, dept, rng),
    }
    for no, title in layout.titles:
        tables[no].title = title
    narrative = NarrativeWriter(dept, acc, prev, layout, rng).sections()
    return Document(dept=dept, year=acc.year, layout=layout, name=dept.full_name, tables=tables,
                    profile=_profile(dept, acc), narrative=narrative)


# --- tables ------------------------------------------------------------------------------------
def _used(amount: int) -> int | None:
    return amount if amount else None


def _t1_classes(layout: Layout) -> tuple[str, ...]:
    return T1_CLASSES_26 if layout.t1_classes == 26 else T1_CLASSES_24


def _table1(acc: YearAccounts, layout: Layout) -> Table:
    totals = {
        "general_budget_appropriation": acc.fiscal_income,
        "business_income": acc.sum_items("", "business_income"),
        "other_income": acc.sum_items("", "other_income"),
    }
    classes = _t1_classes(layout)
    income = [Row(key, label, {"amount": _used(totals.get(key, 0))}, section="income", number=i + 1)
              for i, (key, label) in enumerate(INCOME_LINES)]
    n = len(classes)
    income += [
        Row("total_income", "本年收入合计", {"amount": acc.total_income}, section="income", number=n + 1),
        Row("use_of_non_fiscal_balance", "用事业基金弥补收支差额" if layout.labels_of_the_year and acc.year < 2019 else "使用非财政拨款结余",
            {"amount": None}, section="income", number=n + 2),
        Row("carryover_begin", "年初结转和结余", {"amount": _used(acc.carry_begin)}, section="income", number=n + 3),
        Row("grand_total", "总计", {"amount": acc.grand_total}, section="income", number=n + 4),
    ]
    expenditure = []
    for i, code in enumerate(classes):
        amount = acc.sum_items(code, "total")
        printed = amount if amount or layout.t1_zero_classes else None
        expenditure.append(Row(code, f"{CHINESE_NUMERALS[i]}、{class_label(code)}", {"amount": printed}, code=code,
                               section="expenditure", number=n + 5 + i))
    base = 2 * n + 5
    expenditure += [
        Row("total_expenditure", "本年支出合计", {"amount": acc.total_expenditure}, section="expenditure", number=base),
        Row("balance_distribution", "结余分配", {"amount": None}, section="expenditure", number=base + 1),
        Row("carryover_end", "年末结转和结余", {"amount": _used(acc.carry_end)}, section="expenditure", number=base + 2),
        Row("grand_total", "总计", {"amount": acc.grand_total}, section="expenditure", number=base + 3),
    ]
    return Table(1, TABLE_TITLES[1], (("amount", "决算数"),), income + expenditure)


def _subject_rows(acc: YearAccounts, columns: dict[str, str], keep=lambda code: True) -> list[Row]:
    """合计 then every 类, 款 and 项 in code order; `columns` maps column_key -> ItemAccounts attribute."""
    codes = [code for code in acc.items if keep(code)]
    subjects = sorted({c[:3] for c in codes} | {c[:5] for c in codes} | set(codes))
    rows = [Row("total", "合计", {key: sum(getattr(acc.items[c], attr) for c in codes) for key, attr in columns.items()})]
    for subject in subjects:
        members = [c for c in codes if c.startswith(subject)]
        values = {key: sum(getattr(acc.items[c], attr) for c in members) for key, attr in columns.items()}
        rows.append(Row(subject, subject_name(subject), values, code=subject))
    return rows


def _drop_unused_columns(rows: list[Row], always: tuple[str, ...]) -> list[Row]:
    """A column the department does not use at all is left blank (not printed) on every row."""
    used = {key for row in rows for key, v in row.cells.items() if v} | set(always)
    for row in rows:
        row.cells = {key: (v if key in used else None) for key, v in row.cells.items()}
    return _blank_trailing_zeros(rows)


def _blank_trailing_zeros(rows: list[Row]) -> list[Row]:
    """Zeros after a row's last non-zero value are left blank, as real tables do ('35.20 35.20'
    under 合计/基本支出/项目支出); a zero between two values prints (its place is then certain)."""
    for row in rows:
        keys = list(row.cells)
        last = max((i for i, k in enumerate(keys) if row.cells[k]), default=-1)
        row.cells = {k: (None if i > last else v) for i, (k, v) in enumerate(row.cells.items())}
    return rows


def _table2(acc: YearAccounts) -> Table:
    attrs = {"total": "income_total", "fiscal_appropriation": "fiscal_income", "business": "business_income",
             "other": "other_income"}
    rows = _subject_rows(acc, attrs)
    for row in rows:
        row.cells = {key: row.cells.get(key, 0) for key, _label in T2_COLUMNS}
    return Table(2, TABLE_TITLES[2], T2_COLUMNS, _drop_unused_columns(rows, ("total", "fiscal_appropriation")))


def _table3(acc: YearAccounts) -> Table:
    rows = _subject_rows(acc, {"total": "total", "basic": "basic", "project": "project"})
    for row in rows:
        row.cells = {key: row.cells.get(key, 0) for key, _label in T3_COLUMNS}
    return Table(3, TABLE_TITLES[3], T3_COLUMNS, _drop_unused_columns(rows, ("total", "basic", "project")))


def _table4(acc: YearAccounts, layout: Layout) -> Table:
    classes = _t1_classes(layout)
    n = len(classes)
    begin, end = _used(acc.fiscal_carry_begin), _used(acc.fiscal_carry_end)
    income = [
        Row("general_budget_appropriation", "一、一般公共预算财政拨款", {"amount": acc.fiscal_income}, section="income", number=1),
        Row("gov_fund_appropriation", "二、政府性基金预算财政拨款", {"amount": None}, section="income", number=2),
        Row("state_capital_appropriation", "三、国有资本经营预算财政拨款", {"amount": None}, section="income", number=3),
        Row("total_income", "本年收入合计", {"amount": acc.fiscal_income}, section="income", number=n + 1),
        Row("carryover_begin", "年初财政拨款结转和结余", {"amount": begin}, section="income", number=n + 2),
        Row("carryover_begin_general_budget", "一般公共预算财政拨款", {"amount": begin}, section="income", number=n + 3),
        Row("carryover_begin_gov_fund", "政府性基金预算财政拨款", {"amount": None}, section="income", number=n + 4),
        Row("carryover_begin_state_capital", "国有资本经营预算财政拨款", {"amount": None}, section="income", number=n + 5),
        Row("grand_total", "总计", {"amount": acc.fiscal_grand_total}, section="income", number=n + 6),
    ]
    expenditure = []
    for i, code in enumerate(classes):
        amount = acc.sum_items(code, "fiscal_total")
        shown = amount if amount or layout.t1_zero_classes else None
        expenditure.append(Row(code, f"{CHINESE_NUMERALS[i]}、{class_label(code)}",
                               {"total": shown, "general_budget": shown, "gov_fund": None, "state_capital": None},
                               code=code, section="expenditure", number=n + 7 + i))
    base = 2 * n + 7

    def two(amount):
        return {"total": amount, "general_budget": amount, "gov_fund": None, "state_capital": None}

    blank = {"total": None, "general_budget": None, "gov_fund": None, "state_capital": None}
    expenditure += [
        Row("total_expenditure", "本年支出合计", two(acc.gpb_total), section="expenditure", number=base),
        Row("carryover_end", "年末财政拨款结转和结余", two(end), section="expenditure", number=base + 1),
        Row("carryover_end_general_budget", "一般公共预算财政拨款", dict(blank), section="expenditure", number=base + 2),
        Row("carryover_end_gov_fund", "政府性基金预算财政拨款", dict(blank), section="expenditure", number=base + 3),
        Row("carryover_end_state_capital", "国有资本经营预算财政拨款", dict(blank), section="expenditure", number=base + 4),
        Row("grand_total", "总计", two(acc.fiscal_grand_total), section="expenditure", number=base + 5),
    ]
    return Table(4, TABLE_TITLES[4], T4_EXPENDITURE_COLUMNS, income + expenditure)


def _table5(acc: YearAccounts, layout: Layout) -> Table:
    rows = _subject_rows(acc, {"total": "fiscal_total", "basic": "fiscal_basic", "project": "fiscal_project"},
                         keep=lambda code: acc.items[code].fiscal_total > 0)
    rows = _blank_trailing_zeros(rows)
    if layout.style == "raw":  # the Shanghai family prints 合计 under the subjects
        rows = rows[1:] + rows[:1]
    return Table(5, TABLE_TITLES[5], T5_COLUMNS, rows)


def _table6(acc: YearAccounts, layout: Layout) -> Table:
    rows = []
    for code, name, group in ECONOMIC_SUBJECTS:
        if len(code) == 3:
            amount = sum(v for c, v in acc.economic.items() if c.startswith(code))
        else:
            amount = acc.economic.get(code, 0)
        printed = amount if amount or layout.style == "broken" else None
        section = "capital" if code.startswith("310") and layout.style == "broken" else group
        rows.append(Row(code, name, {"amount": printed}, code=code, section=section))
    rows.append(Row("personnel_total", "人员经费合计", {"amount": acc.personnel_total}, section="personnel"))
    rows.append(Row("public_total", "公用经费合计", {"amount": acc.public_total}, section="public"))
    return Table(6, TABLE_TITLES[6], (("amount", "决算数"),), rows)


def _table7(acc: YearAccounts) -> Table:
    cells = {}
    for measure, source in (("budget", acc.three_public_budget), ("actual", acc.three_public_actual)):
        vehicle = source["vehicle_purchase"] + source["vehicle_operation"]
        values = {"total": sum(source.values()), "outbound": source["outbound_travel"], "vehicle_subtotal": vehicle,
                  "vehicle_purchase": source["vehicle_purchase"], "vehicle_operation": source["vehicle_operation"],
                  "reception": source["official_reception"]}
        cells.update({f"{measure}_{key}": values[key] for key, _label in T7_ITEMS})
    columns = tuple((f"{m}_{key}", label) for m in ("budget", "actual") for key, label in T7_ITEMS)
    return Table(7, TABLE_TITLES[7], columns, [Row("three_public", "", cells)])


def _empty_table(no: int, dept: Department, rng: random.Random) -> Table:
    what = "政府性基金预算财政拨款" if no == 8 else "国有资本经营预算财政拨款"
    note = rng.choice((f"注：本部门没有{what}收入，也没有使用{what}安排的支出。", f"注：{dept.full_name}无{what}支出，故本表无数据。"))
    return Table(no, TABLE_TITLES[no], T8_COLUMNS if no == 8 else T5_COLUMNS, [], empty_note=note)


# --- profile -----------------------------------------------------------------------------------
def _profile(dept: Department, acc: YearAccounts) -> list[Section]:
    name = dept.short_name or dept.full_name
    kind = "行政" if dept.admin else "事业"
    staff = [f"{dept.full_name}在职实有人数", _count("staff_in_service", "total", acc.staff, "人"), "人，其中：",
             f"{kind} ", _count("staff_in_service", kind, acc.staff, "人"), " 人。离退休人员",
             _count("staff_retired", "total", acc.retired, "人"), "人，其中：离休", _count("staff_retired", "离休", 0, "人"), "人，退休",
             _count("staff_retired", "退休", acc.retired, "人"), "人。"]
    return [
        Section("一、部门主要职能", [[f"1.负责{dept.district}相关领域的日常工作，承办上级交办的各项任务。"],
                                  ["2.负责本部门机关党务、干部人事管理和行政事务管理工作。"]], "functions"),
        Section("二、部门决算单位构成", [[f"从决算单位构成来看，{name}部门决算由纳入独立核算的单位本级决算组成。其中：{kind}单位",
                                     _count("units_consolidated", f"{kind}单位", 1, "个"), "个。"]],
                "units"),
        Section("三、部门人员构成", [staff], "staff"),
    ]


def _count(fact_key: str, subject: str, value: int, unit: str) -> Fact:
    return Fact(fact_key, subject, Decimal(value), unit, str(value))


def _grouped(piece: Piece) -> Piece:
    """A count or percentage from 1,000 up printed with a thousands separator ('1,084.6');
    amounts in 万元 keep the layout's own grouping, and text is left alone."""
    if isinstance(piece, Fact) and piece.unit != "万元" and abs(piece.value) >= 1000:
        return replace(piece, text=f"{piece.value:,}")
    return piece


# --- narrative ---------------------------------------------------------------------------------
class NarrativeWriter:
    """The 情况说明: every amount, share, rate and change agrees with the tables and with the
    previous year's accounts."""

    def __init__(self, dept: Department, acc: YearAccounts, prev: YearAccounts, layout: Layout, rng: random.Random):
        self.dept, self.acc, self.prev, self.layout, self.rng = dept, acc, prev, layout, rng
        self.y = acc.year

    # printed values
    def amount(self, key: str, subject: str, fen: int, qualifier: str = "") -> Fact:
        value = wan(fen)
        text = f"{value:,.2f}" if self.layout.thousands else f"{value:.2f}"
        return Fact(key, subject, value, "万元", text, qualifier)

    def pct(self, key: str, subject: str, num: int, den: int, qualifier: str = "") -> Fact:
        value = percent(num, den, self.layout.pct_decimals)
        return Fact(key, subject, value, "%", str(value), qualifier)

    def change(self, key: str, subject: str, now: int, before: int) -> list[Piece]:
        """'增加 12.30 万元，增长 4.5%' (or 减少/下降); the pct is left out when last year was zero."""
        amount_word, pct_word = ("增加", "增长") if now >= before else ("减少", "下降")
        pieces: list[Piece] = [amount_word, self.amount(f"{key}_yoy_change", subject, abs(now - before), amount_word), "万元"]
        if before:
            pieces += ["，", pct_word, self.pct(f"{key}_yoy_change_pct", subject, abs(now - before), before, pct_word), "%"]
        return pieces

    def heading(self, standard: str) -> str:
        """A section heading (or name) as the layout's region words it."""
        return INNER_MONGOLIA_HEADINGS.get(standard, standard) if self.layout.wording == "inner_mongolia" else standard

    def reason(self, up: bool) -> str:
        return self.rng.choice(REASONS_UP if up else REASONS_DOWN)

    def sections(self) -> list[Section]:
        builders = [self.totals, self.income, self.expenditure, self.fiscal_totals, self.general_budget,
                    self.basic, self.three_public, self.gov_fund, self.state_capital]
        other = [self.admin_cost, self.procurement, self.assets]
        if self.layout.procurement_first:
            other[0], other[1] = other[1], other[0]
        tail = other + [self.performance] if self.layout.other_before_performance else [self.performance] + other
        result = []
        for number, builder in zip(CHINESE_NUMERALS, builders + tail, strict=False):
            title, key, paragraphs = builder()
            result.append(Section(f"{number}、{title}", paragraphs, key))
        return result

    def _grand_total(self, words: tuple[str, str], fact_key: str, change_key: str, current, previous) -> list:
        """'<year>年度<both>X万元。与<year-1>年度相比，<both>增加/减少…。主要原因是…。' for the
        all-funds and the fiscal grand totals (the two template wordings by style)."""
        both = words[0] if self.layout.style == "broken" else words[1]
        return [f"{self.y}年度{both}", self.amount(fact_key, "total", current), "万元。",
                f"与{self.y - 1}年度相比，{both}", *self.change(change_key, "total", current, previous),
                f"。主要原因是{self.reason(current >= previous)}。"]

    def totals(self):
        para = self._grand_total(("收、支总计", "收入支出总计"), "total_income_expenditure", "total",
                                 self.acc.grand_total, self.prev.grand_total)
        return "收入支出决算总体情况说明", "totals", [para]

    def income(self):
        a = self.acc
        lead = "，本单位收入为" if self.layout.wording == "gansu" else "收入合计"
        para: list[Piece] = [f"{self.y}年度{lead}", self.amount("income_total", "total", a.total_income), "万元。其中："]
        sources = (("fiscal_appropriation", "财政拨款收入", a.fiscal_income),
                   ("business", "事业收入", a.sum_items("", "business_income")),
                   ("other", "其他收入", a.sum_items("", "other_income")))
        parts = []
        for subject, label, fen in sources:
            if fen:
                parts.append([label, self.amount("income_amount", subject, fen), "万元，占本年收入",
                              self.pct("income_share_pct", subject, fen, a.total_income), "%"])
        for i, part in enumerate(parts):
            para += part + (["；"] if i < len(parts) - 1 else ["。"])
        return "收入决算情况说明", "income", [para]

    def expenditure(self):
        a = self.acc
        basic, project = a.sum_items("", "basic"), a.sum_items("", "project")
        lead = "，本单位支出为" if self.layout.wording == "gansu" else "支出合计"
        total = self.amount("expenditure_total", "total", a.total_expenditure)
        parts = (("basic", basic), ("project", project))
        basic_amount, project_amount = (self.amount("expenditure_amount", part, fen) for part, fen in parts)
        basic_share, project_share = (self.pct("expenditure_share_pct", part, fen, a.total_expenditure) for part, fen in parts)
        if self._lists_the_parts():
            para = [f"{self.y}年度{lead}", total, "万元。其中：基本支出、项目支出分别为", basic_amount, "万元、", project_amount,
                    "万元，分别占本年支出的", basic_share, "%、", project_share, "%。"]
        else:
            para = [f"{self.y}年度{lead}", total, "万元。其中：基本支出", basic_amount, "万元，占本年支出", basic_share,
                    "%；项目支出", project_amount, "万元，占本年支出", project_share, "%。"]
        return "支出决算情况说明", "expenditure", [para]

    def _lists_the_parts(self) -> bool:
        """Whether the document names its parts and then their values ('基本支出、项目支出分别为 …')."""
        return self._worded(WORDING_BITS["listed_parts"])

    def _worded(self, shift: int) -> bool:
        """Whether the document takes the wording read from bits `shift` and `shift` + 1 of the
        crc32 of its name and year: one document in four, decided by the name and year rather than
        by the random stream, so that every other document of a seed reads as it did before the
        wording was added. Each wording reads its own two bits, so the choices are independent;
        salting the name instead would not make them so (crc32 is affine: the crc32s of one name
        with two salts of the same length differ by a constant of the name's length)."""
        return (zlib.crc32(f"{self.dept.full_name}{self.y}".encode()) >> shift) % 4 == 0

    def fiscal_totals(self):
        para = self._grand_total(("财政拨款收、支总计", "财政拨款收入支出总计"), "fiscal_total", "fiscal",
                                 self.acc.fiscal_grand_total, self.prev.fiscal_grand_total)
        return "财政拨款收入支出决算总体情况说明", "fiscal_totals", [para]

    def general_budget(self):
        a, p = self.acc, self.prev
        total = a.gpb_total
        overall = ["（一）一般公共预算财政拨款支出决算总体情况。"], [
            f"{self.y}年度一般公共预算财政拨款支出", self.amount("gpb_expenditure", "total", total), "万元，占本年支出合计的",
            self.pct("gpb_share_of_expenditure_pct", "total", total, a.total_expenditure), "%。",
            f"与{self.y - 1}年度相比，一般公共预算财政拨款支出", *self.change("gpb", "total", total, p.gpb_total),
            f"。主要原因是{self.reason(total >= p.gpb_total)}。"]
        structure: list[Piece] = [f"{self.y}年度一般公共预算财政拨款支出", self.amount("gpb_expenditure", "total", total),
                                  "万元，主要用于以下方面："]
        classes = [c for c in a.classes if a.sum_items(c, "fiscal_total")]
        for i, cls in enumerate(classes):
            fen = a.sum_items(cls, "fiscal_total")
            structure += [self.class_words(cls), self.amount("gpb_class_amount", cls, fen), "万元，占",
                          self.pct("gpb_class_share_pct", cls, fen, total), "%", "；" if i < len(classes) - 1 else "。"]
        budget = a.budget_total
        execution: list[Piece] = [
            f"{self.y}年度一般公共预算财政拨款支出年初预算为", self.amount("budget_initial", "total", budget), "万元，支出决算为",
            self.amount("budget_final", "total", total), "万元，完成年初预算的",
            self.pct("budget_completion_pct", "total", total, budget), f"%。其中：基本支出{wan(a.sum_items('', 'fiscal_basic'))}",
            f"万元，项目支出{wan(a.sum_items('', 'fiscal_project'))}万元，主要用于{'、'.join(self.rng.sample(PROJECT_WORDS, 2))}等项目。"]
        per_class = []
        for i, cls in enumerate(classes):
            initial, final = a.class_budgets[cls], a.sum_items(cls, "fiscal_total")
            word = "大于" if final > initial else "小于" if final < initial else "等于"
            tail = (f"支出决算数{word}年初预算数的主要原因是{self.reason(final > initial)}。" if word != "等于"
                    else "支出决算数等于年初预算数。")
            per_class.append([f"{i + 1}.{FUNCTION_CLASSES[cls]}(类)。年初预算为", self.amount("budget_initial", cls, initial),
                              "万元，支出决算为", self.amount("budget_final", cls, final), "万元，完成年初预算的",
                              self.pct("budget_completion_pct", cls, final, initial), "%，", tail])
        paragraphs = [overall[0], overall[1], ["（二）一般公共预算财政拨款支出决算结构情况。"], structure,
                      ["（三）一般公共预算财政拨款支出决算具体情况。"], execution, *per_class]
        return self.heading("一般公共预算财政拨款支出决算情况说明"), "general_budget", paragraphs

    def class_words(self, cls: str) -> str:
        stem = FUNCTION_CLASSES[cls].removesuffix("支出")
        return f"{stem}(类)支出" if self.layout.style == "broken" else f"{stem}支出（类）"

    def basic(self):
        a = self.acc
        personnel = "、".join(name for code, name, group in ECONOMIC_SUBJECTS
                             if group == "personnel" and len(code) == 5 and a.economic.get(code))
        public = "、".join(name for code, name, group in ECONOMIC_SUBJECTS
                          if group == "public" and len(code) == 5 and a.economic.get(code))
        para = [f"{self.y}年度一般公共预算财政拨款基本支出", self.amount("basic_total", "total", a.personnel_total + a.public_total),
                "万元，其中：人员经费", self.amount("basic_personnel", "total", a.personnel_total), f"万元，主要包括：{personnel}；公用经费",
                self.amount("basic_public", "total", a.public_total), f"万元，主要包括：{public}。"]
        return "一般公共预算财政拨款基本支出决算情况说明", "basic", [para]

    def three_public(self):
        a, p = self.acc, self.prev
        budget, actual = a.three_public_budget, a.three_public_actual
        scope = [["（一）“三公”经费的单位范围。"], [f"{self.dept.full_name}有一般公共预算财政拨款预算安排“三公”经费的单位包括{self.dept.full_name}本级。"],
                 ["（二）一般公共预算财政拨款“三公”经费支出决算情况。"]]
        budget_in_rate = self._worded(WORDING_BITS["budget_in_rate"])
        total_budget = self.amount("three_public_budget", "total", a.three_public_budget_total)
        total_actual = self.amount("three_public_actual", "total", a.three_public_actual_total)
        total_rate = self.pct("three_public_completion_pct", "total", a.three_public_actual_total, a.three_public_budget_total)
        if budget_in_rate:  # Guangdong: the budget inside the completion rate
            overall = [f"{self.y}年度“三公”经费财政拨款支出决算为", total_actual, "万元，完成预算", total_budget, "万元的",
                       total_rate, "%。"]
        else:
            overall = [f"{self.y}年度“三公”经费财政拨款年初预算数为", total_budget, "万元，支出决算为", total_actual,
                       "万元，完成年初预算的", total_rate, "%。"]
        labels = {"outbound_travel": "因公出国(境)费", "vehicle_purchase": "公务用车购置费",
                  "vehicle_operation": "公务用车运行费", "official_reception": "公务接待费"}
        items = []
        for i, item in enumerate(THREE_PUBLIC_ITEMS):
            sentence: list[Piece] = [f"{i + 1}.{labels[item]}支出决算为", self.amount("three_public_actual", item, actual[item]), "万元"]
            if budget[item]:
                rate = self.pct("three_public_completion_pct", item, actual[item], budget[item])
                if budget_in_rate:
                    sentence += ["，完成预算", self.amount("three_public_budget", item, budget[item]), "万元的", rate, "%"]
                else:
                    sentence += ["，完成年初预算的", rate, "%"]
                if actual[item] != budget[item]:
                    word = "增加" if actual[item] > budget[item] else "减少"
                    sentence += [f"，比年初预算{word}", self.amount("three_public_budget_change", item,
                                                               abs(actual[item] - budget[item]), word), "万元"]
            if item == "vehicle_operation" and actual[item]:
                fuel, repair, insurance = a.vehicle_costs
                sentence += ["；其中：燃料费", self.amount("vehicle_fuel", "vehicle_operation", fuel), "万元；维修费",
                             self.amount("vehicle_repair", "vehicle_operation", repair), "万元；保险费",
                             self.amount("vehicle_insurance", "vehicle_operation", insurance), "万元"]
            if item == "vehicle_operation":
                sentence += ["。年末公务用车保有量", _count("vehicles_held", "total", a.vehicles_held, "辆"), "辆"]
            if item == "official_reception" and a.reception[0]:
                sentence += self.reception_counts()
            items.append(sentence + ["。"])
        if self.layout.wording == "zhejiang":  # the items listed and labelled before their total
            yoy = [f"{self.y}年本部门因公出国(境)经费、公务接待费、公车购置费，公车运行费（“三公”经费）决算总额",
                   self.amount("three_public_actual", "total", a.three_public_actual_total), "万元，比上年",
                   *self.change("three_public", "total", a.three_public_actual_total, p.three_public_actual_total), "。"]
        else:
            yoy = [f"{self.y}年度“三公”经费财政拨款支出决算数比{self.y - 1}年度",
                   *self.change("three_public", "total", a.three_public_actual_total, p.three_public_actual_total), "。"]
        paragraphs = [*scope, overall, *items, yoy]
        if self._worded(WORDING_BITS["grouped_counts"]):
            paragraphs = [[_grouped(piece) for piece in paragraph] for paragraph in paragraphs]
        if self.layout.wording == "shaanxi":  # 会议费 and 培训费 too: no fact of the 三公 vocabulary
            others = [["（三）会议费、培训费支出情况。"],
                      [f"{self.y}年度会议费支出决算为{wan(a.public_total // 40)}万元，培训费支出决算为{wan(a.public_total // 50)}万元。"]]
            return "“三公”经费、培训费及会议费支出情况说明", "three_public", [*paragraphs, *others]
        return "一般公共预算财政拨款“三公”经费支出决算情况说明", "three_public", paragraphs

    def reception_counts(self) -> list[Piece]:
        batches, persons = self.acc.reception
        if self._worded(WORDING_BITS["reception_changes"]):  # each count with its change on the year before
            before_batches, before_persons = self.prev.reception
            counts: list[Piece] = [
                "。国内公务接待", _count("reception_batches", "total", batches, "批次"), "批次，",
                self._count_change(batches, before_batches, "批次"), "；国内公务接待",
                _count("reception_persons", "total", persons, "人次"), "人次，", self._count_change(persons, before_persons, "人次")]
            if self.layout.wording == "yunnan":
                counts += self._foreign_reception()
            return counts
        if self.layout.wording == "gansu":
            return ["，国内公务接待批次为", _count("reception_batches", "total", batches, "批次"), "个，接待人次为",
                    _count("reception_persons", "total", persons, "人次"), "人"]
        counts: list[Piece] = ["，共接待", _count("reception_batches", "total", batches, "批次"), "批次",
                               _count("reception_persons", "total", persons, "人次"), "人次"]
        if self.layout.wording == "yunnan":
            counts += self._foreign_reception()
        return counts

    def _foreign_reception(self) -> list[Piece]:
        return ["。其中：外事接待", _count("reception_batches", "foreign", 0, "批次"), "批次，",
                _count("reception_persons", "foreign", 0, "人次"), "人次"]

    def _count_change(self, now: int, before: int, unit: str) -> str:
        """'较上年增加 K 批次' (or 减少; '与上年持平' when equal): plain text, as the change of a count
        is no fact of the vocabulary, spaced as the layout spaces a count."""
        if now == before:
            return "与上年持平"
        space = " " if self.layout.style == "broken" else ""
        return f"较上年{'增加' if now > before else '减少'}{space}{abs(now - before)}{unit}"

    def gov_fund(self):
        what = "政府性基金预算财政拨款"
        if self.layout.style == "broken":  # the Wuhan family states every figure, zeros included
            para = [f"{self.y}年度{what}年初结转和结余", self.amount("gov_fund_carryover_begin", "total", 0), "万元，本年收入",
                    self.amount("gov_fund_income", "total", 0), "万元，本年支出", self.amount("gov_fund_expenditure", "total", 0),
                    "万元，年末结转和结余", self.amount("gov_fund_carryover_end", "total", 0), "万元。"]
        else:
            para = [f"{self.dept.full_name}{self.y}年度无{what}收入和支出。"]
        return f"{what}收入支出决算情况说明", "gov_fund", [para]

    def state_capital(self):
        what = "国有资本经营预算财政拨款"
        if self.layout.style == "broken":
            para = [f"{self.y}年度{what}本年支出", self.amount("state_capital_expenditure", "total", 0), "万元。"]
        else:
            para = [f"{self.dept.full_name}{self.y}年度无{what}支出。"]
        return f"{what}支出决算情况说明", "state_capital", [para]

    def admin_cost(self):
        a, p = self.acc, self.prev
        if not self.dept.admin:
            return "机关运行经费支出情况", "admin_cost", [[f"{self.dept.full_name}为事业单位，不涉及机关运行经费。"]]
        para = [f"{self.y}年度{self.dept.full_name}{self.heading('机关运行经费')}支出", self.amount("admin_operating_cost", "total", a.public_total),
                f"万元，比{self.y - 1}年度", *self.change("admin_operating_cost", "total", a.public_total, p.public_total),
                f"。主要原因是{self.reason(a.public_total >= p.public_total)}。"]
        return self.heading("机关运行经费支出情况"), "admin_cost", [para]

    def procurement(self):
        pr = self.acc.procurement
        total = pr["goods"] + pr["works"] + pr["services"]
        para = [f"{self.y}年度{self.dept.full_name}政府采购支出总额", self.amount("procurement_total", "total", total),
                "万元，其中：政府采购货物支出", self.amount("procurement_amount", "goods", pr["goods"]), "万元、政府采购工程支出",
                self.amount("procurement_amount", "works", pr["works"]), "万元、政府采购服务支出",
                self.amount("procurement_amount", "services", pr["services"]), "万元。授予中小企业合同金额",
                self.amount("procurement_sme_amount", "total", pr["sme"]), "万元，占政府采购支出总额的",
                self.pct("procurement_sme_share_pct", "total", pr["sme"], total), "%，其中：授予小微企业合同金额",
                self.amount("procurement_small_micro_amount", "total", pr["small_micro"]), "万元，占授予中小企业合同金额的",
                self.pct("procurement_small_micro_share_pct", "total", pr["small_micro"], pr["sme"]), "%。"]
        return self.heading("政府采购支出情况"), "procurement", [para]

    def assets(self):
        para = [f"截至{self.y}年12月31日，{self.dept.full_name}共有车辆",
                _count("vehicles_total", "total", self.acc.vehicles_held, "辆"), "辆。"]
        return "国有资产占用情况", "assets", [para]

    def performance(self):
        a = self.acc
        project = a.sum_items("", "fiscal_project")
        funds = project if self.rng.random() < 0.5 else int(project * self.rng.uniform(0.5, 1.0))
        para = [f"根据预算绩效管理要求，本部门组织对{self.y}年度一般公共预算项目支出全面开展绩效自评，共涉及项目",
                _count("perf_projects_evaluated", "total", a.perf_projects, "个"), "个，资金",
                self.amount("perf_funds", "total", funds), "万元，占一般公共预算项目支出总额的",
                self.pct("perf_funds_share_pct", "total", funds, project), "%。从绩效评价情况来看，自评分为",
                _count("perf_score", "total", a.perf_score, "分"), "分，达到预期绩效目标。"]
        return "预算绩效情况说明", "performance", [para]
