"""The dbt project on raw rows typed by hand from the documents, loaded by the real loader.

Independent of the parsers: the ParsedDocument objects below hold values read off the 2021 Wuhan
(Qiaokou party committee office) and 2024 Shanghai (Putuo finance bureau) documents, so these tests
pin the warehouse's own rules (grain, conformance, supersession, incremental by document)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from dagster_project.defs.ingest.loader import FileInfo, ensure_schema, write_documents
from dagster_project.parsing.model import Cell, Fact, NameVariant, ParsedDocument, Provenance, TableInfo

REPO = Path(__file__).resolve().parents[2]
DBT_DIR = REPO / "dbt"
HERE = Provenance(None, None)

WUHAN_OFFICE = "中国共产党武汉市硚口区委员会办公室"


def cell(table_no, row_key, column_key, value, section="", certain=True, candidates=(), label=""):
    code = row_key if row_key.isdigit() else None
    return Cell(table_no, section, row_key, code, label, column_key if certain else None, "",
                Decimal(value), value, certain, HERE, tuple(candidates))


def row(table_no, code, label, columns, values):
    """One printed row of a subject table: values in the order of `columns`, None = blank."""
    return [cell(table_no, code, col, v, label=label) for col, v in zip(columns, values, strict=True) if v is not None]


def fact(fact_key, subject, value, unit="万元"):
    return Fact("", fact_key, subject, Decimal(value), unit, value, "", HERE)


def document(document_id, name, region, year, cells=(), facts=(), variants=(), source_path=None):
    return ParsedDocument(
        document_id=document_id,
        source_path=source_path or f"{document_id}.txt",
        source_format="text",
        status="parsed",
        department_name=name,
        region=region,
        fiscal_year=year,
        unit="万元",
        name_variants=[NameVariant(name, "title", HERE), *(NameVariant(v, c, HERE) for v, c in variants)],
        tables=[TableInfo(n, "", "万元", True, False, "", HERE) for n in range(1, 10)],
        cells=list(cells),
        facts=list(facts),
    )


# --- 2021 Wuhan, 中国共产党武汉市硚口区委员会办公室 (typed from the reference extract) ---
T2 = ("total", "fiscal_appropriation")
T3 = ("total", "basic", "project")
WUHAN_T3_ROWS = [
    ("total", "合计", "1568.88", "497.35", "1071.53"),
    ("201", "一般公共服务支出", "1407.17", "335.64", "1071.53"),
    ("20131", "党委办公厅（室）及相关机构事务", "1407.17", "335.64", "1071.53"),
    ("2013101", "行政运行", "335.64", "335.64", "0"),
    ("2013102", "一般行政管理事务", "1071.53", "0", "1071.53"),
    ("208", "社会保障和就业支出", "64.64", "64.64", None),
    ("20805", "行政事业单位养老支出", "64.64", "64.64", None),
    ("2080501", "行政单位离退休", "32.72", "32.72", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "31.92", "31.92", None),
    ("210", "卫生健康支出", "42.39", "42.39", None),
    ("21011", "行政事业单位医疗", "42.39", "42.39", None),
    ("2101101", "行政单位医疗", "13.09", "13.09", None),
    ("2101103", "公务员医疗补助", "29.3", "29.3", None),
    ("221", "住房保障支出", "54.68", "54.68", None),
    ("22102", "住房改革支出", "54.68", "54.68", None),
    ("2210201", "住房公积金", "44.48", "44.48", None),
    ("2210202", "提租补贴", "10.2", "10.2", None),
]
WUHAN_T6 = {  # section -> (code, amount)
    "personnel": [("301", "401.88"), ("30101", "77.58"), ("30102", "95.91"), ("30103", "94.67"), ("30106", "0"),
                  ("30107", "0"), ("30108", "29.40"), ("30109", "2.52"), ("30110", "13.09"), ("30111", "27.67"),
                  ("30112", "1.53"), ("30113", "49.07"), ("30114", "0"), ("30199", "10.44"), ("303", "43.68"),
                  ("30301", "18.91"), ("30302", "23.14"), ("30303", "0"), ("30307", "1.63"), ("30399", "0")],
    "public": [("302", "51.79"), ("30201", "4.29"), ("30202", "3.07"), ("30205", "0.41"), ("30206", "3.67"),
               ("30209", "0.49"), ("30211", "0.31"), ("30213", "0.03"), ("30214", "0.08"), ("30226", "3.3"),
               ("30227", "4.57"), ("30228", "1.48"), ("30229", "9.23"), ("30231", "2.11"), ("30239", "16.83"),
               ("30299", "1.92")],
    "capital": [("310", "0"), ("31002", "0"), ("31099", "0")],
}
WUHAN_T7 = {"budget_total": "4.96", "budget_outbound": "0", "budget_vehicle_subtotal": "3",
            "budget_vehicle_purchase": "0", "budget_vehicle_operation": "3", "budget_reception": "1.96",
            "actual_total": "2.19", "actual_outbound": "0", "actual_vehicle_subtotal": "2.11",
            "actual_vehicle_purchase": "0", "actual_vehicle_operation": "2.11", "actual_reception": "0.08"}


def wuhan_2021(document_id="a1a1a1a1a1a1a1a1") -> ParsedDocument:
    cells = [
        cell(1, "general_budget_appropriation", "amount", "1568.88", "income"),
        cell(1, "total_income", "amount", "1568.88", "income"),
        cell(1, "grand_total", "amount", "1568.88", "income"),
        cell(1, "201", "amount", "1407.17", "expenditure"),
        cell(1, "208", "amount", "64.64", "expenditure"),
        cell(1, "210", "amount", "42.39", "expenditure"),
        cell(1, "221", "amount", "54.68", "expenditure"),
        cell(1, "total_expenditure", "amount", "1568.88", "expenditure"),
        cell(1, "grand_total", "amount", "1568.88", "expenditure"),
    ]
    for code, label, total, basic, project in WUHAN_T3_ROWS:
        cells += row(3, code, label, T3, (total, basic, project)) + row(5, code, label, T3, (total, basic, project))
        if code != "2210202":
            cells += row(2, code, label, T2, (total, total))
    # the parser could not tell which income column 10.2 of 提租补贴 sits in
    cells += [cell(2, "2210202", "total", "10.2", label="提租补贴"),
              cell(2, "2210202", None, "10.2", certain=False, candidates=("fiscal_appropriation", "superior_subsidy"),
                   label="提租补贴")]
    cells += [cell(6, code, "amount", v, section) for section, items in WUHAN_T6.items() for code, v in items]
    cells += [cell(6, "personnel_total", "amount", "445.56", "personnel"),
              cell(6, "public_total", "amount", "51.79", "public")]
    cells += [cell(7, "three_public", key, v) for key, v in WUHAN_T7.items()]
    facts = [
        fact("budget_initial", "total", "571.31"), fact("budget_final", "total", "1568.88"),
        fact("budget_completion_pct", "total", "274.6", "%"),
        fact("budget_initial", "201", "399.47"), fact("budget_final", "201", "1407.71"),
        fact("budget_completion_pct", "201", "100.0", "%"),
        fact("budget_initial", "208", "64.7"), fact("budget_final", "208", "64.64"),
        fact("budget_completion_pct", "208", "99.9", "%"),
        fact("budget_initial", "210", "52.47"), fact("budget_final", "210", "42.39"),
        fact("budget_completion_pct", "210", "80.8", "%"),
        fact("budget_initial", "221", "54.68"), fact("budget_final", "221", "54.68"),
        fact("budget_completion_pct", "221", "100.0", "%"),
        fact("procurement_total", "total", "820.17"), fact("procurement_amount", "goods", "799.03"),
        fact("procurement_amount", "works", "0"), fact("procurement_amount", "services", "21.15"),
        fact("procurement_sme_amount", "total", "818.52"), fact("procurement_sme_share_pct", "total", "99.8", "%"),
        fact("procurement_small_micro_amount", "total", "8.36"),
    ]
    variants = [("中共武汉市硚口区委办公室", "table_header"), ("中共武汉市侨口区委办公室", "narrative"),
                ("中共硚口区委办公室", "form")]
    return document(document_id, WUHAN_OFFICE, "武汉市硚口区", 2021, cells, facts, variants)


# --- 2024 Shanghai, 上海市普陀区财政局 (typed from the pdftotext extract) ---
SHANGHAI_T3_ROWS = [
    ("total", "合计", "2940.05", "2336.91", "603.14"),
    ("201", "一般公共服务支出", "2106.66", "1503.52", "603.14"),
    ("20106", "财政事务", "2106.66", "1503.52", "603.14"),
    ("2010601", "行政运行", "1511.89", "1503.52", "8.37"),
    ("2010602", "一般行政管理事务", "10.00", None, "10.00"),
    ("2010607", "信息化建设", "135.25", None, "135.25"),
    ("2010608", "财政委托业务支出", "449.52", None, "449.52"),
    ("208", "社会保障和就业支出", "326.72", "326.72", None),
    ("20805", "行政事业单位养老支出", "326.72", "326.72", None),
    ("2080501", "行政单位离退休", "84.65", "84.65", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "160.75", "160.75", None),
    ("2080506", "机关事业单位职业年金缴费支出", "80.38", "80.38", None),
    ("2080599", "其他行政事业单位养老支出", "0.94", "0.94", None),
    ("210", "卫生健康支出", "60.99", "60.99", None),
    ("21011", "行政事业单位医疗", "60.99", "60.99", None),
    ("2101101", "行政单位医疗", "60.99", "60.99", None),
    ("221", "住房保障支出", "445.69", "445.69", None),
    ("22102", "住房改革支出", "445.69", "445.69", None),
    ("2210201", "住房公积金", "187.19", "187.19", None),
    ("2210203", "购房补贴", "258.50", "258.50", None),
]


def shanghai_2024(document_id="b2b2b2b2b2b2b2b2") -> ParsedDocument:
    cells = [
        cell(1, "general_budget_appropriation", "amount", "2940.05", "income"),
        cell(1, "other_income", "amount", "6.20", "income"),
        cell(1, "total_income", "amount", "2946.25", "income"),
        cell(1, "carryover_begin", "amount", "49.14", "income"),
        cell(1, "grand_total", "amount", "2995.39", "income"),
        cell(1, "total_expenditure", "amount", "2940.05", "expenditure"),
        cell(1, "carryover_end", "amount", "55.34", "expenditure"),
        cell(1, "grand_total", "amount", "2995.39", "expenditure"),
    ]
    for code, label, *values in SHANGHAI_T3_ROWS:
        cells += row(3, code, label, T3, values)
    per_item = [("2010601", "1560.05", "1511.89"), ("2010602", "10.00", "10.00"), ("2010607", "135.90", "135.25"),
                ("2010608", "450.52", "449.52"), ("2080501", "85.55", "84.65"), ("2080505", "161.62", "160.75"),
                ("2080506", "80.81", "80.38"), ("2080599", "0.94", "0.94"), ("2101101", "62.29", "60.99"),
                ("2210201", "187.75", "187.19"), ("2210203", "258.50", "258.50")]
    facts = [f for code, initial, final in per_item
             for f in (fact("budget_initial", code, initial), fact("budget_final", code, final))]
    facts += [fact("procurement_total", "total", "251.25"), fact("procurement_amount", "goods", "4.79"),
              fact("procurement_amount", "works", "0"), fact("procurement_amount", "services", "246.47"),
              fact("procurement_sme_reserved_amount", "total", "246.47"),
              fact("procurement_sme_awarded_reserved", "total", "246.47"),
              fact("procurement_small_micro_awarded_reserved", "total", "0"),
              fact("procurement_sme_awarded_other", "total", "4.79")]
    return document(document_id, "上海市普陀区财政局", "上海市普陀区", 2024, cells, facts)


def load(warehouse: Path, docs: list[ParsedDocument], now: datetime, files: dict[str, FileInfo] | None = None) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        ensure_schema(con)
        write_documents(con, docs, run_id=now.isoformat(), files=files, now=now)
    finally:
        con.close()


def dbt_build(warehouse: Path) -> None:
    """`dbt build` in a subprocess (dbt-duckdb keeps its connection open in-process), with its
    target and logs beside the warehouse so the project's own dbt/target is left alone."""
    dbt = Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [str(dbt), "build", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
         "--target-path", str(warehouse.parent / "dbt-target"), "--log-path", str(warehouse.parent / "dbt-logs")],
        env={**os.environ, "FDW_WAREHOUSE": str(warehouse)}, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and "WARN=0 ERROR=0" in result.stdout, result.stdout[-4000:]


