"""Every rule fails on a document built to break it and holds on one whose numbers add up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from documents import NAME, fact, holding_document, set_cell, set_fact

from dagster_project.defs.ingest.loader import load_documents
from dagster_project.defs.quality.engine import run_rules
from dagster_project.defs.quality.rules import RULES, RULES_BY_ID, Rule
from dagster_project.parsing.model import NameVariant


def check(tmp_path: Path, docs, dim_document: list[tuple] | None = None):
    """Load `docs` into a fresh warehouse, optionally with marts.dim_document rows
    (document_id, department_id, fiscal_year, is_current), and run every rule."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    warehouse = tmp_path / "w.duckdb"
    load_documents(warehouse, docs, "load-1")
    con = duckdb.connect(str(warehouse))
    try:
        if dim_document is not None:
            con.execute("CREATE SCHEMA marts; CREATE TABLE marts.dim_document (document_id VARCHAR, "
                        "department_id VARCHAR, fiscal_year INTEGER, is_current BOOLEAN)")
            con.executemany("INSERT INTO marts.dim_document VALUES (?, ?, ?, ?)", dim_document)
        return run_rules(con, "run-1").comparisons
    finally:
        con.close()


def outcomes(comparisons, rule_id: str) -> set[tuple[str, str]]:
    rows = comparisons[comparisons["rule_id"] == rule_id]
    return set(zip(rows["outcome"], rows["severity"]))


def _misprint(doc):
    doc.name_variants.append(NameVariant(NAME.replace("湖", "胡"), "narrative", doc.name_variants[0].provenance))
    return doc


def _drop_table(doc, n):
    doc.tables = [replace(t, present=False) if t.table_no == n else t for t in doc.tables]
    doc.cells = [c for c in doc.cells if c.table_no != n]
    return doc


def _undeclared(doc, n):
    doc.tables = [replace(t, declared_empty=False, empty_note="") if t.table_no == n else t for t in doc.tables]
    return doc


def _retitle(doc, n, title):
    doc.tables = [replace(t, title=title) if t.table_no == n else t for t in doc.tables]
    return doc


def _placeholder(doc):
    doc.facts[0] = replace(doc.facts[0], sentence="XX 年度收、支总计 115.00 万元。")
    return doc


def _sections_swapped(doc):
    """Sections 一、 and 二、 printed in each other's place (二、收入决算 first)."""
    first, second = (i for i, h in enumerate(doc.headings) if h.level == "section" and h.number in (1, 2))
    a, b = doc.headings[first], doc.headings[second]
    doc.headings[first] = replace(b, provenance=a.provenance)
    doc.headings[second] = replace(a, provenance=b.provenance)
    return doc


