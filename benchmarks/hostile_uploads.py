"""Hostile uploads (issue 16): each bomb read by read_figures in a fresh interpreter.

Prints, for each file: its size on disk, refused or not (with the refusal's code), the
seconds the read took and the child's peak resident memory. The bombs are generated in
a temporary folder and removed. Goal: each refused in under 2 s and 300 MB.
`python -m benchmarks hostile_uploads`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.ingest import hostile_files as hostile

# A generated sheet repeats one row, so it compresses far beyond any real one: the file
# that tests the streamed cell count lifts the ratio limit to reach that count.
NO_RATIO = {"CHITIEU_MAX_ZIP_RATIO": "1000000"}
BOMBS: list[tuple[str, str, Callable[[Path], Path], dict[str, str]]] = [
    ("zip bomb (1 GB of cells inflated)", "bomb.xlsx", lambda p: hostile.zip_bomb(p, 1024), {}),
    ("XML entity bomb (billion laughs)", "laughs.xlsx", hostile.entity_bomb, {}),
    ("workbook of 100 sheets", "sheets.xlsx", lambda p: hostile.many_sheets(p, 100), {}),
    ("300 MB CSV", "big.csv", lambda p: hostile.huge_csv(p, 300), {}),
    ("CSV of 300.000 lines", "long.csv", lambda p: hostile.long_csv(p, 300_000), {}),
    (
        "sheet claiming A1:A1, holding 2 M cells",
        "liar.xlsx",
        lambda p: hostile.dense_sheet(p, 200_000, dimension="A1:A1"),
        NO_RATIO,
    ),
    (
        "ordinary workbook of 1.000 cells (control)",
        "ok.xlsx",
        lambda p: hostile.dense_sheet(p, 100, "A1:J100"),
        {},
    ),
]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="chitieu-bombs-") as folder:
        for label, name, make, env in BOMBS:
            path = make(Path(folder) / name)
            size = path.stat().st_size / hostile.MB
            measured = hostile.measure(path, env)
            outcome = "accepted" if measured.code == "accepted" else f"refused ({measured.code})"
            print(
                f"{label}: {size:.2f} MB on disk, {outcome}, "
                f"{measured.seconds:.3f} s, peak {measured.peak_mb:.0f} MB",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
