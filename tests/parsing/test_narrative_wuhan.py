"""Narrative facts of the reference extract (2021, Wuhan Qiaokou party committee office), section by
section. Every expected value is typed from the document's 第三部分 (lines 1231-1770)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from dagster_project.parsing.decode import decode_bytes, split_lines
from dagster_project.parsing.model import Fact
from dagster_project.parsing.narrative import extract_facts, extract_profile

REFERENCE = Path(__file__).resolve().parents[2] / "raw" / "2021" / "wuhan-qiaokou-district-party-committee-office-2021.txt"


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    if not REFERENCE.is_file():
        pytest.skip(f"reference extract missing: {REFERENCE}")
    text, _ = decode_bytes(REFERENCE.read_bytes())
    found, issues = extract_facts(split_lines(text))
    assert not [i for i in issues if i.severity == "error"]
    return found


def stated(facts: list[Fact], key: str, subject: str = "total") -> list[tuple[Decimal, str]]:
    """(value, qualifier) of every statement of the fact, in text order."""
    return [(f.value, f.qualifier) for f in facts if f.fact_key == key and f.subject == subject]


def one(facts: list[Fact], key: str, subject: str = "total") -> Fact:
    matches = [f for f in facts if f.fact_key == key and f.subject == subject]
    assert len(matches) == 1, (key, subject, matches)
    return matches[0]


def D(text: str) -> Decimal:
    return Decimal(text)


def test_totals_state_the_level_and_the_change_with_its_direction(facts) -> None:
    total = one(facts, "total_income_expenditure")
    assert (total.value, total.unit, total.printed) == (D("1568.88"), "万元", "1,568.88 万元")
    assert total.section == "一、收入支出决算总体情况说明"
    assert total.sentence == "2021 年度收、支总计 1,568.88 万元。"
    assert (total.provenance.line_start, total.provenance.line_end) == (1239, 1239)
    assert stated(facts, "total_yoy_change") == [(D("787.24"), "减少")]
    pct = one(facts, "total_yoy_change_pct")
    assert (pct.value, pct.unit, pct.qualifier) == (D("33.4"), "%", "减少")
    # the sentence is rebuilt across the broken lines 1239-1243
    assert pct.sentence == "与 2020 年度相比,收、支总计各减少 787.24 万元,减少 33.4%,主要原因是集中采购全区信息设备减量。"
    assert (pct.provenance.line_start, pct.provenance.line_end) == (1241, 1241)


def test_income_total_source_and_share(facts) -> None:
    assert stated(facts, "income_total") == [(D("1568.88"), "")]
    assert stated(facts, "income_amount", "fiscal_appropriation") == [(D("1568.88"), "")]
    assert stated(facts, "income_share_pct", "fiscal_appropriation") == [(D("100.0"), "")]


def test_expenditure_total_basic_and_project_with_shares(facts) -> None:
    assert stated(facts, "expenditure_total") == [(D("1568.88"), "")]
    assert stated(facts, "expenditure_amount", "basic") == [(D("497.35"), "")]
    assert stated(facts, "expenditure_share_pct", "basic") == [(D("31.7"), "")]
    assert stated(facts, "expenditure_amount", "project") == [(D("1071.53"), "")]
    assert stated(facts, "expenditure_share_pct", "project") == [(D("68.3"), "")]


def test_fiscal_totals_keep_the_change_printed_without_its_direction_word(facts) -> None:
    # '与 2020 年度相比，财政拨款收、支总计 787.24 万元，各减少 33.4%': 787.24 is the change.
    fiscal = one(facts, "fiscal_total")
    assert (fiscal.value, fiscal.printed) == (D("1568.88"), "1568.88 万元")
    assert stated(facts, "fiscal_yoy_change") == [(D("787.24"), "")]
    assert stated(facts, "fiscal_yoy_change_pct") == [(D("33.4"), "减少")]


def test_general_public_budget_total_share_and_change(facts) -> None:
    assert stated(facts, "gpb_expenditure") == [(D("1568.88"), ""), (D("1568.88"), "")]  # (一) and (二)
    share = one(facts, "gpb_share_of_expenditure_pct")
    assert (share.value, share.printed) == (D("100.0"), "100.0 %")
    assert stated(facts, "gpb_yoy_change") == [(D("787.24"), "减少")]
    assert stated(facts, "gpb_yoy_change_pct") == [(D("33.4"), "减少")]


def test_class_amounts_and_shares_are_keyed_by_class_code_and_kept_as_printed(facts) -> None:
    amounts = {f.subject: f.value for f in facts if f.fact_key == "gpb_class_amount"}
    shares = {f.subject: f.value for f in facts if f.fact_key == "gpb_class_share_pct"}
    assert amounts == {"201": D("1407.17"), "208": D("64.64"), "210": D("42.4"), "221": D("54.68")}
    assert shares == {"201": D("89.7"), "208": D("4.1"), "210": D("2.7"), "221": D("3.5")}
    assert one(facts, "gpb_class_amount", "210").printed == "42.4万元"  # the table says 42.39


def test_budget_execution_overall_and_per_class(facts) -> None:
    assert stated(facts, "budget_initial") == [(D("571.31"), "")]
    assert stated(facts, "budget_final") == [(D("1568.88"), "")]
    assert stated(facts, "budget_completion_pct") == [(D("274.6"), "")]
    expected = {
        # class: (年初预算, 支出决算 with the comparison word, 完成率)
        "201": ("399.47", "1407.71", "大于", "100.0"),  # 1,407.71 as printed (the tables say 1,407.17)
        "208": ("64.7", "64.64", "", "99.9"),
        "210": ("52.47", "42.39", "小于", "80.8"),
        "221": ("54.68", "54.68", "", "100.0"),
    }
    for code, (initial, final, word, pct) in expected.items():
        assert stated(facts, "budget_initial", code) == [(D(initial), "")]
        assert stated(facts, "budget_final", code) == [(D(final), word)]
        assert stated(facts, "budget_completion_pct", code) == [(D(pct), "")]
    assert one(facts, "budget_final", "201").provenance.line_start == 1312


def test_basic_expenditure_split(facts) -> None:
    assert stated(facts, "basic_total") == [(D("497.35"), "")]
    assert stated(facts, "basic_personnel") == [(D("445.56"), "")]
    assert stated(facts, "basic_public") == [(D("51.79"), "")]


def test_three_public_budget_actual_and_items(facts) -> None:
    assert stated(facts, "three_public_budget") == [(D("4.96"), "")]
    assert stated(facts, "three_public_actual") == [(D("2.19"), "")]
    assert stated(facts, "three_public_completion_pct") == [(D("44.2"), "")]
    assert stated(facts, "three_public_actual", "outbound_travel") == [(D("0"), ""), (D("0"), "")]
    assert stated(facts, "three_public_completion_pct", "outbound_travel") == [(D("0.0"), "")]
    assert stated(facts, "three_public_actual", "vehicle_operation") == [(D("2.11"), "")]
    assert stated(facts, "three_public_completion_pct", "vehicle_operation") == [(D("70.33"), "")]
    assert stated(facts, "vehicle_fuel", "vehicle_operation") == [(D("1.40"), "")]
    assert stated(facts, "vehicle_repair", "vehicle_operation") == [(D("0.46"), "")]
    assert stated(facts, "vehicle_insurance", "vehicle_operation") == [(D("0.25"), "")]
    assert stated(facts, "three_public_budget_change", "vehicle_operation") == [(D("0.89"), "减少")]
    held = [f for f in facts if f.fact_key == "vehicles_held"]
    assert [(f.value, f.unit) for f in held] == [(D("1"), "辆"), (D("1"), "辆")]  # 年末保有量, 开支财政拨款的保有量


def test_three_public_reception(facts) -> None:
    assert stated(facts, "three_public_actual", "official_reception") == [(D("0.08"), "")]
    assert stated(facts, "three_public_completion_pct", "official_reception") == [(D("4.08"), "")]
    assert stated(facts, "three_public_budget_change", "official_reception") == [(D("1.88"), "减少")]
    assert stated(facts, "reception_amount") == [(D("0.08"), "")]
    batches = one(facts, "reception_batches")
    assert (batches.value, batches.unit) == (D("1"), "批次")
    assert (batches.provenance.line_start, batches.provenance.line_end) == (1394, 1396)  # '1 批' / '次'
    assert (one(facts, "reception_persons").value, one(facts, "reception_persons").unit) == (D("8"), "人次")
    assert one(facts, "reception_accompanying_persons").value == D("2")


def test_three_public_year_on_year(facts) -> None:
    assert stated(facts, "three_public_yoy_change") == [(D("0.32"), "增加")]
    assert stated(facts, "three_public_yoy_change_pct") == [(D("17.1"), "增长")]
    assert stated(facts, "three_public_yoy_change", "vehicle") == [(D("0.24"), "增加")]
    assert stated(facts, "three_public_yoy_change_pct", "vehicle") == [(D("12.8"), "增长")]
    # stated twice: '公务接待费支出决算增加 0.08 万元' and '...所以增加 0.08 万元'
    assert stated(facts, "three_public_yoy_change", "official_reception") == [(D("0.08"), "增加"), (D("0.08"), "增加")]
    unchanged = one(facts, "three_public_yoy_change", "outbound_travel")
    assert (unchanged.value, unchanged.qualifier, unchanged.printed) == (D("0"), "持平", "无变化")


def test_admin_operating_cost(facts) -> None:
    assert stated(facts, "admin_operating_cost") == [(D("51.78"), "")]
    assert stated(facts, "admin_operating_cost_yoy_change") == [(D("2.69"), "减少")]
    assert stated(facts, "admin_operating_cost_yoy_change_pct") == [(D("4.9"), "下降")]


def test_procurement(facts) -> None:
    assert stated(facts, "procurement_total") == [(D("820.17"), "")]
    assert stated(facts, "procurement_amount", "goods") == [(D("799.03"), "")]
    assert stated(facts, "procurement_amount", "works") == [(D("0"), "")]
    assert stated(facts, "procurement_amount", "services") == [(D("21.15"), "")]
    assert stated(facts, "procurement_sme_amount") == [(D("818.52"), "")]
    assert stated(facts, "procurement_sme_share_pct") == [(D("99.8"), "")]
    assert stated(facts, "procurement_small_micro_amount") == [(D("8.36"), "")]
    assert stated(facts, "procurement_small_micro_share_pct") == [(D("1.0"), "")]
    assert stated(facts, "procurement_sme_share_pct", "goods") == [(D("100"), "")]
    assert stated(facts, "procurement_sme_share_pct", "works") == [(D("0.0"), "")]
    assert stated(facts, "procurement_sme_share_pct", "services") == [(D("92.2"), "")]


def test_assets(facts) -> None:
    assert stated(facts, "vehicles_total") == [(D("1"), "")]
    assert stated(facts, "vehicles_by_kind", "主要领导干部用车") == [(D("1"), "")]
    assert not [f for f in facts if f.fact_key == "equipment_over_1m"]  # not stated in 2021


def test_performance(facts) -> None:
    assert stated(facts, "perf_projects_evaluated") == [(D("2"), "")]
    assert stated(facts, "perf_funds") == [(D("1568.88"), "")]
    assert stated(facts, "perf_funds_share_pct") == [(D("100.0"), "")]
    assert stated(facts, "perf_score") == [(D("100"), "")]
    assert stated(facts, "perf_score", "department") == [(D("100"), "")]
    project = "党办系统工作经费"
    assert stated(facts, "perf_project_budget", project) == [(D("85.26"), "")]
    assert stated(facts, "perf_project_executed", project) == [(D("85.26"), "")]
    assert stated(facts, "perf_project_completion_pct", project) == [(D("100.0"), "")]


def test_nothing_is_read_from_the_tables_forms_or_annexes(facts) -> None:
    # The narrative is 第三部分 (lines 1231-1770); the self-evaluation forms after it repeat numbers.
    assert all(1231 <= f.provenance.line_start <= 1770 for f in facts)
    assert all(f.value >= 0 for f in facts)


def test_the_reference_extract_is_read_in_milliseconds() -> None:
    # Measured at about 15 ms for decode + lines + profile + facts on an idle machine; the bound
    # only catches a pattern gone quadratic, not scheduler noise.
    if not REFERENCE.is_file():
        pytest.skip(f"reference extract missing: {REFERENCE}")
    data = REFERENCE.read_bytes()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        lines = split_lines(decode_bytes(data)[0])
        extract_profile(lines)
        extract_facts(lines)
        best = min(best, time.perf_counter() - start)
    assert best < 0.15


def test_government_fund_and_state_capital_sections_state_their_zeros(facts) -> None:
    # 八、2021 年度政府性基金预算财政拨款年初结转和结余 0 万元，本年收入 0 万元，本年支出 0 万元，年末结转和结余 0 万元。
    # 九、2021 年度国有资本经营预算财政拨款本年支出 0 万元。
    for key in ("gov_fund_carryover_begin", "gov_fund_income", "gov_fund_expenditure", "gov_fund_carryover_end",
                "state_capital_expenditure"):
        assert stated(facts, key) == [(Decimal(0), "")], key
    assert stated(facts, "state_capital_income") == []