BREAKS = {
    "T1_INCOME_SUM": lambda d: set_cell(d, 1, "other_income", "amount", "12.00"),
    "T1_EXPENDITURE_SUM": lambda d: set_cell(d, 1, "total_expenditure", "amount", "104.00"),
    "T1_INCOME_GRAND_TOTAL": lambda d: set_cell(d, 1, "carryover_begin", "amount", "6.00"),
    "T1_EXPENDITURE_GRAND_TOTAL": lambda d: set_cell(d, 1, "carryover_end", "amount", "11.00"),
    "T1_BALANCE": lambda d: set_cell(d, 1, "grand_total", "amount", "116.00", "expenditure"),
    "T2_ROW_SUM": lambda d: set_cell(d, 2, "2010101", "other", "9.00"),
    "T2_HIERARCHY": lambda d: set_cell(d, 2, "20101", "total", "86.00"),
    "T2_TOTAL_SUM": lambda d: set_cell(d, 2, "total", "other", "11.00"),
    "T3_ROW_SUM": lambda d: set_cell(d, 3, "2080505", "basic", "24.00"),
    "T3_HIERARCHY": lambda d: set_cell(d, 3, "208", "basic", "26.00"),
    "T3_TOTAL_SUM": lambda d: set_cell(d, 3, "total", "project", "36.00"),
    "T5_ROW_SUM": lambda d: set_cell(d, 5, "201", "project", "53.00"),
    "T5_HIERARCHY": lambda d: set_cell(d, 5, "2010101", "basic", "4.00"),
    "T5_TOTAL_SUM": lambda d: set_cell(d, 5, "total", "basic", "56.00"),
    "T4_INCOME_SUM": lambda d: set_cell(d, 4, "total_income", "amount", "101.00"),
    "T4_EXPENDITURE_SUM": lambda d: set_cell(d, 4, "208", "general_budget", "26.00"),
    "T4_ROW_SUM": lambda d: set_cell(d, 4, "201", "total", "76.00"),
    "T4_INCOME_GRAND_TOTAL": lambda d: set_cell(d, 4, "carryover_begin", "amount", "6.00"),
    "T4_EXPENDITURE_GRAND_TOTAL": lambda d: set_cell(d, 4, "carryover_end", "general_budget", "6.00"),
    "T4_BALANCE": lambda d: set_cell(d, 4, "grand_total", "amount", "104.00", "income"),
    "T6_CLASS_SUM": lambda d: set_cell(d, 6, "30101", "amount", "31.00"),
    "T6_PERSONNEL_TOTAL": lambda d: set_cell(d, 6, "personnel_total", "amount", "56.00"),
    "T6_PUBLIC_TOTAL": lambda d: set_cell(d, 6, "public_total", "amount", "11.00"),
    "T7_TOTAL_SUM": lambda d: set_cell(d, 7, "three_public", "actual_reception", "0.60"),
    "T7_VEHICLE_SUM": lambda d: set_cell(d, 7, "three_public", "budget_vehicle_operation", "3.00"),
    "X_T2_T1_INCOME": lambda d: set_cell(d, 2, "total", "total", "111.00"),
    "X_T2_T1_SOURCES": lambda d: set_cell(d, 1, "other_income", "amount", "11.00"),
    "X_T3_T1_TOTAL": lambda d: set_cell(d, 3, "total", "total", "106.00"),
    "X_T3_T1_CLASS": lambda d: set_cell(d, 1, "208", "amount", "25.01"),  # one cent off is not rounding
    "X_T4_T1_FISCAL": lambda d: set_cell(d, 4, "general_budget_appropriation", "amount", "99.00"),
    "X_T5_T4_CLASS": lambda d: set_cell(d, 4, "208", "general_budget", "25.01"),
    "X_T5_T4_TOTAL": lambda d: set_cell(d, 4, "total_expenditure", "general_budget", "99.00"),
    "X_T6_T5_BASIC": lambda d: set_cell(d, 5, "total", "basic", "66.00"),
    "N_TOTAL": lambda d: set_fact(d, "total_income_expenditure", "total", "0.3"),
    "N_INCOME_TOTAL": lambda d: set_fact(d, "income_total", "total", "101.10"),
    "N_INCOME_AMOUNT": lambda d: set_fact(d, "income_amount", "other", "1.00"),
    "N_EXPENDITURE_TOTAL": lambda d: set_fact(d, "expenditure_total", "total", "150.00"),
    "N_EXPENDITURE_AMOUNT": lambda d: set_fact(d, "expenditure_amount", "basic", "70.70"),
    "N_FISCAL_TOTAL": lambda d: set_fact(d, "fiscal_total", "total", "0.3"),
    "N_GPB_EXPENDITURE": lambda d: set_fact(d, "gpb_expenditure", "total", "1,000.00"),
    "N_CLASS_AMOUNT": lambda d: set_fact(d, "gpb_class_amount", "201", "57.00"),  # transposed digits
    "N_BUDGET_FINAL": lambda d: set_fact(d, "budget_final", "201", "57.00"),
    "N_BASIC_SPLIT": lambda d: set_fact(d, "basic_public", "total", "10.01"),
    "N_THREE_PUBLIC_ACTUAL": lambda d: set_fact(d, "three_public_actual", "official_reception", "0.05"),
    "N_THREE_PUBLIC_BUDGET": lambda d: set_fact(d, "three_public_budget", "total", "6.50"),
    "N_VEHICLE_OPERATION_PARTS": lambda d: set_fact(d, "vehicle_fuel", "vehicle_operation", "2.20"),
    "N_PROCUREMENT_SUM": lambda d: set_fact(d, "procurement_amount", "services", "11.00"),
    "N_BUDGET_SUM": lambda d: set_fact(d, "budget_initial", "208", "40.00"),
    "N_COMPLETION_RATE": lambda d: set_fact(d, "budget_completion_pct", "201", "100.0%"),
    "N_THREE_PUBLIC_COMPLETION": lambda d: set_fact(d, "three_public_completion_pct", "official_reception", "52.0%"),
    "N_INCOME_SHARE": lambda d: set_fact(d, "income_share_pct", "other", "9.10%"),
    "N_EXPENDITURE_SHARE": lambda d: set_fact(d, "expenditure_share_pct", "basic", "67.67%"),
    "N_CLASS_SHARE": lambda d: set_fact(d, "gpb_class_share_pct", "201", "57.0%"),
    "N_GPB_SHARE": lambda d: set_fact(d, "gpb_share_of_expenditure_pct", "total", "100.00%"),
    "N_PROCUREMENT_SME_SHARE": lambda d: set_fact(d, "procurement_sme_share_pct", "total", "99.0%"),
    "N_PROCUREMENT_SMALL_MICRO_SHARE": lambda d: set_fact(d, "procurement_small_micro_share_pct", "total", "3.3%"),
    "N_PROCUREMENT_SMALL_MICRO_SHARE_OF_TOTAL": lambda d: set_fact(d, "procurement_small_micro_share_pct",
                                                                   "procurement_total", "33.3%"),
    "N_PERF_FUNDS_SHARE": lambda d: set_fact(d, "perf_funds", "total", "100.00"),
    "N_PERF_PROJECT_COMPLETION": lambda d: set_fact(d, "perf_project_completion_pct", "办公经费", "100.0%"),
    "W_CHANGE_PCT": lambda d: set_fact(d, "total_yoy_change_pct", "total", "13.0%"),
    "W_CHANGE_DIRECTION": lambda d: set_fact(d, "admin_operating_cost_yoy_change_pct", "total", qualifier="增长"),
    "W_BUDGET_WORD": lambda d: set_fact(d, "budget_final", "201", qualifier="大于"),
    "W_BUDGET_CHANGE": lambda d: set_fact(d, "three_public_budget_change", "official_reception", qualifier="增加"),
    "D_NAME_MISPRINT": _misprint,
    "C_TABLE_PRESENT": lambda d: _drop_table(d, 6),
    "C_EMPTY_TABLE_NOTE": lambda d: _undeclared(d, 9),
    "C_EMPTY_TABLE_VS_NARRATIVE": lambda d: set_fact(d, "gov_fund_income", "total", "12.00"),
    "C_PLACEHOLDER": _placeholder,
    "C_YEAR_MISMATCH": lambda d: _retitle(d, 3, "2022 年度支出决算表（表 3）"),
    "C_HEADING_SEQUENCE": _sections_swapped,
    "N_THREE_PUBLIC_UNPRINTED": lambda d: set_cell(d, 7, "three_public", "budget_total", None),
}
WARNINGS = {"N_ADMIN_COST": lambda d: set_fact(d, "admin_operating_cost", "total", "9.99")}


