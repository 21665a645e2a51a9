"""A document's lines joined into one text, and back: one regex or str.find over the whole text
finds the few lines that matter without a Python step per line; the positions found are turned
back into line indexes here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def newlines_before(joined: str, positions: Iterable[int]) -> Iterator[int]:
    """For each position in the joined text (in increasing order), how many newlines precede it:
    the index of the line it is in when the lines are joined by newlines."""
    newlines, counted = 0, 0
    for position in positions:
        newlines += joined.count("\n", counted, position)
        counted = position
        yield newlines
