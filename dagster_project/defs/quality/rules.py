"""The accounting identities of docs/domain.md as data: one Rule per identity, one engine.

Each rule has a stable id, a severity (for a comparison outside its rounding band), the mart it
guards (its Dagster asset check and GX suite), a rounding model and ONE SQL statement over all
documents (templates.py) that yields comparison rows.

Rounding models (engine.py turns them into a band):
- 'sum':     a printed total against n independently rounded printed terms: band n x 0.005.
             Inside the band but not exact: a rounding note (severity 'info').
- 'printed': a restated amount against its source, judged by the restatement's own precision
             (half a unit of its last printed digit; 8.6 for 8.57 is a note, not an error).
- 'percent': a printed percentage, right when within half a unit of its last digit.
- 'exact':   counts, flags and codes: any difference fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from .templates import (
    CLASS_ROWS,
    PARENT_KEY,
    SUBJECT_ROWS,
    CellOp,
    Cells,
    FactOp,
    FactSumOp,
    case_map,
    cell_sum,
    fact_sum,
    fact_vs,
    operand,
    percent,
    union,
)

DIM_DOCUMENT = "marts.dim_document"


@dataclass(frozen=True)
class Rule:
    rule_id: str
    severity: str  # 'error' | 'warn' | 'info'
    guards: str  # the mart (in schema marts) whose asset check reports this rule
    model: str  # 'sum' | 'printed' | 'percent' | 'exact'
    description: str
    sql: str
    requires: tuple[str, ...] = ()  # relations beyond raw.* (the rule is skipped while one is missing)

    @property
    def check_name(self) -> str:
        return self.rule_id.lower()


# ---- column families of the tables (docs/raw-tables.md) ------------------------------------
T1_INCOME_LINES = ("general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation",
                   "fiscal_appropriation", "superior_subsidy", "business_income", "operating_income",
                   "affiliated_remittance", "other_income")
T1_FISCAL_LINES = ("general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation")
T2_SOURCES = ("fiscal_appropriation", "superior_subsidy", "business", "operating", "affiliated_remittance", "other")
T3_KINDS = ("basic", "project", "remit_to_superior", "operating", "subsidy_to_affiliated")
T4_FUNDS = ("general_budget", "gov_fund", "state_capital")
T5_KINDS = ("basic", "project")
T2_SOURCE_OF_T1_LINE = {"superior_subsidy": "superior_subsidy", "business_income": "business",
                        "operating_income": "operating", "affiliated_remittance": "affiliated_remittance",
                        "other_income": "other", **{line: "fiscal_appropriation" for line in
                                                    (*T1_FISCAL_LINES, "fiscal_appropriation")}}
PERSONNEL_CLASSES = ("301", "303")  # 人员经费: 工资福利支出 + 对个人和家庭的补助; the other classes are 公用经费
THREE_PUBLIC_ITEMS = {"total": "total", "outbound_travel": "outbound", "vehicle": "vehicle_subtotal",
                      "vehicle_purchase": "vehicle_purchase", "vehicle_operation": "vehicle_operation",
                      "official_reception": "reception"}
T7_ACTUAL = {f"actual_{col}": subject for subject, col in THREE_PUBLIC_ITEMS.items()}
T7_BUDGET = {f"budget_{col}": subject for subject, col in THREE_PUBLIC_ITEMS.items()}
# An income source's amount: Table 2's 合计 row by column; a fund's own line (一般公共预算财政拨款收入, …),
# which Table 2 does not split, Table 1's line.
INCOME_BY_SOURCE = (CellOp(Cells(2, rows=("total",), columns=T2_SOURCES), "column_key"),
                    CellOp(Cells(1, "income", rows=T1_FISCAL_LINES), "row_key"))
# (current value, stated change, stated change %) of the year-on-year statements
YOY_FACTS = (
    ("total_income_expenditure", "total_yoy_change", "total_yoy_change_pct"),
    ("fiscal_total", "fiscal_yoy_change", "fiscal_yoy_change_pct"),
    ("gpb_expenditure", "gpb_yoy_change", "gpb_yoy_change_pct"),
    ("three_public_actual", "three_public_yoy_change", "three_public_yoy_change_pct"),
    ("admin_operating_cost", "admin_operating_cost_yoy_change", "admin_operating_cost_yoy_change_pct"),
)
# narrative facts that state the values of a table that may be printed empty
TABLE_FACTS = {
    7: ("three_public_budget", "three_public_actual"),
    8: ("gov_fund_carryover_begin", "gov_fund_income", "gov_fund_expenditure", "gov_fund_carryover_end"),
    9: ("state_capital_income", "state_capital_expenditure"),
}
PROCUREMENT_PARTS = ("goods", "works", "services")
PLACEHOLDER_RE = "XX|ＸＸ|××|某某|○○|〇〇"
YEAR_RE = r"((?:19|20)\d{2})\s*年"
# Where a text of a raw relation was printed (its line and page, when known).
AT_LINE = "coalesce(', line ' || line_start, '') || coalesce(', page ' || page, '')"


def _values(rows: list[tuple]) -> str:
    return "(VALUES " + ", ".join("(" + ", ".join(f"'{v}'" for v in row) + ")" for row in rows) + ")"


def _row_sum(table: int, kinds: tuple[str, ...]) -> str:
    """Each row: the total column = the sum of the other columns."""
    return cell_sum(Cells(table, columns=("total",)), Cells(table, columns=kinds), "row_key", "row_key")


def _hierarchy(table: int, columns: tuple[str, ...]) -> str:
    """Each column: 类 = the sum of its 款, 款 = the sum of its 项."""
    return cell_sum(Cells(table, row_regex=SUBJECT_ROWS, columns=columns),
                    Cells(table, row_regex=r"^\d{5}(\d{2})?$", columns=columns),
                    "row_key || '|' || column_key", f"{PARENT_KEY} || '|' || column_key")


def _total_of_classes(table: int, columns: tuple[str, ...], section: str | None = None,
                      total_row: str = "total") -> str:
    """Each column: the 合计 row = the sum of the class rows."""
    return cell_sum(Cells(table, section, rows=(total_row,), columns=columns),
                    Cells(table, section, row_regex=CLASS_ROWS, columns=columns), "column_key", "column_key")


def _yoy_stated() -> str:
    """CTEs `spec` and `stated`: each stated year-on-year change with its current value and sign."""
    return f"""
    spec(cur, chg, pct) AS {_values(list(YOY_FACTS))},
    stated AS (
        SELECT c.document_id, c.subject, cur.value AS current_value, c.value AS change, c.sign AS change_sign,
               c.loc AS change_loc, cur.loc AS current_loc, spec.*
        FROM spec JOIN dq_fact1 c ON c.fact_key = spec.chg
        JOIN dq_fact1 cur ON cur.document_id = c.document_id AND cur.fact_key = spec.cur AND cur.subject = c.subject
        WHERE c.sign IS NOT NULL
    )"""


def _item_value(kind: str) -> str:
    """A "三公" item's actual or budget: as stated, else as printed in Table 7."""
    columns = T7_ACTUAL if kind == "actual" else T7_BUDGET
    return operand((FactOp((f"three_public_{kind}",)), CellOp(Cells(7, columns=tuple(columns)), case_map("column_key", columns))))