ALL_BREAKS = {**BREAKS, **WARNINGS}


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    """One warehouse holding the document that holds and one broken copy per rule (each its own
    department), checked in one run: the rules are set-based, so this is what production does."""
    docs = [holding_document()] + [rule_break(holding_document(f"break-{rule_id}"))
                                   for rule_id, rule_break in ALL_BREAKS.items()]
    rows = [(d.document_id, f"dept-{d.document_id}", 2023, True) for d in docs]
    return check(tmp_path_factory.mktemp("one-run"), docs, rows)


def of_document(comparisons, document_id: str):
    return comparisons[comparisons["document_id"] == document_id]


def test_every_rule_holds_on_a_document_whose_numbers_add_up(one_run):
    holds = of_document(one_run, "doc-holds")
    assert holds["outcome"].eq("passed").all(), holds[holds["outcome"] != "passed"]["message"].tolist()
    cross_year = {"Y_CARRYOVER_CHAIN", "Y_PRIOR_AMOUNT"}  # need a second year: tested below
    assert {r.rule_id for r in RULES} - cross_year <= set(holds["rule_id"])


@pytest.mark.parametrize("rule_id", sorted(ALL_BREAKS))
def test_a_rule_fails_on_a_document_built_to_break_it(one_run, rule_id):
    comparisons = of_document(one_run, f"break-{rule_id}")
    assert ("failed", RULES_BY_ID[rule_id].severity) in outcomes(comparisons, rule_id)
    failed = comparisons[(comparisons["rule_id"] == rule_id) & (comparisons["outcome"] == "failed")]
    assert failed["message"].str.contains(rule_id).all()


def test_every_single_document_rule_has_a_breaking_document():
    cross_document = {"Y_CARRYOVER_CHAIN", "Y_PRIOR_AMOUNT", "D_DEPARTMENT_RESOLVED"}
    assert {r.rule_id for r in RULES} - cross_document == set(BREAKS) | set(WARNINGS)


