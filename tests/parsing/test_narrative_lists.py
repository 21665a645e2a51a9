"""A narrative that lists its subjects and then their values ('因公出国(境)费、公务用车购置及运行费、
公务接待费分别为 0 万元、8.20 万元、4.30 万元'), and one that prints its largest amounts in 亿元 or its
smallest in 千元. The document is made up for these tests (its own department and numbers)."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.text_document import parse_text
from tests.helpers import fact_values

WATER_BUREAU = """\
某某县水利局2022年度部门决算
第二部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
2022年度收入总计1.25亿元，支出总计1.25亿元，较上年增加0.1亿元。
二、收入决算情况说明
2022年度收入合计1900万元，其中：财政拨款收入、事业收入和其他收入分别为1800万元、60万元、40万元。
三、支出决算情况说明
2022年度支出合计1850万元，其中：基本支出和项目支出分别为310万元和1540万元，分别占支出合计的16.76%和83.24%。
四、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出中，农林水支出(类)和社会保障和就业支出(类)分别为1500万元、300万元。
五、财政拨款“三公”经费支出决算情况说明
2022年度“三公”经费财政拨款支出预算、决算分别为20万元、12.50万元。其中：因公出国（境）费、公务用车购置及运
行费、公务接待费分别是0万元、
8.20万元、4.30万元。因公出国（境）费、公务接待费较上年分别减少1万元、2万元。公务用车购置及运行费中，
购置费、运行费分别为5万元、3.20万元、0万元。国内公务接待费43千元。
六、其他重要事项的情况说明
（一）国有资产占用情况
截至2022年12月31日，本部门共有车辆3辆，其中：执法执勤用车、其他用车分别为2辆、1辆。
（二）政府采购支出情况
2022年度政府采购支出总额100万元，其中：政府采购货物、工程、服务支出分别为60、0、40万元。
"""


def parsed():
    return parse_text(WATER_BUREAU.encode(), "bureau.txt", "bureau")


def test_each_listed_value_is_its_subjects() -> None:
    values = fact_values(parsed())
    assert values[("income_amount", "fiscal_appropriation")] == [Decimal("1800")]
    assert values[("income_amount", "business")] == [Decimal("60")]
    assert values[("income_amount", "other")] == [Decimal("40")]
    assert values[("expenditure_amount", "basic")] == [Decimal("310")]
    assert values[("expenditure_amount", "project")] == [Decimal("1540")]
    assert values[("three_public_budget", "total")] == [Decimal("20")]
    assert values[("three_public_actual", "total")] == [Decimal("12.50")]
    assert values[("three_public_actual", "outbound_travel")] == [Decimal("0")]
    assert values[("three_public_actual", "vehicle")] == [Decimal("8.20")]
    assert values[("three_public_actual", "official_reception")] == [Decimal("4.30")]


def test_a_list_right_after_another_is_of_the_same_subjects() -> None:
    values = fact_values(parsed())
    assert values[("expenditure_share_pct", "basic")] == [Decimal("16.76")]
    assert values[("expenditure_share_pct", "project")] == [Decimal("83.24")]


def test_a_listed_change_keeps_what_it_is_measured_against() -> None:
    document = parsed()
    changes = [(f.fact_key, f.subject, f.value, f.qualifier) for f in document.facts if f.fact_key.endswith("change")]
    assert ("three_public_yoy_change", "outbound_travel", Decimal("1"), "减少") in changes
    assert ("three_public_yoy_change", "official_reception", Decimal("2"), "减少") in changes


def test_a_name_that_holds_the_joining_word_stays_whole() -> None:
    values = fact_values(parsed())
    assert values[("gpb_class_amount", "213")] == [Decimal("1500")]
    assert values[("gpb_class_amount", "208")] == [Decimal("300")]


def test_a_listed_value_keeps_its_printed_text_and_line() -> None:
    document = parsed()
    vehicle = next(f for f in document.facts if (f.fact_key, f.subject) == ("three_public_actual", "vehicle"))
    reception = next(f for f in document.facts
                     if (f.fact_key, f.subject) == ("three_public_actual", "official_reception"))
    assert (vehicle.printed, vehicle.provenance.line_start, vehicle.provenance.line_end) == ("8.20万元", 14, 14)
    assert (reception.printed, reception.provenance.line_start) == ("4.30万元", 14)
    # the sentence as printed (its lines joined), not as spelled out
    assert vehicle.sentence == "其中:因公出国(境)费、公务用车购置及运行费、公务接待费分别是0万元、8.20万元、4.30万元。"


def test_a_list_of_more_values_than_subjects_is_reported_not_read() -> None:
    document = parsed()
    # '购置费、运行费分别为 5 万元、3.20 万元、0 万元': two subjects, three values
    values = fact_values(document)
    assert ("three_public_actual", "vehicle_purchase") not in values
    assert ("three_public_actual", "vehicle_operation") not in values
    listed = [issue for issue in document.issues if issue.code == "values_listed"]
    assert len(listed) == 1
    assert "2 subjects and 3 values" in listed[0].message
    assert listed[0].provenance.line_start == 15


def test_amounts_in_yi_yuan_and_qian_yuan_are_converted_and_keep_the_printed_text() -> None:
    document = parsed()
    totals = [(f.value, f.unit, f.printed) for f in document.facts if f.fact_key == "total_income_expenditure"]
    assert totals == [(Decimal("12500"), "万元", "1.25亿元")] * 2
    change = next(f for f in document.facts if f.fact_key == "total_yoy_change")
    assert (change.value, change.printed) == (Decimal("1000"), "0.1亿元")
    reception = [(f.value, f.unit, f.printed) for f in document.facts if f.fact_key == "reception_amount"]
    assert reception == [(Decimal("4.3"), "万元", "43千元")]


def test_listed_counts_are_read_as_their_subjects() -> None:
    values = fact_values(parsed())
    assert values[("vehicles_total", "total")] == [Decimal("3")]
    assert values[("vehicles_by_kind", "执法执勤用车")] == [Decimal("2")]
    assert values[("vehicles_by_kind", "其他用车")] == [Decimal("1")]


def test_values_that_share_the_unit_printed_after_the_last_are_read_each_with_its_number_as_printed() -> None:
    document = parsed()
    procurement = [(f.subject, f.value, f.unit, f.printed, f.provenance.line_start) for f in document.facts
                   if f.fact_key == "procurement_amount"]
    assert procurement == [("goods", Decimal("60"), "万元", "60", 20), ("works", Decimal("0"), "万元", "0", 20),
                           ("services", Decimal("40"), "万元", "40万元", 20)]
