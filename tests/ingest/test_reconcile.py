"""Table against prose: the real differences of the seed, none on identical statements."""

from __future__ import annotations

import pytest

from chitieu.catalog.model import Aggregation, Discrepancy, Indicator
from chitieu.ingest import Document
from chitieu.ingest.prose_targets import extract_prose_targets
from chitieu.ingest.reconcile import Reconciled, indicators_from_prose, reconcile
from chitieu.ingest.target_table import read_target_table
from tests.ingest.prose_builders import document, indicator, twins


@pytest.fixture(scope="module")
def seed_reconciled(seed_document: Document) -> Reconciled:
    table = read_target_table(seed_document.table("Phụ lục 2"), document=seed_document.name)
    prose = extract_prose_targets(seed_document)
    return reconcile(table.indicators, prose, document=seed_document.name)


def found(
    result: Reconciled, kind: str, table_line: int | None, prose_line: int | None
) -> Discrepancy:
    hits = [
        d
        for d in result.discrepancies
        if d.kind == kind and d.table_line == table_line and d.prose_line == prose_line
    ]
    assert len(hits) == 1, [(d.kind, d.table_line, d.prose_line) for d in result.discrepancies]
    return hits[0]


@pytest.mark.parametrize(
    ("kind", "table_line", "prose_line"),
    [
        ("bound_wording", 1494, 454),  # "1,7 %" / "Dưới 1,7%"
        ("bound_wording", 1458, 444),  # "15 bác sỹ" / "Trên 15 bác sỹ"
        ("bound_wording", 1462, 445),  # "43 giường bệnh" / "Trên 43 giường bệnh"
        ("unit", 1426, 437),  # "76,8 tuổi" / "76,8 năm"
        ("unit", 1430, 437),  # "70 tuổi" / "tối thiểu 70 năm"
        ("bound_wording", 1558, 483),  # "90 %" / "trên 90%"
        ("scope", 1558, 483),  # "tổ chức cơ sở đảng" / "… , đảng viên"
        ("scope", 1530, 469),  # "đô thị" / "đô thị và nông thôn"
        ("bound_wording", 1570, 485),  # "70 %" / "ít nhất 70%"
        ("bound_wording", 1582, 485),  # "15 %" / "ít nhất 15%"
        ("unit", 1338, 406),  # "10%-11%" / "10-11%/năm"
        ("bound_wording", 1374, 417),  # "1.100.000 tỷ đồng" / "Khoảng 1.100.000 tỷ đồng"
        ("only_in_table", 1362, None),  # "Trong đó: Công nghiệp chế biến, chế tạo 40,5 %"
    ],
)
def test_seed_difference_found(
    seed_reconciled: Reconciled, kind: str, table_line: int, prose_line: int | None
) -> None:
    assert found(seed_reconciled, kind, table_line, prose_line).explanation


def test_the_urban_unemployment_note_names_both_texts(seed_reconciled: Reconciled) -> None:
    note = found(seed_reconciled, "bound_wording", 1494, 454)
    assert note.table_text == "Tỷ lệ thất nghiệp ở thành thị: 1,7 %"
    assert note.prose_text == "Tỷ lệ thất nghiệp ở thành thị: Dưới 1,7%"
    assert "cận trên" in note.explanation


@pytest.mark.parametrize(
    "table_line",
    [
        1514,  # ">30 %" / "Trên 30%": the same bound in two wordings
        1550,  # "60-70 %" / "60 - 70%"
        1434,  # "<1 %" / "Dưới 1%"
        1402,  # "11%" (name: "bình quân hàng năm") / "11%/năm"
        1466,  # khám sức khỏe định kỳ: in both, 100 %
        1538,  # 3.4 khu công nghiệp: in both
        1542,  # 3.5
        1546,  # 3.6
        1350,  # "Cơ cấu kinh tế 100 %": the prose names it as the heading of its parts
    ],
)
def test_no_difference_where_there_is_none(seed_reconciled: Reconciled, table_line: int) -> None:
    assert [d for d in seed_reconciled.discrepancies if d.table_line == table_line] == []


def test_every_seed_prose_target_is_matched(seed_reconciled: Reconciled) -> None:
    assert seed_reconciled.unmatched == ()
    assert len(seed_reconciled.matches) == 50


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("xh.giao_duc.truong_cong_lap_chuan_quoc_gia", 442),
        ("xh.giao_duc.truong_chuan_quoc_gia", 442),
        ("xh.that_nghiep.thanh_thi", 454),
        ("xh.that_nghiep.nong_thon", 456),
        ("kt.xep_hang_chi_so", 431),
        ("xdd.to_chuc_co_so_dang", 483),
        ("xdd.ket_nap_dang_vien", 483),
        ("xdd.kiem_tra_giam_sat.btvtu", 485),
        ("xdd.kiem_tra_giam_sat.chi_bo", 485),
    ],
)
def test_seed_pairs(seed_reconciled: Reconciled, code: str, line: int) -> None:
    assert line in [p.line for c, p in seed_reconciled.matches if c == code]


def test_public_school_sub_target_pairs_with_the_trong_do_row(seed_reconciled: Reconciled) -> None:
    pairs = dict(seed_reconciled.matches)
    assert pairs["xh.giao_duc.truong_cong_lap_chuan_quoc_gia"].target.low == 100
    assert pairs["xh.giao_duc.truong_chuan_quoc_gia"].target.low == 95


