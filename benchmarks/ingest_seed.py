"""Ingest the Hưng Yên seed in-process: median wall time of several runs and peak memory.

Prints two lines: the table extraction alone (reading, Phụ lục 1A/1B/2, plan,
footnotes) and the whole pipeline with every installed prose extractor, plus
the time each optional step adds on its own. Goal: well under a second.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from benchmarks._timing import median_seconds, peak_mib
from chitieu.ingest.pipeline import EXTRACTORS, extractor, ingest

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "hung-yen"
    / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
)
RUNS = 7


def _report(label: str, steps: Collection[str] | None) -> None:
    def run() -> object:
        return ingest(SEED, steps=steps)

    seconds = median_seconds(run, RUNS)
    print(f"{label}: median {seconds * 1000:.0f} ms over {RUNS} runs, peak {peak_mib(run):.1f} MiB")


def main() -> None:
    _report("tables only (read + Phụ lục 1A, 1B, 2 + footnotes)", ())
    _report("full pipeline (every installed extractor)", None)
    for step in EXTRACTORS:
        if step == "indicators_from_prose" or extractor(step) is None:
            continue
        seconds = median_seconds(lambda step=step: ingest(SEED, steps=(step,)), runs=3)  # type: ignore[misc]
        print(f"  tables + {step}: median {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
