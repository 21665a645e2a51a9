"""A sum that fails in one column of an identity gives no evidence in its other columns (hand-made
Table 3 extracts, numbers invented for the tests)."""

from __future__ import annotations

import unicodedata

from dagster_project.parsing.model import Line
from dagster_project.parsing.text_tables import extract_tables


def lines_of(text: str) -> list[Line]:
    return [Line(i + 1, unicodedata.normalize("NFKC", t).rstrip()) for i, t in enumerate(text.splitlines())]


# The numbers of 2080505 were lost (a line deleted): 20805 = 2080501 + 2080505 fails in the total
# column, so it must fail in the column of 20805's second value too. Tried column by column, each
# other column's sum holds with 0 = 0, and would remove that column from 20805's candidates, one
# after the other, until the last column tried: that one would get 300.00, certain and wrong.
A_SUB_ROW_LOST = """\
支出决算表
单位：万元
科目编码 科目名称 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出
合计 300.00 300.00
208 社会保障和就业支出 300.00 300.00
20805 行政事业单位养老支出 300.00 300.00
2080501 行政单位离退休 100.00 100.00
2080505 机关事业单位基本养老保险缴费支出
"""


def test_a_sum_that_fails_in_one_column_decides_no_other_column():
    found = extract_tables(lines_of(A_SUB_ROW_LOST))
    cells = {(c.row_key, c.printed, c.column_key): c for c in found.cells}
    for row_key in ("total", "208", "20805"):
        assert cells[(row_key, "300.00", "total")].certain
        second = cells[(row_key, "300.00", None)]
        assert not second.certain
        assert second.candidates == ("basic", "project", "remit_to_superior", "operating")
    assert not any(c.certain and c.column_key != "total" for c in found.cells)


# The same table with every sub-row printed: the sums hold in every column and decide nothing
# wrong; the first value of each row is its total, the second stays open (no other table).
ALL_SUB_ROWS = A_SUB_ROW_LOST.replace("缴费支出\n", "缴费支出 200.00 200.00\n")


def test_sums_that_hold_still_decide_the_totals_only():
    found = extract_tables(lines_of(ALL_SUB_ROWS))
    certain = {(c.row_key, c.column_key) for c in found.cells if c.certain}
    assert certain == {(key, "total") for key in ("total", "208", "20805", "2080501", "2080505")}


# Table 1 lost its 一般公共预算 line. 'T2 合计 财政拨款收入 = T1's fiscal lines' would rest on the
# fiscal lines left, which print nothing, and take that column from 合计's second value (and then
# the whole identity failed, deciding nothing); without the general budget's line no such sum is
# made. Table 1's 上级补助收入 and 其他收入 print nothing: the second value is 财政拨款收入's.
T1_LINE_LOST = """\
收入支出决算总表
单位：万元
项目 决算数 项目 决算数
二、政府性基金预算财政拨款收入 一、一般公共服务支出 100.00
四、上级补助收入
八、其他收入
本年收入合计 100.00 本年支出合计 100.00
收入决算表
单位：万元
项目 本年收入合计 财政拨款收入 上级补助收入 其他收入
合计 100.00 100.00
201 一般公共服务支出 100.00 100.00
"""


def test_no_sum_rests_on_the_fiscal_lines_left_when_the_general_budget_line_is_lost():
    found = extract_tables(lines_of(T1_LINE_LOST))
    second = {(c.row_key, c.column_key): (c.printed, c.certain) for c in found.cells if c.table_no == 2 and c.column_key != "total"}
    assert second == {("total", "fiscal_appropriation"): ("100.00", True), ("201", "fiscal_appropriation"): ("100.00", True)}
