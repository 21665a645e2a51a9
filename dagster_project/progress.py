"""A progress display for long loads: a live bar on a terminal, a line every 10% otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

T = TypeVar("T")


def track(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    if total == 0:
        return
    console = Console(stderr=True)
    if console.is_terminal:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task(description, total=total)
            for item in items:
                yield item
                progress.advance(task)
        return
    step = max(1, total // 10)
    for done, item in enumerate(items, start=1):
        yield item
        if done % step == 0 or done == total:
            print(f"{description}: {done}/{total}", file=sys.stderr, flush=True)


def announce(message: str) -> None:
    """A one-line status on stderr (the terminal in `fdw run`, the step's log in the Dagster UI)."""
    print(message, file=sys.stderr, flush=True)
