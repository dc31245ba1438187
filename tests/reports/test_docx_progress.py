"""The Word progress report, opened back; its PDF rendered to PNG pages for a person to look at."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.document import Document

from chitieu.catalog.model import Catalogue
from chitieu.reports.docx_progress import TABLE_HEADER, progress_docx
from chitieu.reports.model import NO_DATA, ProgressReport, ReportHeading
from chitieu.reports.pdf import PdfUnavailableError, docx_to_pdf
from chitieu.reports.progress import progress_report
from tests.reports.test_progress import FIGURES

HEADING = ReportHeading(
    issuer="ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
    subtitle="Tình hình thực hiện các chỉ tiêu nhiệm kỳ 2025 - 2030, năm 2026",
)


@pytest.fixture(scope="module")
def report(catalogue: Catalogue) -> ProgressReport:
    return progress_report(catalogue, FIGURES, 2026)


@pytest.fixture(scope="module")
def data(report: ProgressReport, artifacts: Path) -> bytes:
    written = progress_docx(report, HEADING)
    (artifacts / "tien-do-2026.docx").write_bytes(written)
    return written


@pytest.fixture(scope="module")
def opened(data: bytes) -> Document:
    return open_docx(BytesIO(data))


def test_the_table_has_a_row_per_indicator_with_its_figures(
    opened: Document, report: ProgressReport
) -> None:
    table = next(t for t in opened.tables if tuple(c.text for c in t.rows[0].cells) == TABLE_HEADER)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    data_rows = [r for r in rows if r[2] or r[0] not in {g[0] for g in report.groups}]
    by_name = {r[1]: r for r in data_rows}
    for row in report.rows:
        shown = by_name[f"{row.name} ({row.unit})" if row.unit else row.name]
        assert shown[2:7] == [
            row.target_text,
            row.baseline_text,
            row.latest_text,
            row.status,
            row.rating,
        ]


def test_missing_figures_read_chua_co_so_lieu(opened: Document) -> None:
    cells = [c.text for t in opened.tables for r in t.rows for c in r.cells]
    assert NO_DATA in cells


def test_sections_at_risk_charts_coherence_and_tasks_are_there(
    opened: Document, report: ProgressReport
) -> None:
    texts = [p.text for p in opened.paragraphs]
    for heading in ("III. CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT", "IV. DIỄN BIẾN TỪNG CHỈ TIÊU"):
        assert heading in texts
    for row in report.at_risk:
        assert any(t.startswith(f"- {row.name}:") for t in texts)
    assert sum(t.startswith("Hình ") for t in texts) == len(report.charts)
    assert len(opened.inline_shapes) == len(report.charts)


def test_the_pdf_renders_to_pages(data: bytes, artifacts: Path) -> None:
    """LibreOffice makes the PDF; pdftoppm draws its pages into test-artifacts/ to look at."""
    pdf = docx_to_pdf(data)
    assert pdf.startswith(b"%PDF")
    target = artifacts / "tien-do-2026.pdf"
    target.write_bytes(pdf)
    for old in artifacts.glob("tien-do-2026-trang-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(target), str(artifacts / "tien-do-2026-trang")],
        check=True,
    )
    assert len(list(artifacts.glob("tien-do-2026-trang-*.png"))) >= 3


def test_without_libreoffice_the_message_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    from chitieu.reports import pdf

    monkeypatch.setattr(pdf, "SOFFICE_NAMES", ("khong-co-chuong-trinh-nay",))
    with pytest.raises(PdfUnavailableError, match="chưa cài LibreOffice"):
        docx_to_pdf(b"")


def test_the_overview_never_counts_zero(catalogue: Catalogue) -> None:
    """With no figure yet, the overview says so in words instead of "0 chỉ tiêu"."""
    from chitieu.reports.docx_progress import overview

    empty = progress_report(catalogue, (), 2026)
    text = overview(empty)
    assert " 0 chỉ tiêu" not in text and "số liệu của 0" not in text
    assert "chưa chỉ tiêu nào có số liệu" in text
    assert "chưa xác định chỉ tiêu nào có nguy cơ không đạt" in text


def test_coherence_findings_name_indicators_not_codes(opened: Document) -> None:
    """Readers see “Quy mô GRDP”, not kt.grdp.quy_mo, and no settings keys like (deflator_low)."""
    import re

    texts = [p.text for p in opened.paragraphs if p.text.startswith("- ")]
    assert texts
    for text in texts:
        assert not re.search(r"\b(kt|xh|mt|xdd)\.[a-z_.]+", text), text
        assert not re.search(r"\([a-z]+_[a-z_]+\)", text), text
        assert ".." not in text, text


def test_checks_a_small_plan_cannot_run_are_counted_not_listed_as_problems(
    catalogue: Catalogue,
) -> None:
    """A commune's plan has no GRDP or budget targets: the checks that need them are said
    once in a sentence, never listed under "cần lưu ý" with a check's code."""
    keep = {"xh.tuoi_tho", "xh.y_te.bac_si"}
    small = replace(catalogue, indicators=tuple(i for i in catalogue.indicators if i.code in keep))
    report = progress_report(small, (), 2026, charts=False)
    text = "\n".join(p.text for p in open_docx(BytesIO(progress_docx(report, HEADING))).paragraphs)
    assert "0 cần lưu ý" in text
    assert "quan hệ chưa kiểm tra được vì kế hoạch thiếu chỉ tiêu hoặc số liệu" in text
    assert "co_cau.tong_muc_tieu" not in text and "Chưa kiểm tra được" not in text


def test_a_check_that_could_not_run_is_named_in_words() -> None:
    """Every check id the coherence modules use has its Vietnamese title."""
    import re

    from chitieu.outlook import coherence

    source = "\n".join(
        (Path(coherence.__file__).parent / f"coherence_{name}.py").read_text(encoding="utf-8")
        for name in ("budget", "grdp", "investment", "shares")
    )
    used = set(re.findall(r'check = "([a-z_.]+)"', source))
    assert used and used <= set(coherence.CHECK_TITLES)