RULES: tuple[Rule, ...] = (
    # ---- Table 1 -------------------------------------------------------------------------
    Rule("T1_INCOME_SUM", "error", "fct_account_summary", "sum",
         "Table 1: 本年收入合计 = the sum of the income lines",
         cell_sum(Cells(1, "income", rows=("total_income",)), Cells(1, "income", rows=T1_INCOME_LINES))),
    Rule("T1_EXPENDITURE_SUM", "error", "fct_account_summary", "sum",
         "Table 1: 本年支出合计 = the sum of the function classes",
         cell_sum(Cells(1, "expenditure", rows=("total_expenditure",)), Cells(1, "expenditure", row_regex=CLASS_ROWS))),
    Rule("T1_INCOME_GRAND_TOTAL", "error", "fct_account_summary", "sum",
         "Table 1: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
         cell_sum(Cells(1, "income", rows=("grand_total",)),
                  Cells(1, "income", rows=("total_income", "use_of_non_fiscal_balance", "carryover_begin")))),
    Rule("T1_EXPENDITURE_GRAND_TOTAL", "error", "fct_account_summary", "sum",
         "Table 1: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
         cell_sum(Cells(1, "expenditure", rows=("grand_total",)),
                  Cells(1, "expenditure", rows=("total_expenditure", "balance_distribution", "carryover_end")))),
    Rule("T1_BALANCE", "error", "fct_account_summary", "sum",
         "Table 1: 收入总计 = 支出总计",
         cell_sum(Cells(1, "expenditure", rows=("grand_total",)), Cells(1, "income", rows=("grand_total",)))),
    # ---- Tables 2, 3, 5: rows, hierarchy, 合计 ----------------------------------------------
    Rule("T2_ROW_SUM", "error", "fct_income", "sum",
         "Table 2, every row: 本年收入合计 = the sum of the income sources", _row_sum(2, T2_SOURCES)),
    Rule("T2_HIERARCHY", "error", "fct_income", "sum",
         "Table 2, every column: 类 = sum of its 款, 款 = sum of its 项", _hierarchy(2, ("total", *T2_SOURCES))),
    Rule("T2_TOTAL_SUM", "error", "fct_income", "sum",
         "Table 2, every column: 合计 = the sum of the classes", _total_of_classes(2, ("total", *T2_SOURCES))),
    Rule("T3_ROW_SUM", "error", "fct_expenditure", "sum",
         "Table 3, every row: 本年支出合计 = 基本支出 + 项目支出 + the other kinds", _row_sum(3, T3_KINDS)),
    Rule("T3_HIERARCHY", "error", "fct_expenditure", "sum",
         "Table 3, every column: 类 = sum of its 款, 款 = sum of its 项", _hierarchy(3, ("total", *T3_KINDS))),
    Rule("T3_TOTAL_SUM", "error", "fct_expenditure", "sum",
         "Table 3, every column: 合计 = the sum of the classes", _total_of_classes(3, ("total", *T3_KINDS))),
    Rule("T5_ROW_SUM", "error", "fct_expenditure", "sum",
         "Table 5, every row: 小计 = 基本支出 + 项目支出", _row_sum(5, T5_KINDS)),
    Rule("T5_HIERARCHY", "error", "fct_expenditure", "sum",
         "Table 5, every column: 类 = sum of its 款, 款 = sum of its 项", _hierarchy(5, ("total", *T5_KINDS))),
    Rule("T5_TOTAL_SUM", "error", "fct_expenditure", "sum",
         "Table 5, every column: 合计 = the sum of the classes", _total_of_classes(5, ("total", *T5_KINDS))),
    # ---- Table 4 -------------------------------------------------------------------------
    Rule("T4_INCOME_SUM", "error", "fct_account_summary", "sum",
         "Table 4: 本年收入合计 = the sum of the three fiscal appropriations",
         cell_sum(Cells(4, "income", rows=("total_income",)), Cells(4, "income", rows=T1_FISCAL_LINES))),
    Rule("T4_EXPENDITURE_SUM", "error", "fct_account_summary", "sum",
         "Table 4, every column: 本年支出合计 = the sum of the function classes",
         _total_of_classes(4, ("total", *T4_FUNDS), "expenditure", "total_expenditure")),
    Rule("T4_ROW_SUM", "error", "fct_account_summary", "sum",
         "Table 4, every expenditure row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
         cell_sum(Cells(4, "expenditure", columns=("total",)), Cells(4, "expenditure", columns=T4_FUNDS),
                  "row_key", "row_key")),
    Rule("T4_INCOME_GRAND_TOTAL", "error", "fct_account_summary", "sum",
         "Table 4: 收入总计 = 本年收入合计 + 年初财政拨款结转和结余",
         cell_sum(Cells(4, "income", rows=("grand_total",)), Cells(4, "income", rows=("total_income", "carryover_begin")))),
    Rule("T4_EXPENDITURE_GRAND_TOTAL", "error", "fct_account_summary", "sum",
         "Table 4, every column: 支出总计 = 本年支出合计 + 年末财政拨款结转和结余",
         cell_sum(Cells(4, "expenditure", rows=("grand_total",), columns=("total", *T4_FUNDS)),
                  Cells(4, "expenditure", rows=("total_expenditure", "carryover_end"), columns=("total", *T4_FUNDS)),
                  "column_key", "column_key")),
    Rule("T4_BALANCE", "error", "fct_account_summary", "sum",
         "Table 4: 收入总计 = 支出总计",
         cell_sum(Cells(4, "expenditure", rows=("grand_total",), columns=("total",)),
                  Cells(4, "income", rows=("grand_total",)))),
    # ---- Tables 6 and 7 ------------------------------------------------------------------
    Rule("T6_CLASS_SUM", "error", "fct_basic_expenditure_economic", "sum",
         "Table 6: every economic class (301, 302, ...) = the sum of its items",
         cell_sum(Cells(6, row_regex=CLASS_ROWS), Cells(6, row_regex=r"^\d{5}$"), "row_key", "left(row_key, 3)")),
    Rule("T6_PERSONNEL_TOTAL", "error", "fct_basic_expenditure_economic", "sum",
         "Table 6: 人员经费合计 = 工资福利支出 (301) + 对个人和家庭的补助 (303)",
         cell_sum(Cells(6, rows=("personnel_total",)), Cells(6, rows=PERSONNEL_CLASSES))),
    Rule("T6_PUBLIC_TOTAL", "error", "fct_basic_expenditure_economic", "sum",
         "Table 6: 公用经费合计 = the other economic classes (商品和服务支出 302, 资本性支出 310, ...)",
         cell_sum(Cells(6, rows=("public_total",)), Cells(6, row_regex=CLASS_ROWS, exclude_rows=PERSONNEL_CLASSES))),
    Rule("T7_TOTAL_SUM", "error", "fct_three_public_expenses", "sum",
         "Table 7 (budget and actual): 合计 = 因公出国(境)费 + 公务用车购置及运行费小计 + 公务接待费",
         cell_sum(Cells(7, columns=("budget_total", "actual_total")),
                  Cells(7, columns=("budget_outbound", "budget_vehicle_subtotal", "budget_reception",
                                    "actual_outbound", "actual_vehicle_subtotal", "actual_reception")),
                  "left(column_key, 6)", "left(column_key, 6)")),
    Rule("T7_VEHICLE_SUM", "error", "fct_three_public_expenses", "sum",
         "Table 7 (budget and actual): 公务用车小计 = 购置费 + 运行费",
         cell_sum(Cells(7, columns=("budget_vehicle_subtotal", "actual_vehicle_subtotal")),
                  Cells(7, columns=("budget_vehicle_purchase", "budget_vehicle_operation",
                                    "actual_vehicle_purchase", "actual_vehicle_operation")),
                  "left(column_key, 6)", "left(column_key, 6)")),
    # ---- across tables -------------------------------------------------------------------
    Rule("X_T2_T1_INCOME", "error", "fct_income", "sum",
         "Table 2 合计 = Table 1 本年收入合计",
         cell_sum(Cells(2, rows=("total",), columns=("total",)), Cells(1, "income", rows=("total_income",)))),
    Rule("X_T2_T1_SOURCES", "error", "fct_income", "sum",
         "Table 2 合计 of each income source = the Table 1 income line(s) of that source",
         cell_sum(Cells(2, rows=("total",), columns=T2_SOURCES), Cells(1, "income", rows=tuple(T2_SOURCE_OF_T1_LINE)),
                  "column_key", case_map("row_key", T2_SOURCE_OF_T1_LINE))),
    Rule("X_T3_T1_TOTAL", "error", "fct_expenditure", "sum",
         "Table 3 合计 = Table 1 本年支出合计",
         cell_sum(Cells(3, rows=("total",), columns=("total",)), Cells(1, "expenditure", rows=("total_expenditure",)))),
    Rule("X_T3_T1_CLASS", "error", "fct_expenditure", "sum",
         "Table 3 class total = the same class in Table 1",
         cell_sum(Cells(3, row_regex=CLASS_ROWS, columns=("total",)), Cells(1, "expenditure", row_regex=CLASS_ROWS),
                  "row_key", "row_key")),
    Rule("X_T4_T1_FISCAL", "error", "fct_account_summary", "sum",
         "Table 4 fiscal income lines = the same lines of Table 1",
         cell_sum(Cells(4, "income", rows=T1_FISCAL_LINES), Cells(1, "income", rows=T1_FISCAL_LINES),
                  "row_key", "row_key")),
    Rule("X_T5_T4_CLASS", "error", "fct_expenditure", "sum",
         "Table 5 class total = the class's 一般公共预算财政拨款 column in Table 4",
         cell_sum(Cells(5, row_regex=CLASS_ROWS, columns=("total",)),
                  Cells(4, "expenditure", row_regex=CLASS_ROWS, columns=("general_budget",)), "row_key", "row_key")),
    Rule("X_T5_T4_TOTAL", "error", "fct_expenditure", "sum",
         "Table 5 合计 = Table 4 本年支出合计, 一般公共预算财政拨款 column",
         cell_sum(Cells(5, rows=("total",), columns=("total",)),
                  Cells(4, "expenditure", rows=("total_expenditure",), columns=("general_budget",)))),
    Rule("X_T6_T5_BASIC", "error", "fct_basic_expenditure_economic", "sum",
         "Table 6 人员经费合计 + 公用经费合计 = Table 5 合计 基本支出",
         cell_sum(Cells(5, rows=("total",), columns=("basic",)), Cells(6, rows=("personnel_total", "public_total")))),
    # ---- narrative against tables: amounts -----------------------------------------------
    Rule("N_TOTAL", "error", "fct_account_summary", "printed",
         "Narrative 收、支总计 = Table 1 总计",
         fact_vs("total_income_expenditure", (CellOp(Cells(1, "income", rows=("grand_total",))),))),
    Rule("N_INCOME_TOTAL", "error", "fct_account_summary", "printed",
         "Narrative 本年收入合计 = Table 1 本年收入合计",
         fact_vs("income_total", (CellOp(Cells(1, "income", rows=("total_income",))),))),
    Rule("N_INCOME_AMOUNT", "error", "fct_income", "printed",
         "Narrative income by source = Table 2 合计 of that source (a fund's own line: Table 1)",
         fact_vs("income_amount", INCOME_BY_SOURCE)),
    Rule("N_EXPENDITURE_TOTAL", "error", "fct_account_summary", "printed",
         "Narrative 本年支出合计 = Table 1 本年支出合计",
         fact_vs("expenditure_total", (CellOp(Cells(1, "expenditure", rows=("total_expenditure",))),))),
    Rule("N_EXPENDITURE_AMOUNT", "error", "fct_expenditure", "printed",
         "Narrative 基本支出 / 项目支出 = Table 3 合计 of that kind",
         fact_vs("expenditure_amount", (CellOp(Cells(3, rows=("total",), columns=T3_KINDS), "column_key"),))),
    Rule("N_FISCAL_TOTAL", "error", "fct_account_summary", "printed",
         "Narrative 财政拨款收、支总计 = Table 4 总计",
         fact_vs("fiscal_total", (CellOp(Cells(4, "income", rows=("grand_total",))),))),
    Rule("N_GPB_EXPENDITURE", "error", "fct_expenditure", "printed",
         "Narrative 一般公共预算财政拨款支出 = Table 5 合计",
         fact_vs("gpb_expenditure", (CellOp(Cells(5, rows=("total",), columns=("total",))),))),
    Rule("N_CLASS_AMOUNT", "error", "fct_expenditure", "printed",
         "Narrative expenditure of a function class = Table 5 class total",
         fact_vs("gpb_class_amount", (CellOp(Cells(5, row_regex=CLASS_ROWS, columns=("total",)), "row_key"),))),
    Rule("N_BUDGET_FINAL", "error", "fct_budget_execution", "printed",
         "Narrative 支出决算 of a subject (or the total) = Table 5 total of that subject",
         fact_vs("budget_final", (CellOp(Cells(5, row_regex=SUBJECT_ROWS, columns=("total",)), "row_key"),
                                  CellOp(Cells(5, rows=("total",), columns=("total",)), "'total'")))),
    Rule("N_BASIC_SPLIT", "error", "fct_basic_expenditure_economic", "printed",
         "Narrative 基本支出 / 人员经费 / 公用经费 = Table 5 基本支出 / Table 6 人员经费合计 / 公用经费合计",
         union(fact_vs("basic_total", (CellOp(Cells(5, rows=("total",), columns=("basic",))),)),
               fact_vs("basic_personnel", (CellOp(Cells(6, rows=("personnel_total",))),)),
               fact_vs("basic_public", (CellOp(Cells(6, rows=("public_total",))),)))),
    Rule("N_THREE_PUBLIC_ACTUAL", "error", "fct_three_public_expenses", "printed",
         "Narrative “三公” expenditure of an item = Table 7 决算数 of that item",
         fact_vs("three_public_actual", (CellOp(Cells(7, columns=tuple(T7_ACTUAL)), case_map("column_key", T7_ACTUAL)),))),
    Rule("N_THREE_PUBLIC_BUDGET", "error", "fct_three_public_expenses", "printed",
         "Narrative “三公” budget of an item = Table 7 预算数 of that item",
         fact_vs("three_public_budget", (CellOp(Cells(7, columns=tuple(T7_BUDGET)), case_map("column_key", T7_BUDGET)),))),
    Rule("N_ADMIN_COST", "warn", "fct_basic_expenditure_economic", "printed",
         "Narrative 机关运行经费 = Table 6 公用经费合计 (日常公用经费; a department may define it a little narrower)",
         fact_vs("admin_operating_cost", (CellOp(Cells(6, rows=("public_total",))),))),
    # ---- narrative: sums of stated parts -------------------------------------------------
    Rule("N_VEHICLE_OPERATION_PARTS", "error", "fct_three_public_expenses", "sum",
         "Narrative 燃料费 + 维修费 + 保险费 = 公务用车运行费",
         fact_sum((FactOp(("three_public_actual",), "vehicle_operation"),
                   CellOp(Cells(7, columns=("actual_vehicle_operation",)))),
                  ("vehicle_fuel", "vehicle_repair", "vehicle_insurance"), 2)),
    Rule("N_PROCUREMENT_SUM", "error", "fct_procurement", "sum",
         "Narrative 政府采购支出总额 = 货物 + 工程 + 服务",
         fact_sum((FactOp(("procurement_total",), "total"),), ("procurement_amount",), 2, PROCUREMENT_PARTS)),
    Rule("N_BUDGET_SUM", "error", "fct_budget_execution", "sum",
         "Narrative 年初预算 / 支出决算 of the total = the sum over the subjects the narrative lists (one level)",
         r"""
         WITH stated AS (SELECT * FROM dq_fact1 WHERE fact_key IN ('budget_initial', 'budget_final')),
         parts AS (
             SELECT * FROM stated WHERE regexp_full_match(subject, '\d{3}(\d{2}){0,2}')
             QUALIFY length(subject) = min(length(subject)) OVER (PARTITION BY document_id, fact_key)
         )
         SELECT t.document_id, sum(parts.value) AS expected, any_value(t.value) AS observed, count(*) AS n_terms,
                NULL::INTEGER AS decimals,
                'the sum of the ' || count(*) || ' subjects stated (' ||
                    string_agg(parts.short, ' + ' ORDER BY parts.line_start) || ')' AS expected_at,
                any_value(t.loc) AS observed_at
         FROM stated t JOIN parts ON parts.document_id = t.document_id AND parts.fact_key = t.fact_key
         WHERE t.subject = 'total'
         GROUP BY t.document_id, t.fact_key
         HAVING count(*) >= 2
         """),
    # ---- narrative: percentages ----------------------------------------------------------
    Rule("N_COMPLETION_RATE", "error", "fct_budget_execution", "percent",
         "Narrative 完成率 = 支出决算 / 年初预算 (the sentence's own amounts)",
         percent("budget_completion_pct", (FactOp(("budget_final",)),), (FactOp(("budget_initial",)),))),
    Rule("N_THREE_PUBLIC_COMPLETION", "error", "fct_three_public_expenses", "percent",
         "Narrative “三公” 完成预算 % = 决算 / 预算 (stated, else Table 7)",
         percent("three_public_completion_pct",
                 (FactOp(("three_public_actual",)), CellOp(Cells(7, columns=tuple(T7_ACTUAL)), case_map("column_key", T7_ACTUAL))),
                 (FactOp(("three_public_budget",)), CellOp(Cells(7, columns=tuple(T7_BUDGET)), case_map("column_key", T7_BUDGET))))),
    Rule("N_INCOME_SHARE", "error", "fct_income", "percent",
         "Narrative share of an income source = its amount / 本年收入合计",
         percent("income_share_pct",
                 (FactOp(("income_amount",)), *INCOME_BY_SOURCE),
                 (FactOp(("income_total",), "total"), CellOp(Cells(1, "income", rows=("total_income",)))))),
    Rule("N_EXPENDITURE_SHARE", "error", "fct_expenditure", "percent",
         "Narrative share of 基本支出 / 项目支出 = its amount / 本年支出合计",
         percent("expenditure_share_pct",
                 (FactOp(("expenditure_amount",)), CellOp(Cells(3, rows=("total",), columns=T3_KINDS), "column_key")),
                 (FactOp(("expenditure_total",), "total"), CellOp(Cells(1, "expenditure", rows=("total_expenditure",)))))),
    Rule("N_CLASS_SHARE", "error", "fct_expenditure", "percent",
         "Narrative share of a function class = its amount / 一般公共预算财政拨款支出",
         percent("gpb_class_share_pct",
                 (FactOp(("gpb_class_amount",)), CellOp(Cells(5, row_regex=CLASS_ROWS, columns=("total",)), "row_key")),
                 (FactOp(("gpb_expenditure",), "total"), CellOp(Cells(5, rows=("total",), columns=("total",)))))),
    Rule("N_GPB_SHARE", "error", "fct_expenditure", "percent",
         "Narrative share of 一般公共预算财政拨款支出 in 本年支出合计",
         percent("gpb_share_of_expenditure_pct",
                 (FactOp(("gpb_expenditure",), "total"), CellOp(Cells(5, rows=("total",), columns=("total",)))),
                 (FactOp(("expenditure_total",), "total"), CellOp(Cells(1, "expenditure", rows=("total_expenditure",)))))),
    Rule("N_PROCUREMENT_SME_SHARE", "error", "fct_procurement", "percent",
         "Narrative SME share = SME amount / procurement amount (total, or of goods / works / services)",
         percent("procurement_sme_share_pct", (FactOp(("procurement_sme_amount",)),),
                 (FactOp(("procurement_total", "procurement_amount")), FactSumOp(("procurement_amount",), PROCUREMENT_PARTS)))),
    Rule("N_PROCUREMENT_SMALL_MICRO_SHARE", "error", "fct_procurement", "percent",
         "Narrative small/micro share = small/micro amount / SME amount",
         percent("procurement_small_micro_share_pct", (FactOp(("procurement_small_micro_amount",), "total"),),
                 (FactOp(("procurement_sme_amount",), "total"),), subjects=("total",))),
    Rule("N_PROCUREMENT_SMALL_MICRO_SHARE_OF_TOTAL", "error", "fct_procurement", "percent",
         "Narrative small/micro share of the whole procurement = small/micro amount / procurement amount",
         percent("procurement_small_micro_share_pct", (FactOp(("procurement_small_micro_amount",), "total"),),
                 (FactOp(("procurement_total",), "total"), FactSumOp(("procurement_amount",), PROCUREMENT_PARTS)),
                 subjects=("procurement_total",))),
    Rule("N_PERF_FUNDS_SHARE", "error", "fct_expenditure", "percent",
         "Narrative performance-evaluated funds as a share of the 一般公共预算 project expenditure (Table 5 项目支出)",
         percent("perf_funds_share_pct", (FactOp(("perf_funds",), "total"),),
                 (CellOp(Cells(5, rows=("total",), columns=("project",))),))),
    Rule("N_PERF_PROJECT_COMPLETION", "error", "fct_budget_execution", "percent",
         "Narrative project 完成预算 % = 执行数 / 预算数",
         percent("perf_project_completion_pct", (FactOp(("perf_project_executed",)),),
                 (FactOp(("perf_project_budget",)),))),
    # ---- words against numbers -----------------------------------------------------------
    Rule("W_CHANGE_PCT", "error", "fct_account_summary", "percent",
         "A stated change % = the stated change / the prior-year value it implies (current -/+ change)",
         f"""
         WITH {_yoy_stated()}
         SELECT p.document_id, 100 * s.change / (s.current_value - s.change_sign * s.change) AS expected,
                p.value AS observed, NULL::INTEGER AS n_terms, p.decimals,
                '100 x ' || s.change_loc || ' / (' || s.current_loc || ' -/+ the change)' AS expected_at,
                p.loc AS observed_at
         FROM stated s JOIN dq_facts p ON p.document_id = s.document_id AND p.fact_key = s.pct AND p.subject = s.subject
         WHERE s.current_value - s.change_sign * s.change <> 0
         """),
    Rule("W_CHANGE_DIRECTION", "error", "fct_account_summary", "exact",
         "The direction word of a change % (增长/下降/持平) = the direction word of the change amount",
         f"""
         WITH {_yoy_stated()}
         SELECT p.document_id, s.change_sign AS expected, p.sign AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, s.change_loc AS expected_at, p.loc AS observed_at
         FROM stated s JOIN dq_facts p ON p.document_id = s.document_id AND p.fact_key = s.pct AND p.subject = s.subject
         WHERE p.sign IS NOT NULL
         """),
    Rule("W_BUDGET_WORD", "error", "fct_budget_execution", "exact",
         "决算数大于/小于/等于预算数: the word agrees with the two stated amounts (1 = larger, -1 = smaller, 0 = equal)",
         """
         WITH words AS (
             SELECT document_id, subject, loc, CASE WHEN qualifier = '大于' THEN 1 WHEN qualifier = '小于' THEN -1 ELSE 0 END AS word
             FROM dq_facts WHERE fact_key IN ('budget_initial', 'budget_final', 'budget_completion_pct')
               AND qualifier IN ('大于', '小于', '等于', '持平', '基本持平')
         )
         SELECT w.document_id, sign(f.value - i.value) AS expected, w.word AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, i.loc || ' and ' || f.loc AS expected_at, w.loc AS observed_at
         FROM words w
         JOIN dq_fact1 i ON i.document_id = w.document_id AND i.subject = w.subject AND i.fact_key = 'budget_initial'
         JOIN dq_fact1 f ON f.document_id = w.document_id AND f.subject = w.subject AND f.fact_key = 'budget_final'
         """),
    Rule("W_BUDGET_CHANGE", "error", "fct_three_public_expenses", "sum",
         "“三公” 比年初预算增加/减少 X = 决算 - 预算 of the item (stated, else Table 7)",
         f"""
         WITH chg AS (SELECT * FROM dq_facts WHERE fact_key = 'three_public_budget_change' AND sign IS NOT NULL),
         actual AS ({_item_value("actual")}), budget AS ({_item_value("budget")})
         SELECT c.document_id, a.value - b.value AS expected, c.sign * c.value AS observed, 2 AS n_terms,
                NULL::INTEGER AS decimals, a.loc || ' - ' || b.loc AS expected_at, c.loc AS observed_at
         FROM chg c JOIN actual a ON a.document_id = c.document_id AND a.k = c.subject
         JOIN budget b ON b.document_id = c.document_id AND b.k = c.subject
         """),
    # ---- across years --------------------------------------------------------------------
    Rule("Y_CARRYOVER_CHAIN", "error", "fct_account_summary", "sum",
         "Year N Table 1 年初结转和结余 = year N-1 Table 1 年末结转和结余 (same department)",
         f"""
         WITH cur AS (SELECT document_id, department_id, fiscal_year FROM {DIM_DOCUMENT} WHERE is_current),
         pairs AS (SELECT n.document_id, p.document_id AS prior_id, n.fiscal_year
                   FROM cur n JOIN cur p ON p.department_id = n.department_id AND p.fiscal_year = n.fiscal_year - 1),
         has_t1 AS (SELECT DISTINCT document_id FROM dq_cells WHERE table_no = 1),
         begin AS (SELECT * FROM dq_cells WHERE table_no = 1 AND section = 'income' AND row_key = 'carryover_begin'),
         ending AS (SELECT * FROM dq_cells WHERE table_no = 1 AND section = 'expenditure' AND row_key = 'carryover_end')
         SELECT pairs.document_id, coalesce(e.amount, 0) AS expected, coalesce(b.amount, 0) AS observed, 1 AS n_terms,
                NULL::INTEGER AS decimals,
                coalesce(e.loc, 'table 1 年末结转和结余 (not printed: 0)') || ' of the ' || (pairs.fiscal_year - 1)
                    || ' document ' || pairs.prior_id AS expected_at,
                coalesce(b.loc, 'table 1 年初结转和结余 (not printed: 0)') AS observed_at
         FROM pairs JOIN has_t1 h1 ON h1.document_id = pairs.document_id
         JOIN has_t1 h0 ON h0.document_id = pairs.prior_id
         LEFT JOIN begin b ON b.document_id = pairs.document_id
         LEFT JOIN ending e ON e.document_id = pairs.prior_id
         """,
         requires=(DIM_DOCUMENT,)),
    Rule("Y_PRIOR_AMOUNT", "error", "fct_account_summary", "sum",
         "The prior-year value a year-on-year statement implies (current -/+ change) = what year N-1's document stated",
         f"""
         WITH {_yoy_stated()},
         cur AS (SELECT document_id, department_id, fiscal_year FROM {DIM_DOCUMENT} WHERE is_current)
         SELECT s.document_id, prior.value AS expected, s.current_value - s.change_sign * s.change AS observed,
                2 AS n_terms, NULL::INTEGER AS decimals,
                prior.loc || ' of the ' || p.fiscal_year || ' document ' || p.document_id AS expected_at,
                s.current_loc || ' -/+ ' || s.change_loc AS observed_at
         FROM stated s JOIN cur n ON n.document_id = s.document_id
         JOIN cur p ON p.department_id = n.department_id AND p.fiscal_year = n.fiscal_year - 1
         JOIN dq_fact1 prior ON prior.document_id = p.document_id AND prior.fact_key = s.cur AND prior.subject = s.subject
         """,
         requires=(DIM_DOCUMENT,)),
    # ---- the department's identity -------------------------------------------------------
    Rule("D_NAME_MISPRINT", "warn", "dim_department", "exact",
         "A printed form of the department's name one character away from its usual form (a misprint, e.g. 侨口 for 硚口)",
         """
         WITH v AS (SELECT document_id, name, count(*) AS times, min(line_start) AS line, any_value(context) AS context
                    FROM raw.document_names JOIN dq_docs USING (document_id) GROUP BY document_id, name),
         odd AS (
             SELECT a.document_id, a.name, a.context, a.line, b.name AS usual, b.times AS usual_times
             FROM v a JOIN v b ON a.document_id = b.document_id AND a.name <> b.name
                 AND length(a.name) = length(b.name) AND hamming(a.name, b.name) = 1 AND b.times > a.times
             QUALIFY row_number() OVER (PARTITION BY a.document_id, a.name ORDER BY b.times DESC) = 1
         )
         SELECT d.document_id, 0 AS expected, count(odd.name) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals,
                coalesce('the usual form ' || any_value(odd.usual) || ' (printed ' || any_value(odd.usual_times) || ' times)',
                         'one form of the name') AS expected_at,
                coalesce(string_agg(odd.name || ' (' || odd.context || coalesce(', line ' || odd.line, '') || ')', '; '),
                         'no misprinted form') AS observed_at
         FROM dq_docs d LEFT JOIN odd USING (document_id)
         WHERE d.document_id IN (SELECT document_id FROM raw.document_names)
         GROUP BY d.document_id
         """),
    Rule("D_DEPARTMENT_RESOLVED", "error", "dim_department", "exact",
         "Every parsed document resolves to one department (whatever name variant it prints)",
         f"""
         SELECT d.document_id, 1 AS expected, count(m.department_id) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, 'one department in {DIM_DOCUMENT}' AS expected_at,
                'department of ' || any_value(coalesce(d.department_name, '?')) || ' (' || any_value(d.source_path) || ')'
                    AS observed_at
         FROM dq_docs d LEFT JOIN {DIM_DOCUMENT} m ON m.document_id = d.document_id AND m.department_id IS NOT NULL
         GROUP BY d.document_id
         """,
         requires=(DIM_DOCUMENT,)),
    # ---- completeness and template hygiene -----------------------------------------------
    Rule("C_TABLE_PRESENT", "error", "dim_document", "exact",
         "Each of the nine tables of the template is present (1 = present)",
         """
         SELECT d.document_id, 1 AS expected, CASE WHEN bool_or(t.present) THEN 1 ELSE 0 END AS observed,
                NULL::INTEGER AS n_terms, NULL::INTEGER AS decimals,
                'table ' || n.table_no || ' of the template' AS expected_at,
                coalesce('table ' || n.table_no || ' ' || any_value(t.title), 'table ' || n.table_no || ': no title found')
                    AS observed_at
         FROM dq_docs d JOIN raw.documents r ON r.document_id = d.document_id AND r.status = 'parsed'
         CROSS JOIN range(1, 10) n(table_no)
         LEFT JOIN raw.document_tables t ON t.document_id = d.document_id AND t.table_no = n.table_no
         GROUP BY d.document_id, n.table_no
         """),
    Rule("C_EMPTY_TABLE_NOTE", "warn", "dim_document", "exact",
         "A table printed without values carries a note that says so (本表无数据 / 没有…) (1 = values or a note)",
         """
         SELECT t.document_id, 1 AS expected,
                CASE WHEN t.declared_empty OR c.document_id IS NOT NULL THEN 1 ELSE 0 END AS observed,
                NULL::INTEGER AS n_terms, NULL::INTEGER AS decimals,
                'values or an empty-table note' AS expected_at,
                'table ' || t.table_no || ' ' || coalesce(t.title, '') || coalesce(', line ' || t.line_start, '')
                    || coalesce(', page ' || t.page, '') || CASE WHEN c.document_id IS NULL AND NOT t.declared_empty
                    THEN ': no values and no note' ELSE '' END AS observed_at
         FROM raw.document_tables t JOIN dq_docs USING (document_id)
         LEFT JOIN (SELECT DISTINCT document_id, table_no FROM raw.table_cells) c
             ON c.document_id = t.document_id AND c.table_no = t.table_no
         WHERE t.present
         """),
    Rule("C_EMPTY_TABLE_VS_NARRATIVE", "error", "dim_document", "exact",
         "A table printed empty (or declared empty) while the narrative states non-zero values of it",
         f"""
         WITH spec(table_no, fact_key) AS {_values([(str(t), k) for t, keys in TABLE_FACTS.items() for k in keys])},
         stated AS (SELECT f.document_id, spec.table_no::INTEGER AS table_no, f.value, f.loc
                    FROM dq_fact1 f JOIN spec USING (fact_key)),
         printed AS (SELECT document_id, table_no, sum(abs(amount)) AS amount  -- ambiguous cells are printed too
                     FROM raw.table_cells JOIN dq_docs USING (document_id) GROUP BY ALL)
         SELECT s.document_id, 0 AS expected, max(s.value) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals,
                'table ' || s.table_no || ' ' || coalesce(any_value(t.title), '') ||
                    CASE WHEN bool_or(t.declared_empty) THEN ' (declared empty: ' || coalesce(any_value(t.empty_note), '') || ')'
                         ELSE ' (no values printed)' END AS expected_at,
                arg_max(s.loc, s.value) AS observed_at
         FROM stated s JOIN raw.document_tables t ON t.document_id = s.document_id AND t.table_no = s.table_no
             AND t.present  -- a table that is not printed at all is C_TABLE_PRESENT's finding
         LEFT JOIN printed p ON p.document_id = s.document_id AND p.table_no = s.table_no
         WHERE coalesce(p.amount, 0) = 0
         GROUP BY s.document_id, s.table_no
         """),
    Rule("N_THREE_PUBLIC_UNPRINTED", "error", "fct_three_public_expenses", "exact",
         "A “三公” budget or actual amount the narrative states (non-zero) is printed in Table 7 "
         "(1 = printed; a Table 7 left entirely blank is C_EMPTY_TABLE_VS_NARRATIVE's finding)",
         f"""
         WITH spec(column_key, fact_key, subject) AS {_values(
             [(col, "three_public_budget", subject) for col, subject in T7_BUDGET.items()]
             + [(col, "three_public_actual", subject) for col, subject in T7_ACTUAL.items()])},
         stated AS (SELECT f.document_id, f.loc, spec.column_key FROM dq_fact1 f JOIN spec USING (fact_key, subject)
                    WHERE f.value <> 0),
         printed AS (SELECT document_id, coalesce(column_key, candidates) AS keys, amount  -- ambiguous cells too
                     FROM raw.table_cells WHERE table_no = 7),
         printing AS (SELECT document_id FROM printed GROUP BY document_id HAVING sum(abs(amount)) > 0)
         SELECT s.document_id, 1 AS expected, CASE WHEN count(p.keys) > 0 THEN 1 ELSE 0 END AS observed,
                NULL::INTEGER AS n_terms, NULL::INTEGER AS decimals,
                'table 7 column ' || s.column_key || CASE WHEN count(p.keys) = 0 THEN ' (not printed)' ELSE '' END
                    AS expected_at,
                any_value(s.loc) AS observed_at
         FROM stated s JOIN printing USING (document_id)
         LEFT JOIN printed p ON p.document_id = s.document_id
             AND list_contains(string_split(p.keys, ','), s.column_key)
         GROUP BY s.document_id, s.column_key
         """),
    Rule("C_PLACEHOLDER", "error", "dim_document", "exact",
         "No template placeholder (XX, ××, 某某, ○○) is left in the text: sentences, headings, table titles, "
         "column headers, row labels, names (count of texts holding one)",
         f"""
         WITH texts AS (
             SELECT document_id, sentence AS text, 'narrative' || {AT_LINE} AS place FROM raw.narrative_facts
             UNION ALL SELECT document_id, text, level || ' heading' || {AT_LINE} FROM raw.document_headings
             UNION ALL SELECT document_id, title, 'table ' || table_no || ' title' || {AT_LINE} FROM raw.document_tables
             UNION ALL SELECT document_id, column_label, 'table ' || table_no || ' column header' FROM raw.table_cells
             UNION ALL SELECT document_id, name, 'name (' || context || ')' || {AT_LINE} FROM raw.document_names
             UNION ALL SELECT document_id, row_label, 'table ' || table_no || ' row label' || {AT_LINE}
                    FROM raw.table_cells
         ),
         hits AS (SELECT DISTINCT document_id, text, place FROM texts WHERE regexp_matches(text, '{PLACEHOLDER_RE}'))
         SELECT d.document_id, 0 AS expected, count(hits.text) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, 'no placeholder' AS expected_at,
                coalesce(left(string_agg('«' || hits.text || '» (' || hits.place || ')', '; '), 500), 'no placeholder found')
                    AS observed_at
         FROM dq_docs d LEFT JOIN hits USING (document_id)
         GROUP BY d.document_id
         """),
    Rule("C_YEAR_MISMATCH", "error", "dim_document", "exact",
         "Every year in a table title, a part or section heading and a reporting date (截至 YYYY 年12月31日) "
         "is the fiscal year (count of places that print another year, each place once)",
         rf"""
         WITH texts AS (
             SELECT document_id, title AS text, 'table ' || table_no || ' title' || {AT_LINE} AS place,
                    regexp_extract_all(title, '{YEAR_RE}', 1) AS years
             FROM raw.document_tables
             UNION ALL
             SELECT document_id, text, level || ' heading' || {AT_LINE}, regexp_extract_all(text, '{YEAR_RE}', 1)
             FROM raw.document_headings WHERE level IN ('part', 'section')
             UNION ALL  -- a sentence once, however many facts it states
             SELECT document_id, sentence, arg_min('narrative' || {AT_LINE}, coalesce(page, 0) * 100000 + coalesce(line_start, 0)),
                    regexp_extract_all(sentence, '截[至止]\s*((?:19|20)\d{{2}})\s*年\s*12\s*月\s*31\s*日', 1)
             FROM raw.narrative_facts GROUP BY document_id, sentence
         ),
         wrong AS (SELECT t.document_id, t.text, t.place, string_agg(DISTINCT y.year, ', ') AS years
                   FROM texts t, unnest(t.years) AS y(year) JOIN dq_docs d ON d.document_id = t.document_id
                   WHERE y.year::INTEGER <> d.fiscal_year
                   GROUP BY t.document_id, t.text, t.place)
         SELECT d.document_id, 0 AS expected, count(wrong.text) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, 'the fiscal year ' || d.fiscal_year AS expected_at,
                coalesce(left(string_agg(wrong.years || ' in «' || wrong.text || '» (' || wrong.place || ')', '; '), 500),
                         'no other year') AS observed_at
         FROM dq_docs d LEFT JOIN wrong USING (document_id)
         WHERE d.fiscal_year IS NOT NULL
         GROUP BY d.document_id, d.fiscal_year
         """),
    Rule("C_HEADING_SEQUENCE", "warn", "dim_document", "exact",
         "Numbered headings read 1, 2, 3 … in each of their lists (part titles; sections 一、二、 and subsections "
         "(一)(二) restart after a part title or inside a deeper heading) in one numbering style "
         "(count of headings out of sequence)",
         f"""
         WITH numbered AS (
             SELECT h.*, '«' || h.text || '»' || {AT_LINE} AS place
             FROM raw.document_headings h JOIN dq_docs USING (document_id) WHERE h.number IS NOT NULL
         ),
         listed AS (
             SELECT *, lag(number) OVER w AS prev_number, lag(place) OVER w AS prev_place, first_value(level) OVER w AS list_level
             FROM numbered WINDOW w AS (PARTITION BY document_id, list_no ORDER BY heading_no)
         ),
         bad AS (
             SELECT document_id, heading_no, place || CASE
                 WHEN level <> list_level THEN ' is numbered as a ' || level || ' in a list of ' || list_level || 's'
                 WHEN prev_number IS NULL THEN ' starts its list at ' || number
                 ELSE ' follows ' || prev_place END AS what
             FROM listed WHERE level <> list_level OR number <> coalesce(prev_number, 0) + 1
         )
         SELECT h.document_id, 0 AS expected, count(bad.what) AS observed, NULL::INTEGER AS n_terms,
                NULL::INTEGER AS decimals, 'numbered headings 1, 2, 3 … in each list' AS expected_at,
                coalesce(left(string_agg(bad.what, '; ' ORDER BY bad.heading_no), 500), 'headings in order')
                    AS observed_at
         FROM (SELECT DISTINCT document_id FROM numbered) h LEFT JOIN bad USING (document_id)
         GROUP BY h.document_id
         """),
)

RULES_BY_ID = {rule.rule_id: rule for rule in RULES}
