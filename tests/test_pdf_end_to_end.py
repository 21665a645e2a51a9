"""A published PDF dropped in raw/ goes all the way to the marts and the checks; the blank
template loads as a document with no values.

Values typed by hand from ../shared/corpus/shanghai-putuo-2024-finance-bureau.pdf (上海市普陀区
财政局, 2024): Table 1 本年收入合计 2,946.25, 本年支出合计 2,940.05, 年初结转和结余 49.14, 年末结转和
结余 55.34, 总计 2,995.39; Table 3 合计 基本支出 2,336.91, 项目支出 603.14, row 201 06 01 行政运行
1,511.89 = 1,503.52 + 8.37; Table 6 30102 津贴补贴 1,238.58, 30229 福利费 42.77; Table 7 budget
合计 0.95 and 公务接待费 0.95, nothing else printed; procurement 251.25 = goods 4.79 + works 0 +
services 246.47, awarded to SMEs 246.47 (reserved projects) + 4.79 (other projects)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers import build_warehouse, query

D = Decimal
FINANCE_BUREAU = "shanghai-putuo-2024-finance-bureau.pdf"
TEMPLATE = "shanghai-2024-final-accounts-template.pdf"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, corpus_dir):
    return build_warehouse(tmp_path_factory.mktemp("pdf"), [corpus_dir / FINANCE_BUREAU, corpus_dir / TEMPLATE])


def _id(warehouse, name):
    return query(warehouse, "SELECT document_id FROM raw.documents WHERE source_path = ?", [name])[0][0]


def test_the_pdf_and_the_blank_template_load(warehouse):
    statuses = dict(query(warehouse, "SELECT source_path, status FROM raw.documents"))
    assert statuses == {FINANCE_BUREAU: "parsed", TEMPLATE: "no_values"}
    assert query(warehouse, "SELECT count(*) FROM raw.table_cells WHERE document_id = ?", [_id(warehouse, TEMPLATE)]) == [(0,)]


def test_the_pdf_values_are_right_in_the_marts(warehouse):
    doc = _id(warehouse, FINANCE_BUREAU)
    summary = query(warehouse, """SELECT fiscal_year, total_income, total_expenditure, carryover_begin, carryover_end,
                                         grand_total, basic_total, project_total
                                  FROM marts.fct_account_summary WHERE document_id = ?""", [doc])
    assert summary == [(2024, D("2946.25"), D("2940.05"), D("49.14"), D("55.34"), D("2995.39"), D("2336.91"), D("603.14"))]
    [(source_format, department)] = query(warehouse, """SELECT d.source_format, dep.department_name FROM marts.dim_document d
                                                         JOIN marts.dim_department dep USING (department_id)
                                                         WHERE document_id = ?""", [doc])
    assert (source_format, department) == ("pdf", "上海市普陀区财政局")
    assert query(warehouse, """SELECT total_amount, basic_amount, project_amount FROM marts.fct_expenditure
                               WHERE document_id = ? AND scope = 'all_funds' AND function_subject_code = '2010601'""",
                 [doc]) == [(D("1511.89"), D("1503.52"), D("8.37"))]
    economic = dict(query(warehouse, """SELECT economic_subject_code, amount FROM marts.fct_basic_expenditure_economic
                                        WHERE document_id = ?""", [doc]))
    assert (economic["30102"], economic["30229"]) == (D("1238.58"), D("42.77"))
    three_public = {item: (budget, actual) for item, budget, actual in query(
        warehouse, "SELECT item, budget_amount, actual_amount FROM marts.fct_three_public_expenses WHERE document_id = ?", [doc])}
    assert three_public["official_reception"] == (D("0.95"), D("0"))
    assert sum(budget for budget, _ in three_public.values()) == D("0.95")
    procurement = query(warehouse, """SELECT total_amount, goods_amount, works_amount, services_amount, sme_amount
                                      FROM marts.fct_procurement WHERE document_id = ?""", [doc])
    assert procurement == [(D("251.25"), D("4.79"), D("0"), D("246.47"), D("251.26"))]


def test_the_pdf_real_inconsistencies_are_alerts(warehouse):
    doc = _id(warehouse, FINANCE_BUREAU)
    alerts = {rule for rule, in query(warehouse, "SELECT rule_id FROM dq.dq_open_alerts WHERE document_id = ?", [doc])}
    assert "N_FISCAL_TOTAL" in alerts  # 财政拨款收入支出总计 printed 0.3 万元; Table 4 总计 2,961.68
    assert "N_CLASS_SHARE" in alerts  # 一般公共服务 71.73% printed; 2,106.66 / 2,940.05 = 71.65%
