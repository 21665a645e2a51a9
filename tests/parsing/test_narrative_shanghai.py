"""Narrative facts of the second real extract: 2024 Shanghai Putuo finance bureau, another region,
year, template and extraction tool (pdftotext -raw). Values typed from lines 501-616 of the file."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.model import Fact
from dagster_project.parsing.narrative import extract_facts

NAME = "shanghai-putuo-2024-finance-bureau.raw.txt"


@lru_cache(maxsize=1)
def _facts(path: Path) -> tuple[Fact, ...]:
    text, _ = decode_bytes(path.read_bytes())
    return tuple(extract_facts(split_lines(text))[0])


@pytest.fixture
def facts(corpus_dir) -> tuple[Fact, ...]:
    return _facts(corpus_dir / NAME)


def stated(facts, key: str, subject: str = "total") -> list[tuple[Decimal, str]]:
    return [(f.value, f.qualifier) for f in facts if f.fact_key == key and f.subject == subject]


def D(text: str) -> Decimal:
    return Decimal(text)


def test_totals(facts) -> None:
    assert stated(facts, "total_income_expenditure") == [(D("2995.39"), "")]
    assert stated(facts, "total_yoy_change") == [(D("56.95"), "减少")]
    assert stated(facts, "total_yoy_change_pct") == [(D("1.87"), "下降")]


def test_income_and_expenditure_with_shares(facts) -> None:
    assert stated(facts, "income_total") == [(D("2946.25"), "")]
    assert stated(facts, "income_amount", "fiscal_appropriation") == [(D("2940.05"), "")]
    assert stated(facts, "income_share_pct", "fiscal_appropriation") == [(D("99.79"), "")]
    assert stated(facts, "income_amount", "other") == [(D("6.2"), "")]
    assert stated(facts, "income_share_pct", "other") == [(D("0.21"), "")]
    assert stated(facts, "expenditure_total") == [(D("2940.05"), "")]
    assert stated(facts, "expenditure_amount", "basic") == [(D("2336.91"), "")]
    assert stated(facts, "expenditure_share_pct", "basic") == [(D("79.49"), "")]
    assert stated(facts, "expenditure_amount", "project") == [(D("603.14"), "")]
    assert stated(facts, "expenditure_share_pct", "project") == [(D("20.51"), "")]


def test_fiscal_total_is_kept_as_printed_with_the_flat_change(facts) -> None:
    # '财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。' (sic)
    assert stated(facts, "fiscal_total") == [(D("0.3"), "")]
    [flat] = [f for f in facts if f.fact_key == "fiscal_yoy_change"]
    assert (flat.value, flat.qualifier, flat.printed, flat.provenance.line_start) == (D("0"), "持平", "持平", 515)


def test_general_public_budget_and_class_structure(facts) -> None:
    assert stated(facts, "gpb_expenditure") == [(D("2940.05"), ""), (D("2940.05"), "")]
    assert stated(facts, "gpb_share_of_expenditure_pct") == [(D("100.00"), "")]
    assert stated(facts, "gpb_yoy_change") == [(D("63.14"), "减少")]
    assert stated(facts, "gpb_yoy_change_pct") == [(D("2.10"), "下降")]
    amounts = {f.subject: f.value for f in facts if f.fact_key == "gpb_class_amount"}
    shares = {f.subject: f.value for f in facts if f.fact_key == "gpb_class_share_pct"}
    assert amounts == {"201": D("2106.66"), "208": D("326.72"), "210": D("60.99"), "221": D("445.69")}
    assert shares == {"201": D("71.73"), "208": D("11.11"), "210": D("2.07"), "221": D("15.16")}


def test_budget_execution_overall_and_per_item_resolved_to_the_deepest_code(facts) -> None:
    assert stated(facts, "budget_initial") == [(D("2993.92"), "")]
    assert stated(facts, "budget_final") == [(D("2940.05"), "小于")]
    assert stated(facts, "budget_completion_pct") == [(D("98.20"), "")]
    # 11 items named 类/款/项, e.g. '一般公共服务支出（类）财政事务（款）行政运行（项）' -> 2010601
    expected = {
        "2010601": ("1560.05", "1511.89", "小于"),
        "2010602": ("10.00", "10.00", "持平"),
        "2010607": ("135.90", "135.25", "小于"),
        "2010608": ("450.52", "449.52", "小于"),
        "2080501": ("85.55", "84.65", "小于"),
        "2080505": ("161.62", "160.75", "小于"),
        "2080506": ("80.81", "80.38", "小于"),
        "2080599": ("0.94", "0.94", "持平"),
        "2101101": ("62.29", "60.99", "小于"),
        "2210201": ("187.75", "187.19", "小于"),
        "2210203": ("258.50", "258.50", "持平"),
    }
    items = {f.subject for f in facts if f.fact_key == "budget_initial"} - {"total"}
    assert items == set(expected)
    for code, (initial, final, word) in expected.items():
        assert stated(facts, "budget_initial", code) == [(D(initial), "")]
        assert stated(facts, "budget_final", code) == [(D(final), word)]


def test_basic_split(facts) -> None:
    assert stated(facts, "basic_total") == [(D("2336.91"), "")]
    assert stated(facts, "basic_personnel") == [(D("2152.26"), "")]
    assert stated(facts, "basic_public") == [(D("184.65"), "")]


def test_three_public(facts) -> None:
    assert stated(facts, "three_public_budget") == [(D("0.95"), "")]
    assert stated(facts, "three_public_actual") == [(D("0.00"), "小于")]  # '决算数小于预算数'
    assert stated(facts, "three_public_completion_pct") == [(D("0"), "")]
    for item in ("outbound_travel", "vehicle", "official_reception"):
        assert stated(facts, "three_public_actual", item) == [(D("0.00"), "")]
        assert stated(facts, "three_public_completion_pct", item) == [(D("0"), "")]
        assert stated(facts, "three_public_yoy_change", item) == [(D("0"), "持平")]
    assert stated(facts, "three_public_yoy_change") == [(D("0"), "持平")]


def test_admin_operating_cost(facts) -> None:
    assert stated(facts, "admin_operating_cost") == [(D("184.65"), "")]
    assert stated(facts, "admin_operating_cost_yoy_change") == [(D("2.55"), "增加")]
    assert stated(facts, "admin_operating_cost_yoy_change_pct") == [(D("1.40"), "增长")]


def test_procurement_2024_template(facts) -> None:
    assert stated(facts, "procurement_total") == [(D("251.25"), "")]
    assert stated(facts, "procurement_amount", "goods") == [(D("4.79"), "")]
    assert stated(facts, "procurement_amount", "works") == [(D("0"), "")]
    assert stated(facts, "procurement_amount", "services") == [(D("246.47"), "")]
    assert stated(facts, "procurement_sme_reserved_amount") == [(D("246.47"), "")]
    assert stated(facts, "procurement_small_micro_reserved_amount") == [(D("0"), "")]
    assert stated(facts, "procurement_sme_awarded_reserved") == [(D("246.47"), "")]
    assert stated(facts, "procurement_small_micro_awarded_reserved") == [(D("0"), "")]
    assert stated(facts, "procurement_sme_awarded_other") == [(D("4.79"), "")]


def test_assets(facts) -> None:
    assert stated(facts, "vehicles_total") == [(D("0"), "")]
    kinds = {f.subject: f.value for f in facts if f.fact_key == "vehicles_by_kind"}
    assert kinds == {
        kind: D("0")
        for kind in ("部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车")
    }
    [equipment] = [f for f in facts if f.fact_key == "equipment_over_1m"]
    assert (equipment.value, equipment.unit, equipment.provenance.line_start) == (D("2"), "台", 616)


def test_performance(facts) -> None:
    assert stated(facts, "perf_projects_evaluated") == [(D("4"), "")]  # 绩效自评的项目 (not 编报目标 / 跟踪)
    assert stated(facts, "perf_funds") == [(D("598.42"), "")]
    assert stated(facts, "perf_score") == [(D("99.43"), "")]


def test_the_table_of_contents_yields_nothing(facts) -> None:
    assert all(f.provenance.line_start >= 501 for f in facts)
