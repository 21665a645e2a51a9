"""The solver's one-open-row shortcut (_satisfying) keeps exactly the states _satisfied accepts."""

import itertools

import pytest

from dagster_project.parsing.column_solver import PART_TERM, TOTAL_TERM, _Constraint, _satisfied, _satisfying

STATES = {(total, flags) for total in (-7, -3, -1, 0, 1, 2, 5)
          for flags in (0, TOTAL_TERM, PART_TERM, TOTAL_TERM | PART_TERM)}


@pytest.mark.parametrize(("kind", "printed_rule"), [("eq", True), ("eq", False), ("ge", False)])
def test_satisfying_is_satisfied_per_state(kind: str, printed_rule: bool) -> None:
    constraint = _Constraint("c", (0, "total"), [(1, "part")], kind=kind, printed_rule=printed_rule)
    for base_sum, base_flags, tolerance in itertools.product((-4, 0, 3), (0, TOTAL_TERM, PART_TERM), (0, 1, 2)):
        expected = {(total, flags) for total, flags in STATES
                    if _satisfied(constraint, base_sum + total, base_flags | flags, tolerance)}
        assert _satisfying(constraint, STATES, base_sum, base_flags, tolerance) == expected
