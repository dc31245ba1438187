"""The plausibility checks' own cost: the rule of every indicator of the real Hưng Yên
catalogue, then 200.000 values (one in a hundred far off) checked against it with a last figure of the series (the
jump check runs on each), in-process. The store's side (reading the last figures for a
file) is measured by the large-import tests; this is the cost the checks add per row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from benchmarks._timing import median_seconds
from chitieu.assess.plausibility import Neighbours, Other, check_value, effective_rule
from chitieu.ingest.pipeline import ingest

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "hung-yen"
    / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
)
ROWS = 200_000
RUNS = 3


def main() -> None:
    catalogue = ingest(SEED)
    rules = [effective_rule(i.unit, i.name) for i in catalogue.indicators]
    last = Neighbours(last=Other("năm trước", Decimal(40), "2025"))
    # one value in a hundred is 22,5 times the last figure (a jump; above 100 for a share)
    work = [
        (Decimal(37 + n % 50) if n % 100 else Decimal(900), rules[n % len(rules)], last)
        for n in range(ROWS)
    ]
    found = sum(len(check_value(value, rule, around)) for value, rule, around in work)
    seconds = median_seconds(
        lambda: [check_value(value, rule, around) for value, rule, around in work], RUNS
    )
    print(f"plausibility_checks: {len(rules)} quy tắc, {ROWS:,} giá trị, {found:,} phát hiện")
    print(
        f"  {seconds:.2f} s, {seconds / ROWS * 1e6:.1f} µs a value, {ROWS / seconds:,.0f} values/s"
    )


if __name__ == "__main__":
    main()
