"""The garbage collector is paused during a parse and left as it was found."""

from __future__ import annotations

import gc

import pytest

from dagster_project.parsing.collector import collector_paused
from dagster_project.parsing.text_document import parse_text


@pytest.mark.parametrize("enabled", [True, False])
def test_a_parse_leaves_the_collector_as_it_found_it(enabled):
    gc.enable() if enabled else gc.disable()
    try:
        doc = parse_text("上海市某某局2024年度部门决算\n".encode(), "x.txt", "x")
        assert doc.fiscal_year == 2024
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_the_collector_is_paused_inside_and_restored_after_an_error():
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("parser bug")
    assert gc.isenabled()