def test_a_document_that_resolves_to_no_department_fails(tmp_path):
    doc = holding_document()
    comparisons = check(tmp_path, [doc], [(doc.document_id, None, 2023, True)])
    assert outcomes(comparisons, "D_DEPARTMENT_RESOLVED") == {("failed", "error")}


def _prior_year(printed_carryover_end: str, **facts: str):
    prior = holding_document("doc-2022", 2022)
    set_cell(prior, 1, "carryover_end", "amount", printed_carryover_end)
    for key, printed in facts.items():
        set_fact(prior, key, "total", printed)
    return prior


def _two_years(tmp_path, prior):
    current = holding_document("doc-2023", 2023)
    rows = [("doc-2023", "dept-1", 2023, True), ("doc-2022", "dept-1", 2022, True)]
    return check(tmp_path, [current, prior], rows)


def test_carryover_chain_across_years(tmp_path):
    # the 2023 document begins with 5.00; the 2022 one ended with 10.00
    broken = _two_years(tmp_path / "a", _prior_year("10.00"))
    held = _two_years(tmp_path / "b", _prior_year("5.00"))
    assert outcomes(broken, "Y_CARRYOVER_CHAIN") == {("failed", "error")}
    assert outcomes(held, "Y_CARRYOVER_CHAIN") == {("passed", "error")}


def test_prior_year_figures_stated_in_year_n_match_year_n_minus_1(tmp_path):
    # 2023 states: total 115.00 (+15.00), gpb 100.00 (-20.00), 三公 4.50 (+0.50), 机关运行经费 10.00 (-1.00)
    held = _two_years(tmp_path / "a", _prior_year("5.00", total_income_expenditure="100.00",
                                                  gpb_expenditure="120.00", three_public_actual="4.00",
                                                  admin_operating_cost="11.00"))
    broken = _two_years(tmp_path / "b", _prior_year("5.00", total_income_expenditure="101.00",
                                                    gpb_expenditure="120.00", three_public_actual="4.00",
                                                    admin_operating_cost="11.00"))
    assert outcomes(held, "Y_PRIOR_AMOUNT") == {("passed", "error")}
    assert ("failed", "error") in outcomes(broken, "Y_PRIOR_AMOUNT")


def test_a_sum_within_n_times_half_a_cent_is_a_rounding_note_and_beyond_it_an_error(tmp_path):
    # T1: 80.01 + 25.00 against 105.00: 2 terms, band 0.01 -> a note; T6 301: 30.02 + 20.00 against 50.00 -> error
    doc = set_cell(set_cell(holding_document(), 1, "201", "amount", "80.01"), 6, "30101", "amount", "30.02")
    comparisons = check(tmp_path, [doc])
    assert outcomes(comparisons, "T1_EXPENDITURE_SUM") == {("note", "info")}
    assert ("failed", "error") in outcomes(comparisons, "T6_CLASS_SUM")
    note = comparisons[comparisons["rule_id"] == "T1_EXPENDITURE_SUM"].iloc[0]
    assert not note["passed"] and note["difference"] == pytest.approx(-0.01)


def literal_rule(model: str, expected: str, observed: str, n_terms: int | None, decimals: int | None) -> Rule:
    n, k = ("NULL" if v is None else v for v in (n_terms, decimals))
    return Rule("LITERAL", "error", "fct_expenditure", model, "a literal comparison",
                f"SELECT 'd' AS document_id, {expected} AS expected, {observed} AS observed, {n} AS n_terms, "
                f"{k} AS decimals, 'here' AS expected_at, 'there' AS observed_at")


@pytest.mark.parametrize(("model", "expected", "observed", "n_terms", "decimals", "outcome"), [
    ("sum", "571.32", "571.31", 4, None, "note"),  # Wuhan class budgets: 4 terms, band 0.02
    ("sum", "171.09", "171.07", 12, None, "note"),  # Shanghai T6 302: 12 items, band 0.06
    ("sum", "326.72", "326.71", 1, None, "failed"),  # the same class printed twice, one cent apart
    ("sum", "820.18", "820.18", 3, None, "passed"),
    ("printed", "42.39", "42.4", None, 1, "note"),  # restated with one decimal
    ("printed", "1407.17", "1407.71", None, 2, "failed"),
    ("printed", "2961.68", "0.3", None, 1, "failed"),
    ("percent", "70.3333", "70.33", None, 2, "passed"),  # +-0.005
    ("percent", "71.6539", "71.73", None, 2, "failed"),
    ("percent", "100.38", "100", None, 0, "passed"),  # +-0.5
    ("percent", "100.07", "100.0", None, 1, "failed"),  # +-0.05
    ("percent", "352.39", "100.0", None, 1, "failed"),
    ("exact", "0", "1", None, None, "failed"),
])
def test_the_rounding_model(model, expected, observed, n_terms, decimals, outcome):
    con = duckdb.connect()
    try:
        result = run_rules(con, "run-1", [literal_rule(model, expected, observed, n_terms, decimals)]).comparisons
    finally:
        con.close()
    assert result["outcome"].tolist() == [outcome]
    assert result["severity"].tolist() == ["info" if outcome == "note" else "error"]
    assert result["passed"].tolist() == [outcome == "passed"]