def aggregation_of(result: Reconciled, code: str) -> Aggregation:
    return next(i for i in result.indicators if i.code == code).targets[0].aggregation


@pytest.mark.parametrize(
    ("code", "aggregation"),
    [
        ("xh.tang_dan_so_tu_nhien", Aggregation.AVG_LEVEL),
        ("xdd.to_chuc_co_so_dang", Aggregation.EVERY_YEAR),
        ("kt.grdp.tang_truong", Aggregation.AVG_GROWTH),
        ("kt.von_dau_tu.tong", Aggregation.CUMULATIVE),
    ],
)
def test_prose_enriches_the_aggregation(
    seed_reconciled: Reconciled, code: str, aggregation: Aggregation
) -> None:
    assert aggregation_of(seed_reconciled, code) is aggregation


# -- hand-built tables ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "nghi-quyet-hdnd-ke-hoach-2026.txt",
        "tin-bao-hdnd-bac-lam.txt",
        "nghi-quyet-dai-hoi-dong-ha.txt",
        "ke-hoach-tay-son.txt",
    ],
)
def test_identical_table_and_prose_differ_in_nothing(name: str) -> None:
    prose = extract_prose_targets(document(name))
    result = reconcile(twins(prose), prose, document=name)
    assert result.discrepancies == ()
    assert len(result.matches) == len(prose)


def test_table_and_prose_that_disagree() -> None:
    doc = document("nghi-quyet-ha-lam-bang-va-loi.txt")
    table = read_target_table(doc.tables[0], document=doc.name).indicators
    result = reconcile(table, extract_prose_targets(doc), document=doc.name)
    assert sorted((d.kind, d.table_line, d.prose_line) for d in result.discrepancies) == [
        ("bound_wording", 47, 13),  # "1 %" / "Dưới 1%"
        ("only_in_prose", None, 19),  # lao động qua đào tạo
        ("only_in_table", 59, None),  # suy dinh dưỡng
        ("unit", 35, 7),  # "9-10 %" / "9-10%/năm"
        ("value", 51, 15),  # "95 %" / "98%"
    ]
    assert [p.line for p in result.unmatched] == [19]


def test_hand_built_row_takes_the_prose_period_start() -> None:
    prose = extract_prose_targets(document("nghi-quyet-ha-lam-bang-va-loi.txt"))
    row = indicator("kt.do_thi_hoa", "Tỷ lệ đô thị hóa", ">45 %", line=39, period=(2025, 2030))
    result = reconcile([row], prose[1:2], document="x")
    assert result.discrepancies == ()
    assert result.indicators[0].targets[0].period_start == 2026


def test_period_end_difference_is_reported() -> None:
    prose = extract_prose_targets(document("nghi-quyet-ha-lam-bang-va-loi.txt"))
    row = indicator("kt.do_thi_hoa", "Tỷ lệ đô thị hóa", ">45 %", line=39, period=(2026, 2028))
    assert [d.kind for d in reconcile([row], prose[1:2], document="x").discrepancies] == ["period"]


def test_without_a_table_everything_is_unmatched() -> None:
    prose = extract_prose_targets(document("tin-bao-hdnd-bac-lam.txt"))
    result = reconcile([], prose, document="x")
    assert (result.indicators, result.discrepancies, result.unmatched) == ((), (), prose)


# -- indicators from prose -----------------------------------------------------


def by_code(indicators: tuple[Indicator, ...]) -> dict[str, Indicator]:
    return {i.code: i for i in indicators}


def test_indicators_from_news_prose() -> None:
    prose = extract_prose_targets(document("tin-bao-hdnd-bac-lam.txt"))
    built = by_code(indicators_from_prose(prose, document="tin.txt"))
    assert sorted(built) == [
        "kt.do_thi_hoa",
        "kt.grdp.binh_quan_dau_nguoi",
        "kt.grdp.tang_truong",
        "kt.thu_ngan_sach.tong",
        "xh.ho_ngheo",
    ]
    growth = built["kt.grdp.tang_truong"]
    assert growth.group == "chung"
    assert growth.targets[0].aggregation is Aggregation.AVG_GROWTH
    assert (growth.targets[0].period_start, growth.targets[0].period_end) == (2026, 2030)
    assert growth.targets[0].source.line == 7


def test_indicators_from_prose_groups_and_parents() -> None:
    prose = extract_prose_targets(document("nghi-quyet-dai-hoi-dong-ha.txt"))
    built = by_code(indicators_from_prose(prose, document="dh.txt"))
    assert built["kt.co_cau"].targets == ()
    assert built["kt.co_cau.nong_nghiep"].parent == "kt.co_cau"
    assert built["kt.co_cau.nong_nghiep"].group == "kinh_te"
    assert built["xh.ntm.nang_cao"].parent == "xh.ntm"
    assert built["xh.ho_ngheo"].group == "van_hoa_xa_hoi"
    assert built["xh.ho_ngheo"].targets[0].aggregation is Aggregation.CHANGE


def test_indicators_from_prose_codes_are_unique(seed_document: Document) -> None:
    built = indicators_from_prose(extract_prose_targets(seed_document), document="seed")
    codes = [i.code for i in built]
    assert len(codes) == len(set(codes))
    assert by_code(built)["xh.that_nghiep.thanh_thi"].parent == "xh.that_nghiep"
