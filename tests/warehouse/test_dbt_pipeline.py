"""The marts after the real pipeline (parse + load + dbt build) on the reference document.

Expected values typed by hand from raw/2021/wuhan-qiaokou-district-party-committee-office-2021.txt
(the 2021 final accounts of 中国共产党武汉市硚口区委员会办公室)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers import query

D = Decimal


@pytest.fixture
def warehouse(reference_warehouse):
    return reference_warehouse


def test_every_contract_table_exists_with_its_columns(warehouse):
    contract = {
        "dim_department": ["department_id", "department_name", "region"],
        "dim_document": ["document_id", "department_id", "fiscal_year", "source_path", "source_format", "is_current"],
        "dim_function_subject": ["subject_code", "subject_name", "level", "parent_code"],
        "dim_economic_subject": ["subject_code", "subject_name", "level", "parent_code"],
        "fct_expenditure": ["document_id", "department_id", "fiscal_year", "scope", "function_subject_code",
                            "total_amount", "basic_amount", "project_amount"],
        "fct_income": ["document_id", "department_id", "fiscal_year", "function_subject_code", "income_source", "amount"],
        "fct_basic_expenditure_economic": ["document_id", "department_id", "fiscal_year", "economic_subject_code",
                                           "category", "amount"],
        "fct_three_public_expenses": ["document_id", "department_id", "fiscal_year", "item", "budget_amount",
                                      "actual_amount"],
        "fct_procurement": ["document_id", "department_id", "fiscal_year", "total_amount", "goods_amount",
                            "works_amount", "services_amount", "sme_amount", "small_micro_amount"],
        "fct_budget_execution": ["document_id", "department_id", "fiscal_year", "function_class_code",
                                 "initial_budget", "final_amount", "stated_completion_rate"],
        "fct_account_summary": ["document_id", "department_id", "fiscal_year", "total_income", "total_expenditure",
                                "carryover_begin", "carryover_end", "grand_total", "basic_total", "project_total"],
    }
    for table, columns in contract.items():
        present = {r[0] for r in query(warehouse, "select column_name from information_schema.columns "
                                                  "where table_schema = 'marts' and table_name = ?", [table])}
        assert set(columns) <= present, f"marts.{table} lacks {set(columns) - present}"


def test_account_summary(warehouse):
    assert query(warehouse, """select fiscal_year, total_income, total_expenditure, carryover_begin, carryover_end,
                                      grand_total, basic_total, project_total from marts.fct_account_summary""") == [
        (2021, D("1568.88"), D("1568.88"), D("0"), D("0"), D("1568.88"), D("497.35"), D("1071.53"))]


def test_expenditure_rows_per_item(warehouse):
    got = query(warehouse, """select function_subject_code, total_amount, basic_amount, project_amount
                              from marts.fct_expenditure where scope = 'all_funds' order by 1""")
    assert got == [
        ("2013101", D("335.64"), D("335.64"), D("0")),
        ("2013102", D("1071.53"), D("0"), D("1071.53")),
        ("2080501", D("32.72"), D("32.72"), D("0")),
        ("2080505", D("31.92"), D("31.92"), D("0")),
        ("2101101", D("13.09"), D("13.09"), D("0")),
        ("2101103", D("29.30"), D("29.30"), D("0")),
        ("2210201", D("44.48"), D("44.48"), D("0")),
        ("2210202", D("10.20"), D("10.20"), D("0")),
    ]
    assert query(warehouse, "select sum(total_amount) from marts.fct_expenditure where scope = 'general_public_budget'") \
        == [(D("1568.88"),)]


def test_three_public_items(warehouse):
    assert query(warehouse, "select item, budget_amount, actual_amount from marts.fct_three_public_expenses order by 1") == [
        ("official_reception", D("1.96"), D("0.08")),
        ("outbound_travel", D("0"), D("0")),
        ("vehicle_operation", D("3"), D("2.11")),
        ("vehicle_purchase", D("0"), D("0")),
    ]


def test_basic_expenditure_by_economic_item(warehouse):
    assert query(warehouse, "select category, sum(amount) from marts.fct_basic_expenditure_economic group by 1 order by 1") \
        == [("personnel", D("445.56")), ("public", D("51.79"))]
    assert query(warehouse, """select amount from marts.fct_basic_expenditure_economic
                               where economic_subject_code = '30239'""") == [(D("16.83"),)]


def test_budget_execution_and_procurement(warehouse):
    assert query(warehouse, """select function_class_code, initial_budget, final_amount, stated_completion_rate
                               from marts.fct_budget_execution order by 1""") == [
        ("201", D("399.47"), D("1407.71"), D("100.0")),
        ("208", D("64.7"), D("64.64"), D("99.9")),
        ("210", D("52.47"), D("42.39"), D("80.8")),
        ("221", D("54.68"), D("54.68"), D("100.0")),
    ]
    assert query(warehouse, """select total_amount, goods_amount, works_amount, services_amount, sme_amount,
                                      small_micro_amount from marts.fct_procurement""") == [
        (D("820.17"), D("799.03"), D("0"), D("21.15"), D("818.52"), D("8.36"))]


def test_department_and_document(warehouse):
    assert query(warehouse, "select department_name, region from marts.dim_department") == [
        ("中国共产党武汉市硚口区委员会办公室", "湖北省武汉市硚口区")]
    assert query(warehouse, "select fiscal_year, source_format, is_current from marts.dim_document") == [
        (2021, "text", True)]
    # the 侨口 misprint of the narrative is the same department, listed for review
    assert query(warehouse, """select resolution, differs_by_one_character from marts.department_name_review
                               where name = '中共武汉市侨口区委办公室'""") == [("document_variant", False)]
    assert query(warehouse, "select count(distinct department_id) from marts.fct_expenditure") == [(1,)]
