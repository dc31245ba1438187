"""Ingest the Hưng Yên seed in-process: median wall time of several runs and peak memory.

Prints two lines: the table extraction alone (reading, Phụ lục 1A/1B/2, plan,
footnotes) and the whole pipeline with every installed prose extractor, plus
the time each optional step adds on its own. Goal: well under a second.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable, Collection
from pathlib import Path

from chitieu.ingest.pipeline import EXTRACTORS, extractor, ingest

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "hung-yen"
    / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
)
RUNS = 7


def _median_seconds(run: Callable[[], object], runs: int = RUNS) -> float:
    run()  # warm up imports and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mib(run: Callable[[], object]) -> float:
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _report(label: str, steps: Collection[str] | None) -> None:
    def run() -> object:
        return ingest(SEED, steps=steps)

    seconds = _median_seconds(run)
    print(
        f"{label}: median {seconds * 1000:.0f} ms over {RUNS} runs, peak {_peak_mib(run):.1f} MiB"
    )


def main() -> None:
    _report("tables only (read + Phụ lục 1A, 1B, 2 + footnotes)", ())
    _report("full pipeline (every installed extractor)", None)
    for step in EXTRACTORS:
        if step == "indicators_from_prose" or extractor(step) is None:
            continue
        seconds = _median_seconds(lambda step=step: ingest(SEED, steps=(step,)), runs=3)  # type: ignore[misc]
        print(f"  tables + {step}: median {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
