"""Timing shared by the benchmark scripts."""

import statistics
import time


def cpu_median(action, runs: int) -> float:
    """Median process CPU time of `action` over `runs` runs, after one warm-up run (imports, caches)."""
    action()
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)
