"""Timing and memory helpers the benchmarks share."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable


def median_seconds(run: Callable[[], object], runs: int, *, warm_up: bool = True) -> float:
    """The median wall time of `runs` calls, after one call that warms imports and caches."""
    if warm_up:
        run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(run: Callable[[], object]) -> float:
    """The peak of Python's traced heap during one call, in MiB."""
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20