def test_every_run_appends_its_results_to_dq_results(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    load_documents(warehouse, [holding_document()], "load-1")
    con = duckdb.connect(str(warehouse))
    try:
        first = len(run_rules(con, "run-1").comparisons)
        run_rules(con, "run-2")
        rows = con.execute("SELECT run_id, count(*), count(DISTINCT rule_id), bool_and(message IS NOT NULL) "
                           "FROM dq.dq_results GROUP BY run_id ORDER BY run_id").fetchall()
    finally:
        con.close()
    assert [r[0] for r in rows] == ["run-1", "run-2"]
    assert rows[0][1] == rows[1][1] == first
    assert all(r[3] for r in rows)


def test_a_misstated_narrative_total_is_reported_once_not_again_by_the_shares_computed_from_it(tmp_path):
    # income_total restated 101.10 (Table 1: 110.00): 财政拨款 90.91% and 其他 9.09% still agree with the tables;
    # 政府采购 total restated 33.00 (parts 20.00 + 0 + 10.00): the SME share 90.0% agrees with 27.00 / 30.00
    doc = set_fact(set_fact(holding_document(), "income_total", "total", "101.10"), "procurement_total", "total", "33.00")
    comparisons = check(tmp_path, [doc])
    assert outcomes(comparisons, "N_INCOME_TOTAL") == {("failed", "error")}
    assert outcomes(comparisons, "N_INCOME_SHARE") == {("passed", "error")}
    assert ("failed", "error") in outcomes(comparisons, "N_PROCUREMENT_SUM")
    assert outcomes(comparisons, "N_PROCUREMENT_SME_SHARE") == {("passed", "error")}


def test_a_table_not_printed_at_all_is_reported_missing_not_empty(tmp_path):
    # Table 7 left out while the narrative states 三公 expenditure: C_TABLE_PRESENT, not C_EMPTY_TABLE_VS_NARRATIVE
    comparisons = check(tmp_path, [_drop_table(holding_document(), 7)])
    assert ("failed", "error") in outcomes(comparisons, "C_TABLE_PRESENT")
    assert ("failed", "error") not in outcomes(comparisons, "C_EMPTY_TABLE_VS_NARRATIVE")


def test_a_funds_own_income_line_stated_in_the_narrative_is_checked_against_table_1(tmp_path):
    # '一般公共预算财政拨款收入 100.00 万元，占 90.91%' (Table 1 prints 100.00 on that line; Table 2 has
    # no column of its own for it), once as printed and once misstated as 90.00
    def stating(amount: str) -> object:
        doc = holding_document(document_id=f"doc-{amount}")
        sentence = f"一般公共预算财政拨款收入 {amount} 万元，占 90.91%。"
        doc.facts += [fact(2, "income_amount", "general_budget_appropriation", amount, "", sentence, line=2990),
                      fact(2, "income_share_pct", "general_budget_appropriation", "90.91%", "", sentence, line=2990)]
        return doc

    comparisons = check(tmp_path, [stating("100.00"), stating("90.00")])
    amount = comparisons[comparisons["rule_id"] == "N_INCOME_AMOUNT"]
    of_line = amount[amount["observed_at"].str.contains("general_budget_appropriation")]
    assert sorted(zip(of_line["document_id"], of_line["outcome"], of_line["expected_value"])) == [
        ("doc-100.00", "passed", 100.0), ("doc-90.00", "failed", 100.0)]
    assert of_line["expected_at"].str.startswith("table 1 income row general_budget_appropriation").all()
    assert set(amount[amount["document_id"] == "doc-100.00"]["outcome"]) == {"passed"}
    share = comparisons[(comparisons["rule_id"] == "N_INCOME_SHARE") & (comparisons["document_id"] == "doc-100.00")]
    assert set(share["outcome"]) == {"passed"}
