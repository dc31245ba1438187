"""Read and ingest the Hưng Yên seed as a PDF in-process: median wall time and peak memory.

The PDF is the seed printed the way a province prints it: the .docx the tests
build from the text export (tests/ingest/docx_builder.py), converted by
LibreOffice. It is built once and kept under var/benchmarks/ (named by the
seed's hash), so only the first run needs LibreOffice. Prints the reading
alone and reading plus the whole pipeline. Goal: under 3 s for the whole.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from benchmarks._timing import median_seconds, peak_mib
from chitieu.ingest import read_pdf, read_text
from chitieu.ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
CACHE = ROOT / "var" / "benchmarks"
RUNS = 5
GOAL_S = 3.0


def seed_pdf() -> Path:
    """The seed as a PDF, built on the first run."""
    digest = hashlib.sha1(SEED.read_bytes()).hexdigest()[:12]
    target = CACHE / f"seed-{digest}.pdf"
    if target.exists():
        return target
    from tests.ingest.docx_builder import build_docx
    from tests.ingest.pdf_builder import to_pdf

    CACHE.mkdir(parents=True, exist_ok=True)
    source = build_docx(read_text(SEED), CACHE / f"seed-{digest}.docx")
    start = time.perf_counter()
    (built,) = to_pdf([source], CACHE)
    print(f"built {built.name} with LibreOffice in {time.perf_counter() - start:.1f} s")
    return built


def main() -> None:
    path = seed_pdf()
    pages = len(pdfium.PdfDocument(str(path)))
    reading = median_seconds(lambda: read_pdf(path), RUNS)
    print(
        f"read_pdf ({pages} pages): median {reading * 1000:.0f} ms over {RUNS} runs "
        f"({reading / pages * 1000:.1f} ms a page), peak {peak_mib(lambda: read_pdf(path)):.1f} MiB of Python heap"
    )
    whole = median_seconds(lambda: ingest(path), RUNS)
    verdict = "within" if whole < GOAL_S else "OVER"
    print(
        f"read + full pipeline: median {whole * 1000:.0f} ms over {RUNS} runs, "
        f"{verdict} the {GOAL_S:.0f} s goal"
    )


if __name__ == "__main__":
    main()
