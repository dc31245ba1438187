"""Baselines: the 2020 and 2025 values the prose states for catalogue indicators."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Baseline
from chitieu.ingest import Document, read_text
from chitieu.ingest.baselines import baseline_years, extract_baselines, locality
from tests.ingest.g_builders import seed_indicators

DOCUMENTS = Path(__file__).parent / "documents_g"


@pytest.fixture(scope="module")
def baselines(seed_document: Document) -> dict[str, tuple[Baseline, ...]]:
    return extract_baselines(seed_document, seed_indicators())


def values(found: tuple[Baseline, ...], locality: str | None = None) -> dict[int, Decimal]:
    return {b.year: b.value for b in found if b.locality == locality}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("kt.grdp.tang_truong", {2025: Decimal("9.17")}),
        ("kt.grdp.quy_mo", {2025: Decimal("328283")}),
        ("kt.grdp.dau_nguoi", {2025: Decimal("101.5")}),
        ("kt.co_cau.nong_nghiep", {2025: Decimal("11.9"), 2020: Decimal("17.4")}),
        ("kt.co_cau.cong_nghiep", {2025: Decimal("55.8"), 2020: Decimal("49.4")}),
        ("kt.co_cau.dich_vu", {2025: Decimal("27.2"), 2020: Decimal("26.5")}),
        ("kt.co_cau.thue", {2025: Decimal("5.1"), 2020: Decimal("6.7")}),
        ("kt.thu_ngan_sach", {2025: Decimal("74432")}),
        ("kt.nang_suat_lao_dong", {2025: Decimal("10.45"), 2020: Decimal("8.81")}),
        ("kt.do_thi_hoa", {2025: Decimal("34.4")}),
        ("xh.hdi", {2020: Decimal("0.724"), 2025: Decimal("0.764")}),
        ("xh.tuoi_tho", {2020: Decimal("74.8"), 2025: Decimal("76")}),
        ("xh.bac_sy", {2020: Decimal("10.1"), 2025: Decimal("11")}),
        ("xh.ho_ngheo", {2025: Decimal("0.9")}),
        ("xh.that_nghiep", {2020: Decimal("1.83"), 2025: Decimal("1.3")}),
    ],
)
def test_merged_province_baselines(
    baselines: dict[str, tuple[Baseline, ...]], code: str, expected: dict[int, Decimal]
) -> None:
    assert values(baselines[code]) == expected


def test_former_provinces_get_their_locality(baselines: dict[str, tuple[Baseline, ...]]) -> None:
    """Footnote 19: "trong đó tỉnh Hưng Yên (cũ) đạt 48,2% … tỉnh Thái Bình đạt 25,1%"."""
    found = baselines["kt.do_thi_hoa"]
    assert values(found, "hung_yen_cu") == {2025: Decimal("48.2")}
    assert values(found, "thai_binh_cu") == {2025: Decimal("25.1")}


def test_footnote_baseline_cites_the_footnote_line_and_its_anchor(
    seed_document: Document, baselines: dict[str, tuple[Baseline, ...]]
) -> None:
    footnote = seed_document.footnote(2)
    [b2020] = [b for b in baselines["kt.co_cau.nong_nghiep"] if b.year == 2020]
    assert b2020.source.line == footnote.line
    assert f"neo ở dòng {footnote.anchor_line}" in b2020.source.text


def test_every_indicator_is_a_key(baselines: dict[str, tuple[Baseline, ...]]) -> None:
    assert set(baselines) == {i.code for i in seed_indicators()}


def test_growth_multiples_and_equivalents_are_not_baselines(
    baselines: dict[str, tuple[Baseline, ...]],
) -> None:
    """1,73 (gấp), 67,77% (tăng) and 4.200 USD (tương đương) stay claims."""
    found = {b.value for bs in baselines.values() for b in bs}
    assert not found & {Decimal("1.73"), Decimal("67.77"), Decimal("4200")}


def test_baseline_years_come_from_the_term(seed_document: Document) -> None:
    assert baseline_years(seed_document) == {2020, 2025}


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("tỉnh Hưng Yên (cũ)", "hung_yen_cu"),
        ("tỉnh Thái Bình (cũ)", "thai_binh_cu"),
        ("tỉnh Hưng Yên", None),
    ],
)
def test_locality(subject: str, expected: str | None) -> None:
    assert locality(subject) == expected


def test_hand_written_resolution() -> None:
    doc = read_text(DOCUMENTS / "nghi-quyet-nhiem-vu.txt")
    found = extract_baselines(doc, seed_indicators())
    assert values(found["xh.ho_ngheo"]) == {2020: Decimal("3.2"), 2025: Decimal("1.1")}
    assert values(found["xh.tuoi_tho"]) == {2025: Decimal("74.5")}


def test_with_the_real_target_table(seed_document: Document) -> None:
    """The catalogue read from Phụ lục 2 gets the headline baselines of line 17 and footnote 2."""
    from chitieu.ingest.target_table import read_target_table

    table = read_target_table(seed_document.table("PHỤ LỤC 2"), document=seed_document.name)
    found = extract_baselines(seed_document, table.indicators)
    assert values(found["kt.grdp.tang_truong"]) == {2025: Decimal("9.17")}
    assert values(found["kt.co_cau.thue_san_pham"]) == {2025: Decimal("5.1"), 2020: Decimal("6.7")}
    assert values(found["xh.hdi"]) == {2020: Decimal("0.724"), 2025: Decimal("0.764")}
