"""Build the full 2026 progress report of the province in each format: wall time per format.

The catalogue is the real Hưng Yên one; every indicator with a numeric target gets
a 2025 and a 2026 figure (90 % and 95 % of the target), so every table row, every
chart and the coherence checks are built. Reports the model build, then docx (with
charts rendered by vl-convert), xlsx and pdf (docx + LibreOffice) separately.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from benchmarks._timing import median_seconds
from chitieu.catalog.model import Catalogue, Figure, FigureStatus
from chitieu.catalog.period import Period
from chitieu.ingest.pipeline import ingest
from chitieu.reports.docx_progress import progress_docx
from chitieu.reports.model import ReportHeading
from chitieu.reports.pdf import docx_to_pdf, soffice
from chitieu.reports.progress import progress_report
from chitieu.reports.xlsx_progress import progress_xlsx

SEED = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "hung-yen"
    / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
)
HEADING = ReportHeading(issuer="ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN", subtitle="Năm 2026")
RUNS = 3


def figures(catalogue: Catalogue) -> list[Figure]:
    made = []
    for indicator in catalogue.indicators:
        for target in indicator.targets[:1]:
            goal = target.value.low if target.value.low is not None else target.value.high
            if goal is None:
                continue
            for year, share in ((2025, Decimal("0.9")), (2026, Decimal("0.95"))):
                made.append(
                    Figure(
                        indicator.code,
                        catalogue.plan.locality,
                        Period.year_of(year),
                        goal * share,
                        FigureStatus.ESTIMATE,
                    )
                )
    return made


def main() -> None:
    catalogue = ingest(SEED)
    data = figures(catalogue)
    report = progress_report(catalogue, data, 2026)
    print(
        f"reports_build: {len(report.rows)} chỉ tiêu, {len(report.charts)} biểu đồ, {len(data)} số liệu"
    )
    model = median_seconds(lambda: progress_report(catalogue, data, 2026), RUNS, warm_up=False)
    print(f"  model (assess, outlook, coherence, chart specs): {model * 1000:.0f} ms")
    docx = median_seconds(lambda: progress_docx(report, HEADING), RUNS, warm_up=False)
    print(f"  docx (with charts as PNG): {docx:.2f} s")
    xlsx = median_seconds(lambda: progress_xlsx(report, HEADING), RUNS, warm_up=False)
    print(f"  xlsx: {xlsx * 1000:.0f} ms")
    if soffice() is None:
        print("  pdf: LibreOffice not installed, skipped")
        return
    document = progress_docx(report, HEADING)
    pdf = median_seconds(lambda: docx_to_pdf(document), 1, warm_up=False)
    print(f"  pdf (LibreOffice conversion of the docx): {pdf:.2f} s")


if __name__ == "__main__":
    main()
