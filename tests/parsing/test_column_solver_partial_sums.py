"""The solver's partial sums (_good_states) keep exactly the states that trying every combination
(_good_states_enumerated) keeps, when the sums are few enough to be tracked."""

import random

import pytest

from dagster_project.parsing.column_solver import (
    PART_TERM,
    TOTAL_TERM,
    _Constraint,
    _good_states,
    _good_states_enumerated,
)


@pytest.mark.parametrize(("kind", "printed_rule"), [("eq", True), ("eq", False), ("ge", False)])
def test_partial_sums_keep_the_states_enumeration_keeps(kind: str, printed_rule: bool) -> None:
    constraint = _Constraint("c", (0, "total"), [(1, "part")], kind=kind, printed_rule=printed_rule)
    generator = random.Random(7)
    for _ in range(300):
        states = [{(generator.randint(-6, 6), generator.choice((0, TOTAL_TERM, PART_TERM, TOTAL_TERM | PART_TERM)))
                   for _ in range(generator.randint(1, 3))} for _ in range(generator.randint(2, 4))]
        base_sum, base_flags, tolerance = generator.randint(-4, 4), generator.choice((0, TOTAL_TERM, PART_TERM)), 1
        assert _good_states(constraint, states, base_sum, base_flags, tolerance) \
            == _good_states_enumerated(constraint, states, base_sum, base_flags, tolerance)
