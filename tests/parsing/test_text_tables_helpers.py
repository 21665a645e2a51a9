"""Small helpers of the table parser that find lines and their parts without a step per line."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.parsing.joined import without
from dagster_project.parsing.layout.tables import economic_section
from dagster_project.parsing.model import Line, Provenance
from dagster_project.parsing.text_tables import (
    _BODY_START_MARK_RE,
    _class_name,
    _Lines,
    _owner_at,
    _Row,
    _segment_labels,
    _Value,
)


def test_without_drops_the_lines_at_the_indexes_only():
    lines = [Line(no, str(no)) for no in range(1, 7)]
    assert [line.no for line in without(lines, [0, 2, 3])] == [2, 5, 6]
    assert without(lines, []) == lines


def test_where_names_each_line_once_and_stops_when_asked():
    document = _Lines.of([Line(1, "项目"), Line(2, "201 1,568.88 2.00"), Line(3, ""), Line(4, "合 计 3")])
    assert list(document.where(_BODY_START_MARK_RE["subject"])) == [1, 3]
    assert next(document.where(_BODY_START_MARK_RE["subject"])) == 1


def test_owner_of_a_position_passes_lines_that_added_nothing():
    first, empty, last = Line(1, "基本"), Line(2, " "), Line(3, "支出")
    owners = [(0, first), (2, empty), (2, last)]  # the joined text '基本支出'
    assert [_owner_at(owners, k).no for k in range(4)] == [1, 1, 3, 3]


def test_a_label_keeps_the_lines_its_text_came_from():
    first, second = Line(1, "一、一般公共"), Line(2, "服务支出 二、外交支出")
    labels = _segment_labels("一、一般公共服务支出二、外交支出", [(0, first), (6, second)])
    assert [(label.text, [line.no for line in label.lines]) for label in labels] == [
        ("一、一般公共服务支出", [1, 2]), ("二、外交支出", [2])]


def test_a_run_that_is_one_known_label_is_one_label_with_all_its_lines():
    first, second = Line(1, "一、一般公共预算"), Line(2, "财政拨款收入")
    labels = _segment_labels("一、一般公共预算财政拨款收入", [(0, first), (8, second)])
    assert [(label.text, [line.no for line in label.lines]) for label in labels] == [
        ("一、一般公共预算财政拨款收入", [1, 2])]
    assert [label.text for label in _segment_labels("年初结转和结余年末结转和结余", [(0, first)])] == [
        "年初结转和结余", "年末结转和结余"]


def test_a_rows_provenance_spans_its_label_lines_and_its_values_lines():
    lines = [Line(no, "", 2) for no in range(1, 7)]
    values = [_Value(printed, Decimal(printed), lines[no - 1], True, False) for printed, no in (("1", 4), ("2", 6))]
    row = _Row(1, "income", "total", None, "合计", (), {}, Decimal("0.005"), lines[2:4], values)
    assert row.provenance() == Provenance(3, 6, 2)
    assert _Row(1, "", "total", None, "", (), {}, Decimal("0.005"), [], values).provenance() == Provenance(4, 6, None)


def test_class_name_drops_the_longest_printed_suffix():
    assert _class_name("一般公共服务(类)支出") == "一般公共服务"
    assert _class_name("外交支出") == "外交"
    assert _class_name("国防(类)") == "国防"
    assert _class_name("教育") == "教育"


def test_a_capital_class_is_in_its_own_group_only_when_the_table_prints_one():
    assert economic_section("31002", capital_group=True) == "capital"
    assert economic_section("31002", capital_group=False) == "public"
    assert economic_section("30101", capital_group=True) == "personnel"