def rows(warehouse: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


FACT_TABLES = ("fct_expenditure", "fct_income", "fct_basic_expenditure_economic", "fct_three_public_expenses",
               "fct_procurement", "fct_budget_execution", "fct_account_summary")
WUHAN, SHANGHAI, SHANGHAI_CORRECTED = "a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "b3b3b3b3b3b3b3b3"
NIGHT_1, NIGHT_2 = datetime(2025, 3, 1, 2, 0), datetime(2025, 3, 2, 2, 0)


def name_only(document_id, name, region, year):
    """A document of which only the title matters (department conformance)."""
    return document(document_id, name, region, year)


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    return {t: sorted(rows(warehouse, f"select * from marts.{t}"), key=repr) for t in FACT_TABLES}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Night 1: the Wuhan document. Night 2: the Shanghai document, its corrected re-publication and
    title-only documents of other departments. Then a third run with nothing new."""
    warehouse = tmp_path_factory.mktemp("typed") / "warehouse.duckdb"
    load(warehouse, [wuhan_2021()], NIGHT_1)
    dbt_build(warehouse)
    after_night_1 = snapshot(warehouse)
    night_2 = [
        shanghai_2024(SHANGHAI),
        shanghai_2024(SHANGHAI_CORRECTED),
        name_only("c1c1c1c1c1c1c1c1", "中共武汉市硚口区委办公室", "武汉市硚口区", 2022),  # short form
        name_only("c2c2c2c2c2c2c2c2", "中国共产党武汉市侨口区委员会办公室", "武汉市硚口区", 2020),  # misprint
        name_only("c3c3c3c3c3c3c3c3", "上海市普陀区税务局", "上海市普陀区", 2024),
        name_only("c4c4c4c4c4c4c4c4", "上海市普陀区民政局", "上海市普陀区", 2024),
        name_only("c5c5c5c5c5c5c5c5", "上海市静安区财政局", "上海市静安区", 2024),
    ]
    files = {SHANGHAI: FileInfo(modified_at=datetime(2025, 5, 1)), SHANGHAI_CORRECTED: FileInfo(modified_at=datetime(2025, 6, 1))}
    load(warehouse, night_2, NIGHT_2, files)
    dbt_build(warehouse)
    after_night_2 = snapshot(warehouse)
    dbt_build(warehouse)
    return warehouse, after_night_1, after_night_2, snapshot(warehouse)


def department_of(warehouse: Path, document_id: str) -> str:
    return rows(warehouse, "select department_id from marts.dim_document where document_id = ?", [document_id])[0][0]


def test_account_summary_of_the_reference_document(built):
    warehouse = built[0]
    assert rows(warehouse, """select total_income, total_expenditure, carryover_begin, carryover_end, grand_total,
                                     basic_total, project_total, fiscal_year
                              from marts.fct_account_summary where document_id = ?""", [WUHAN]) == [
        (Decimal("1568.88"), Decimal("1568.88"), Decimal("0"), Decimal("0"), Decimal("1568.88"),
         Decimal("497.35"), Decimal("1071.53"), 2021)]


def test_expenditure_keeps_only_the_deepest_subjects(built):
    warehouse = built[0]
    got = rows(warehouse, """select function_subject_code, total_amount, basic_amount, project_amount
                             from marts.fct_expenditure where document_id = ? and scope = 'all_funds'
                             order by 1""", [WUHAN])
    assert got == [
        ("2013101", Decimal("335.64"), Decimal("335.64"), Decimal("0")),
        ("2013102", Decimal("1071.53"), Decimal("0"), Decimal("1071.53")),
        ("2080501", Decimal("32.72"), Decimal("32.72"), Decimal("0")),
        ("2080505", Decimal("31.92"), Decimal("31.92"), Decimal("0")),
        ("2101101", Decimal("13.09"), Decimal("13.09"), Decimal("0")),
        ("2101103", Decimal("29.30"), Decimal("29.30"), Decimal("0")),
        ("2210201", Decimal("44.48"), Decimal("44.48"), Decimal("0")),
        ("2210202", Decimal("10.20"), Decimal("10.20"), Decimal("0")),
    ]
    # per scope the rows add up to the printed 合计 (1,568.88 in tables 3 and 5)
    assert rows(warehouse, """select scope, sum(total_amount) from marts.fct_expenditure
                              where document_id = ? group by 1 order by 1""", [WUHAN]) == [
        ("all_funds", Decimal("1568.88")), ("general_public_budget", Decimal("1568.88"))]


def test_ambiguous_cells_feed_no_fact_and_are_listed(built):
    warehouse = built[0]
    assert rows(warehouse, """select function_subject_code, income_source, amount from marts.fct_income
                              where document_id = ? and function_subject_code like '22102%' order by 1""",
                [WUHAN]) == [("2210201", "fiscal_appropriation", Decimal("44.48"))]
    assert rows(warehouse, "select table_no, row_key, candidates from marts.ambiguous_cells where document_id = ?",
                [WUHAN]) == [(2, "2210202", "fiscal_appropriation,superior_subsidy")]


def test_three_public_items_and_basic_expenditure_split(built):
    warehouse = built[0]
    assert rows(warehouse, """select item, budget_amount, actual_amount from marts.fct_three_public_expenses
                              where document_id = ? order by item""", [WUHAN]) == [
        ("official_reception", Decimal("1.96"), Decimal("0.08")),
        ("outbound_travel", Decimal("0"), Decimal("0")),
        ("vehicle_operation", Decimal("3.00"), Decimal("2.11")),
        ("vehicle_purchase", Decimal("0"), Decimal("0")),
    ]
    # 人员经费合计 445.56, 公用经费合计 51.79 (the 310 capital group counts as 公用经费)
    assert rows(warehouse, """select category, sum(amount) from marts.fct_basic_expenditure_economic
                              where document_id = ? group by 1 order by 1""", [WUHAN]) == [
        ("personnel", Decimal("445.56")), ("public", Decimal("51.79"))]
    assert rows(warehouse, """select count(*) from marts.fct_basic_expenditure_economic
                              where document_id = ? and length(economic_subject_code) = 3""", [WUHAN]) == [(0,)]


def test_budget_execution_by_class_and_rolled_up_from_items(built):
    warehouse = built[0]
    assert rows(warehouse, """select initial_budget, final_amount, stated_completion_rate, is_rolled_up
                              from marts.fct_budget_execution where document_id = ? and function_class_code = '201'""",
                [WUHAN]) == [(Decimal("399.47"), Decimal("1407.71"), Decimal("100.0"), False)]
    # Shanghai states 201 only per 项: 1560.05 + 10.00 + 135.90 + 450.52 and 1511.89 + 10.00 + 135.25 + 449.52
    assert rows(warehouse, """select initial_budget, final_amount, stated_completion_rate, is_rolled_up
                              from marts.fct_budget_execution where document_id = ? and function_class_code = '201'""",
                [SHANGHAI]) == [(Decimal("2156.47"), Decimal("2106.66"), None, True)]


def test_procurement(built):
    warehouse = built[0]
    assert rows(warehouse, """select total_amount, goods_amount, works_amount, services_amount, sme_amount,
                                     small_micro_amount from marts.fct_procurement where document_id = ?""", [WUHAN]) == [
        (Decimal("820.17"), Decimal("799.03"), Decimal("0"), Decimal("21.15"), Decimal("818.52"), Decimal("8.36"))]
    # the 2024 template states SME awards as reserved (246.47) + other projects (4.79)
    assert rows(warehouse, "select sme_amount from marts.fct_procurement where document_id = ?", [SHANGHAI]) == [
        (Decimal("251.26"),)]


def test_name_variants_of_one_department_conform(built):
    warehouse = built[0]
    office = department_of(warehouse, WUHAN)
    assert department_of(warehouse, "c1c1c1c1c1c1c1c1") == office  # 中共…区委办公室
    assert department_of(warehouse, "c2c2c2c2c2c2c2c2") == office  # 侨口 misprint
    assert rows(warehouse, "select department_name, region from marts.dim_department where department_id = ?",
                [office]) == [(WUHAN_OFFICE, "湖北省武汉市硚口区")]
    review = rows(warehouse, "select name, resolution from marts.department_name_review where department_id = ?",
                  [office])
    assert ("中国共产党武汉市侨口区委员会办公室", "similarity") in review
    assert ("中共武汉市侨口区委办公室", "document_variant") in review


def test_different_departments_never_merge(built):
    warehouse = built[0]
    ids = {department_of(warehouse, d) for d in (SHANGHAI, "c3c3c3c3c3c3c3c3", "c4c4c4c4c4c4c4c4", "c5c5c5c5c5c5c5c5")}
    assert len(ids) == 4
    assert rows(warehouse, "select region from marts.dim_department where department_id = ?",
                [department_of(warehouse, SHANGHAI)]) == [("上海市普陀区",)]


def test_a_republication_supersedes_the_earlier_document(built):
    warehouse = built[0]
    assert rows(warehouse, """select document_id, is_current, superseded_by from marts.dim_document
                              where document_id in (?, ?) order by 1""", [SHANGHAI, SHANGHAI_CORRECTED]) == [
        (SHANGHAI, False, SHANGHAI_CORRECTED), (SHANGHAI_CORRECTED, True, None)]
    assert rows(warehouse, "select document_id from marts.fct_account_summary_current where fiscal_year = 2024") == [
        (SHANGHAI_CORRECTED,)]


def test_adding_a_document_leaves_the_others_rows_untouched(built):
    _, after_night_1, after_night_2, _ = built
    for table in FACT_TABLES:
        before = after_night_1[table]
        assert before, f"{table} has no row for the reference document"
        assert [r for r in after_night_2[table] if r[0] == WUHAN] == before, table
    assert {r[-1] for r in after_night_2["fct_account_summary"] if r[0] == WUHAN} == {NIGHT_1}


def test_a_run_with_nothing_new_changes_nothing(built):
    _, _, after_night_2, after_night_3 = built
    assert after_night_3 == after_night_2


def test_open_alerts_are_the_failed_errors_of_each_documents_latest_run(built):
    warehouse = built[0]
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("""insert into dq.dq_results (run_id, document_id, rule_id, severity, passed, checked_at) values
            ('run1', ?, 't1_identity', 'error', false, '2025-03-01 03:00'),
            ('run2', ?, 't1_identity', 'error', true, '2025-03-02 03:00'),
            ('run2', ?, 'narrative_vs_table', 'error', false, '2025-03-02 03:00'),
            ('run2', ?, 'percent_rounding', 'warn', false, '2025-03-02 03:00')""", [WUHAN] * 4)
    finally:
        con.close()
    assert rows(warehouse, "select run_id, count(*) from dq.dq_latest_results where document_id = ? group by 1",
                [WUHAN]) == [("run2", 3)]
    assert rows(warehouse, "select rule_id, department_name from dq.dq_open_alerts where document_id = ?", [WUHAN]) == [
        ("narrative_vs_table", WUHAN_OFFICE)]
