"""The dbt project on raw rows typed by hand from the documents, loaded by the real loader.

Independent of the parsers: the ParsedDocument objects below hold values read off the 2021 Wuhan
(Qiaokou party committee office) and 2024 Shanghai (Putuo finance bureau) documents, so these tests
pin the warehouse's own rules (grain, conformance, supersession, incremental by document)."""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from dagster_project.defs.ingest.loader import ensure_schema, write_documents
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


def load(warehouse: Path, docs: list[ParsedDocument], now: datetime) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        ensure_schema(con)
        write_documents(con, docs, run_id=now.isoformat(), now=now)
    finally:
        con.close()


def dbt_build(warehouse: Path) -> None:
    from dbt.cli.main import dbtRunner

    saved = os.environ.get("FDW_WAREHOUSE")
    os.environ["FDW_WAREHOUSE"] = str(warehouse)
    try:
        result = dbtRunner().invoke(["build", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
                                     "--target-path", str(warehouse.parent / "dbt-target"), "--quiet"])
    finally:
        if saved is None:
            os.environ.pop("FDW_WAREHOUSE", None)
        else:
            os.environ["FDW_WAREHOUSE"] = saved
    failed = [r.node.unique_id for r in (result.result or []) if r.status not in ("success", "pass")]
    assert result.success and not failed, f"dbt build failed: {failed or result.exception}"


def rows(warehouse: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
