"""Which row a constraint rests on when an extract gives a key to more than one row (Table 4 of
hand-made rows: pypdfium2 cuts labels at the cell edge, so a carry-over line can be read as the
income line of the same fund)."""

from decimal import Decimal

from dagster_project.parsing.column_solver import constraints
from dagster_project.parsing.layout import tables as layout
from dagster_project.parsing.model import Line
from dagster_project.parsing.text_tables import _Row, _Value

T4 = layout.TABLES[4]


def row(section: str, key: str, *printed: str, line: int) -> _Row:
    columns = T4.income_columns if section == "income" else T4.columns
    where = Line(line, key)
    values = [_Value(p, Decimal(p), where, False, False) for p in printed]
    return _Row(4, section, key, None, key, columns, {}, Decimal("0.005"), [where], values)


def fund_constraint(rows: list[_Row]):
    return next((c for c in constraints(rows) if c.name == "T4 general_budget: income + carry-over = 总计"), None)


def test_a_label_read_again_without_values_leaves_the_sum_on_the_row_that_prints_them():
    rows = [
        row("income", "general_budget_appropriation", "2591.05", line=1),
        row("income", "carryover_begin_general_budget", "81.39", line=2),
        row("income", "carryover_begin_general_budget", line=3),  # the other side's label, read as this side's
        row("expenditure", "grand_total", "2672.44", "2672.44", line=4),
    ]
    constraint = fund_constraint(rows)
    assert constraint is not None
    assert set(constraint.members) == {3, 0, 1}


def test_no_sum_rests_on_a_line_that_two_rows_print_values_for():
    rows = [
        row("income", "general_budget_appropriation", "5355.45", line=1),
        row("income", "general_budget_appropriation", "104.09", line=2),  # a carry-over line, its label cut
        row("expenditure", "grand_total", "5459.54", "5459.54", line=3),
    ]
    assert fund_constraint(rows) is None
    assert not any({0, 1} & set(c.members) for c in constraints(rows))
