"""A document's lines joined into one text, and back: one regex or str.find over the whole text
finds the few lines that matter without a Python step per line; the positions found are turned
back into line indexes here, and the lines found can be dropped by slices."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def newlines_before(joined: str, positions: Iterable[int]) -> Iterator[int]:
    """For each position in the joined text (in increasing order), how many newlines precede it:
    the index of the line it is in when the lines are joined by newlines."""
    newlines, counted = 0, 0
    for position in positions:
        newlines += joined.count("\n", counted, position)
        counted = position
        yield newlines


def without(items: list[T], dropped: list[int]) -> list[T]:
    """The items (a document's lines, or their texts) but those at the increasing indexes dropped:
    a slice of each run between them, no step per kept item."""
    kept: list[T] = []
    start = 0
    for i in dropped:
        kept += items[start:i]
        start = i + 1
    return kept + items[start:]
