"""The cyclic garbage collector, paused while one document is parsed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Parsing allocates some 10^5 small objects per document and leaves (almost) no reference
    cycles, so the cyclic garbage collector's passes during a parse find nothing: about 6% of a
    parse alone and, in a batch, where they also walk every document parsed before, about a fifth
    of the batch's parse time (BENCHMARKS.md). Paused for one parse, restored after (cycles left
    are collected later). Usable as a decorator of a parser."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
