"""The whole ingest: tables, plan, past terms, footnotes, and the optional extractors."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from chitieu.catalog.io import dumps, loads
from chitieu.catalog.model import Catalogue, Claim
from chitieu.ingest import pipeline
from chitieu.ingest.document import Document
from chitieu.ingest.pipeline import extractor, ingest
from chitieu.ingest.plan_hints import PlanHints

FIXTURE_CODES = 58  # indicator rows of Phụ lục 2 (tests/ingest/fixtures/phu_luc_2.yaml)


@pytest.fixture(scope="module")
def tables_only(seed_document: Document) -> Catalogue:
    return ingest(seed_document, steps=())


@pytest.fixture(scope="module")
def full(seed_document: Document) -> Catalogue:
    return ingest(seed_document)


def test_plan_is_named_from_the_target_table_title(tables_only: Catalogue) -> None:
    plan = tables_only.plan
    assert (plan.code, plan.term_start, plan.term_end, plan.locality) == (
        "hung_yen_2025_2030",
        2025,
        2030,
        "hung_yen",
    )
    assert (
        plan.name == "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH HƯNG YÊN LẦN THỨ NHẤT, NHIỆM KỲ 2025 - 2030"
    )
    assert plan.issuer == "Đảng bộ tỉnh Hưng Yên"
    assert plan.document == "bao-cao-chinh-tri-hung-yen-2025-2030.txt"


def test_plan_code_can_be_given(seed_document: Document) -> None:
    assert ingest(seed_document, plan_code="hy_nq1", steps=()).plan.code == "hy_nq1"


def test_indicators_and_groups_come_from_phu_luc_2(tables_only: Catalogue) -> None:
    assert len(tables_only.indicators) == FIXTURE_CODES
    assert [g.code for g in tables_only.groups] == [
        "kinh_te",
        "van_hoa_xa_hoi",
        "moi_truong",
        "xay_dung_dang",
    ]


def test_past_terms_are_the_two_former_provinces_in_order(tables_only: Catalogue) -> None:
    assert [t.code for t in tables_only.past_terms] == [
        "hung_yen_cu_2020_2025",
        "thai_binh_cu_2020_2025",
    ]
    assert [len(t.rows) for t in tables_only.past_terms] == [51, 20]


def test_all_73_footnotes_in_number_order(tables_only: Catalogue) -> None:
    assert [f.number for f in tables_only.footnotes] == list(range(1, 74))
    first = tables_only.footnotes[0]
    assert first.text.startswith("Tốc độ tăng năng suất lao động bình quân đạt 10,45%/năm")


def test_indicators_are_in_document_order(tables_only: Catalogue) -> None:
    lines = [i.source.line or 0 for i in tables_only.indicators if i.source]
    assert lines == sorted(lines)


def test_catalogue_round_trips_through_the_file_format(tables_only: Catalogue) -> None:
    assert loads(dumps(tables_only)) == tables_only


def test_a_path_reads_the_same_as_a_document(seed_path: Path, tables_only: Catalogue) -> None:
    assert ingest(seed_path, steps=()) == tables_only


def test_docx_gives_the_same_indicators(docx_document: Document, tables_only: Catalogue) -> None:
    from_docx = ingest(docx_document, steps=())
    assert [(i.code, i.parent, i.targets and i.targets[0].value) for i in from_docx.indicators] == [
        (i.code, i.parent, i.targets and i.targets[0].value) for i in tables_only.indicators
    ]


def test_missing_extractor_module_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.EXTRACTORS, "claims", ("_not_written_yet", "extract_claims"))
    assert extractor("claims") is None


def test_installed_extractor_is_called_with_the_document(
    monkeypatch: pytest.MonkeyPatch, seed_document: Document
) -> None:
    claim = Claim("x", None, "x", None, None, "s", None, None, 1)
    fake = types.ModuleType("chitieu.ingest._fake_claims")
    fake.extract_claims = lambda doc: (claim,) if doc is seed_document else ()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "chitieu.ingest._fake_claims", fake)
    monkeypatch.setitem(pipeline.EXTRACTORS, "claims", ("_fake_claims", "extract_claims"))
    assert ingest(seed_document, steps=("claims",)).claims == (claim,)


def test_document_without_title_still_gives_a_catalogue() -> None:
    """Nothing is refused for its metadata: what is unknown stays empty for a person."""
    plan = ingest(Document("ghi-chep.txt", (), (), (), ()), steps=()).plan
    assert (plan.code, plan.issuer, plan.term_start, plan.term_end, plan.locality) == (
        "ghi_chep",
        "",
        None,
        None,
        "",
    )


def test_hints_win_over_the_document(seed_document: Document) -> None:
    hints = PlanHints(locality="Hưng Yên", level="tinh", term=(2026, 2030), plan_code="hy")
    plan = ingest(seed_document, steps=(), hints=hints).plan
    assert (plan.code, plan.term_start, plan.term_end, plan.issuer) == (
        "hy",
        2026,
        2030,
        "Đảng bộ tỉnh Hưng Yên",
    )


def test_full_ingest_keeps_the_table_indicators(full: Catalogue, tables_only: Catalogue) -> None:
    codes = {i.code for i in full.indicators}
    assert {i.code for i in tables_only.indicators} <= codes


def test_full_ingest_runs_the_installed_task_extractor(full: Catalogue) -> None:
    assert bool(full.tasks) == (extractor("tasks") is not None)


def test_targets_under_no_group_heading_are_in_a_group_named_in_words(tmp_path: Path) -> None:
    """A commune's short resolution numbers its targets with no group heading: the group the
    report prints is "Chỉ tiêu chung", not its code."""
    text = (
        "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ TÂN AN, NHIỆM KỲ 2025 - 2030\n"
        "II. CÁC CHỈ TIÊU CHỦ YẾU\n"
        "1. Thu nhập bình quân đầu người đến năm 2030 đạt 86,4 triệu đồng.\n"
        "2. Tỷ lệ hộ nghèo giảm bình quân 1,41%/năm.\n"
    )
    path = tmp_path / "tan-an.txt"
    path.write_text(text, encoding="utf-8")
    catalogue = ingest(path)
    assert [(g.code, g.name) for g in catalogue.groups] == [("chung", "Chỉ tiêu chung")]
