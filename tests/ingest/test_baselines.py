"""Baselines: the 2020 and 2025 values the prose states for catalogue indicators."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Baseline
from chitieu.ingest import Document, read_text
from chitieu.ingest.baselines import (
    FormerUnit,
    baseline_years,
    extract_baselines,
    former_units,
    locality,
)
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


def test_the_former_provinces_are_learnt_from_the_results_tables(seed_document: Document) -> None:
    """The merged province shares its name with one of them: only "(cũ)" names that one."""
    assert former_units(seed_document) == (
        FormerUnit("hung_yen_cu", "hưng yên", shared=True),
        FormerUnit("thai_binh_cu", "thai binh"),
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("tỉnh Hưng Yên (cũ)", "hung_yen_cu"),
        ("tỉnh Thái Bình (cũ)", "thai_binh_cu"),
        ("tỉnh Thái Bình", "thai_binh_cu"),
        ("tỉnh Hưng Yên", None),
    ],
)
def test_locality(seed_document: Document, subject: str, expected: str | None) -> None:
    assert locality(subject, former_units(seed_document)) == expected


def test_a_document_of_one_province_has_no_former_units() -> None:
    assert former_units(read_text(DOCUMENTS / "nghi-quyet-nhiem-vu.txt")) == ()


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


# -- the real pipeline: every baseline hand-checked against its line --------------------

FIXTURE = Path(__file__).parent / "fixtures" / "baselines.yaml"
Row = tuple[str, int, Decimal, str | None, int | None]


@pytest.fixture(scope="module")
def pipeline_baselines(seed_path: Path) -> dict[str, tuple[Baseline, ...]]:
    from chitieu.ingest.pipeline import ingest

    return {i.code: i.baselines for i in ingest(seed_path).indicators}


def rows(found: dict[str, tuple[Baseline, ...]]) -> list[Row]:
    return [
        (code, b.year, b.value, b.locality, b.source.line)
        for code, baselines in found.items()
        for b in baselines
    ]


def test_pipeline_baselines_are_exactly_the_hand_checked_ones(
    pipeline_baselines: dict[str, tuple[Baseline, ...]],
) -> None:
    """A baseline added, dropped or changed fails: each fixture row was read on its line."""
    import yaml

    expected = [
        (r["code"], r["year"], Decimal(r["value"]), r["locality"], r["line"])
        for r in yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["baselines"]
    ]
    assert sorted(rows(pipeline_baselines), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("xh.lao_dong_qua_dao_tao.bang_cap", Decimal("68")),  # line 113: all trained labour
        ("xh.lao_dong_qua_dao_tao.bang_cap", Decimal("80")),
        ("xh.giao_duc.truong_chuan_quoc_gia", Decimal("67.2")),  # fn 44: kindergartens, 2020
    ],
)
def test_a_number_of_another_concept_is_not_attached(
    pipeline_baselines: dict[str, tuple[Baseline, ...]], code: str, value: Decimal
) -> None:
    assert value not in {b.value for b in pipeline_baselines[code]}


@pytest.mark.parametrize("code", ["xh.ntm", "xdd.kiem_tra_giam_sat"])
def test_heading_rows_take_no_baseline(
    pipeline_baselines: dict[str, tuple[Baseline, ...]], code: str
) -> None:
    """ "01 liên minh hợp tác xã" (fn 7) and "6 tháng" (line 241) are not their values."""
    assert pipeline_baselines[code] == ()


def test_cumulative_targets_take_no_baseline(
    pipeline_baselines: dict[str, tuple[Baseline, ...]],
) -> None:
    assert pipeline_baselines["kt.von_dau_tu.tong"] == ()


def test_a_footnote_without_years_takes_its_anchor_sentences_pair(
    pipeline_baselines: dict[str, tuple[Baseline, ...]],
) -> None:
    """Footnote 39 "giảm từ 27,9% xuống 18,3%": line 113 says "(năm 2020) … (năm 2025)"."""
    found = pipeline_baselines["xh.lao_dong_nong_nghiep"]
    assert values(found) == {2020: Decimal("27.9"), 2025: Decimal("18.3")}
    assert all("năm theo câu neo" in b.source.text and "(năm 2020)" in b.source.text for b in found)


def test_no_year_no_baseline(seed_document: Document) -> None:
    """Without the anchor's pair of years, "từ 27,9% xuống 18,3%" has no year: not attached."""
    from dataclasses import replace

    footnotes = tuple(
        replace(f, anchor_text="") if f.number == 39 else f for f in seed_document.footnotes
    )
    doc = replace(seed_document, footnotes=footnotes)
    [farm] = [i for i in seed_indicators() if i.code == "xh.lao_dong_nong_nghiep"]
    assert extract_baselines(doc, [farm])[farm.code] == ()


@pytest.mark.parametrize(
    ("line", "number", "expected"),
    [
        (113, "68", (2020, False)),  # "68% (năm 2020)"
        (113, "27,2", (2025, False)),  # "27,2% (năm 2025)"
        (1728, "0,724", (2020, False)),  # "0,724 năm 2020"
        (1587, "8,81", (2020, True)),  # "8,81%/năm của giai đoạn 2016-2020"
        (17, "9,17", (2025, True)),  # "giai đoạn 2021 - 2025 đạt bình quân 9,17%/năm"
        (17, "55,8", (2025, False)),  # "Năm 2025, …; công nghiệp, xây dựng chiếm 55,8%"
        (1722, "67,2", (2020, False)),  # "từ năm 2020 đến năm 2025: Mầm non tăng từ 67,2%"
        (1722, "95,3", (2025, False)),
        (1707, "27,9", None),  # no year in the footnote itself
        (61, "47,6", None),  # the only year before it is "giai đoạn 2016 - 2020" of gấp
    ],
)
def test_stated_year_on_real_lines(
    seed_lines: list[str],
    line: int,
    number: str,
    expected: tuple[int, bool] | None,
) -> None:
    from chitieu.ingest.baselines import stated_year

    text = seed_lines[line - 1].lstrip("\ufffd ")
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", text) if number in s)
    start = sentence.index(number)
    assert stated_year(sentence, start, start + len(number)) == expected
