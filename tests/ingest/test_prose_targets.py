"""Prose targets: section IV of the seed, counted by hand, and five invented documents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.catalog.model import Aggregation, Direction
from chitieu.ingest import Document
from chitieu.ingest.prose_targets import PER_YEAR_CHANGE, ProseTarget, extract_prose_targets
from tests.ingest.prose_builders import document

D = Decimal
LEVEL, AVG_GROWTH, AVG_LEVEL = Aggregation.LEVEL, Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL
CUMULATIVE, EVERY_YEAR, CHANGE = Aggregation.CUMULATIVE, Aggregation.EVERY_YEAR, Aggregation.CHANGE


@pytest.fixture(scope="module")
def seed_targets(seed_document: Document) -> tuple[ProseTarget, ...]:
    return extract_prose_targets(seed_document)


def at(targets: tuple[ProseTarget, ...], line: int, index: int = 0) -> ProseTarget:
    return [t for t in targets if t.line == line][index]


def summary(t: ProseTarget) -> tuple[object, ...]:
    g = t.target
    return (g.kind.value, g.low, g.high, g.unit, t.period_start, t.period_end, t.aggregation)


def test_section_iv_has_fifty_targets(seed_targets: tuple[ProseTarget, ...]) -> None:
    """Section 1: 3+4+2+4+5 = 18; section 2: 19; section 3: 7; section 4 (defence): 0; section 5: 6."""
    assert len(seed_targets) == 50
    assert all(402 <= t.line <= 486 for t in seed_targets)
    assert not [t for t in seed_targets if 477 <= t.line <= 479]


@pytest.mark.parametrize(
    ("line", "index", "expected"),
    [
        (406, 0, ("range", D(10), D(11), "pct_per_year", 2026, 2030, AVG_GROWTH)),
        (408, 0, ("approx", D(180), D(180), "trieu_dong_per_year", 2026, 2030, LEVEL)),
        (408, 1, ("approx", D(600000), D(600000), "ty_dong", 2026, 2030, LEVEL)),
        (410, 0, ("point", D(8), D(8), "pct", 2026, 2030, LEVEL)),
        (417, 0, ("approx", D(1100000), D(1100000), "ty_dong", 2026, 2030, CUMULATIVE)),
        (417, 1, ("point", D("47.6"), D("47.6"), "pct", 2026, 2030, AVG_LEVEL)),
        (421, 1, ("approx", D(36000), D(36000), "ty_dong", 2026, 2030, LEVEL)),
        (423, 0, ("point", D(50), D(50), "pct", 2026, 2030, AVG_LEVEL)),
        (427, 0, ("point", D("10.37"), D("10.37"), "pct_per_year", 2026, 2030, AVG_GROWTH)),
        (431, 0, ("rank", None, D(10), "hang", 2026, 2030, LEVEL)),
        (435, 0, ("point", D("0.79"), D("0.79"), None, 2026, 2030, LEVEL)),
        (437, 0, ("point", D("76.8"), D("76.8"), "nam", 2026, 2030, LEVEL)),
        (437, 1, ("min", D(70), None, "nam", 2026, 2030, LEVEL)),
        (438, 0, ("max", None, D(1), "pct", 2026, 2030, AVG_LEVEL)),
        (442, 1, ("point", D(100), D(100), "pct", 2026, 2030, LEVEL)),
        (444, 0, ("min", D(15), None, "bac_sy_per_10k", 2026, 2030, LEVEL)),
        (450, 0, ("point", D(100), D(100), "pct", 2026, 2030, EVERY_YEAR)),
        (454, 0, ("max", None, D("1.7"), "pct", 2026, 2030, LEVEL)),
        (463, 0, ("min", D(30), None, "pct", 2026, 2030, LEVEL)),
        (475, 0, ("range", D(60), D(70), "pct", 2026, 2030, LEVEL)),
        (483, 0, ("min", D(3), None, "pct", 2026, 2030, EVERY_YEAR)),
        (483, 1, ("min", D(90), None, "pct", 2026, 2030, EVERY_YEAR)),
        (485, 0, ("min", D(70), None, "pct", 2026, 2030, EVERY_YEAR)),
        (485, 2, ("point", D(100), D(100), "pct", 2026, 2030, EVERY_YEAR)),
        (485, 3, ("min", D(15), None, "pct", 2026, 2030, EVERY_YEAR)),
    ],
)
def test_seed_target(
    seed_targets: tuple[ProseTarget, ...], line: int, index: int, expected: tuple[object, ...]
) -> None:
    assert summary(at(seed_targets, line, index)) == expected


def test_bullets_hang_from_the_heading_that_states_no_value(
    seed_targets: tuple[ProseTarget, ...],
) -> None:
    bullets = [t for t in seed_targets if 410 <= t.line <= 415]
    assert [t.subject for t in bullets] == [
        "Khu vực nông nghiệp, lâm nghiệp, thủy sản",
        "Khu vực công nghiệp, xây dựng",
        "Khu vực dịch vụ",
        "Thuế sản phẩm trừ trợ cấp sản phẩm",
    ]
    assert {t.parent for t in bullets} == {"Cơ cấu kinh tế trong GRDP"}


@pytest.mark.parametrize(
    ("line", "index", "subject", "parent_start"),
    [
        (421, 0, "thu nội địa", "Tổng thu ngân sách Nhà nước"),
        (421, 1, "thu nội địa không bao gồm tiền sử dụng đất", "thu nội địa"),
        (421, 2, "thu xuất, nhập khẩu", "Tổng thu ngân sách Nhà nước"),
        (437, 1, "thời gian sống khỏe mạnh", "Tuổi thọ bình quân"),
        (
            442,
            1,
            "trường mầm non, trường tiểu học và trường phổ thông công lập đạt chuẩn quốc gia",
            "Tỷ lệ trường mầm non",
        ),
        (454, 0, "Tỷ lệ thất nghiệp ở thành thị", "Tỷ lệ thất nghiệp chung"),
    ],
)
def test_trong_do_sub_targets_name_their_parent(
    seed_targets: tuple[ProseTarget, ...], line: int, index: int, subject: str, parent_start: str
) -> None:
    target = at(seed_targets, line, index)
    assert target.subject == subject
    assert target.parent is not None and target.parent.startswith(parent_start)


def test_item_number_only_on_the_first_target_of_an_item(
    seed_targets: tuple[ProseTarget, ...],
) -> None:
    assert [t.number for t in seed_targets[:3]] == ["1.1", None, None]
    assert [t.item for t in seed_targets[:3]] == ["1.1", "1.1", "1.1"]
    assert seed_targets[0].group == "Về phát triển kinh tế"


def test_clauses_without_colon_take_the_object_as_subject(
    seed_targets: tuple[ProseTarget, ...],
) -> None:
    """ "có trên 90% tổ chức cơ sở đảng, …": the subject is what follows the number."""
    assert at(seed_targets, 483, 1).subject.startswith("tổ chức cơ sở đảng, đảng viên")
    assert (
        at(seed_targets, 485, 2).subject == "các đảng ủy cơ sở kiểm tra, giám sát chi bộ trực thuộc"
    )


def test_wording_gives_the_direction(seed_targets: tuple[ProseTarget, ...]) -> None:
    """ "Dưới" says lower, "Trên" higher; "giám sát" is not "giảm"."""
    assert at(seed_targets, 452).direction is Direction.LOWER
    assert at(seed_targets, 463).direction is Direction.HIGHER
    assert at(seed_targets, 485, 0).direction is Direction.HIGHER
    assert at(seed_targets, 429).direction is None


# -- invented documents -------------------------------------------------------


def targets_of(name: str) -> tuple[ProseTarget, ...]:
    return extract_prose_targets(document(name))


def test_hdnd_annual_plan_numbered_items() -> None:
    """A People's Council plan for 2026: the "Các chỉ tiêu chủ yếu" items, period 2026."""
    found = targets_of("nghi-quyet-hdnd-ke-hoach-2026.txt")
    assert [(t.number or t.item, summary(t)) for t in found] == [
        ("2.1", ("min", D("8.5"), None, "pct", 2026, 2026, AVG_GROWTH)),
        ("2.2", ("point", D(112), D(112), "trieu_dong", 2026, 2026, LEVEL)),
        ("2.3", ("point", D(24500), D(24500), "ty_dong", 2026, 2026, LEVEL)),
        ("2.3", ("point", D(21000), D(21000), "ty_dong", 2026, 2026, LEVEL)),
        ("2.4", ("max", None, D("1.2"), "pct", 2026, 2026, LEVEL)),
        ("2.5", ("point", D(72), D(72), "pct", 2026, 2026, LEVEL)),
        ("2.5", ("point", D(35), D(35), "pct", 2026, 2026, LEVEL)),
        ("2.6", ("point", D("95.5"), D("95.5"), "pct", 2026, 2026, LEVEL)),
        ("2.7", ("text", None, None, None, 2026, 2026, LEVEL)),
    ]
    assert found[3].parent == "Tổng thu ngân sách nhà nước trên địa bàn"
    assert found[6].subject == "bằng cấp, chứng chỉ"


def test_news_excerpt_semicolon_run() -> None:
    """A news article: results ("ước đạt") and the headline are not targets."""
    found = targets_of("tin-bao-hdnd-bac-lam.txt")
    assert [(t.subject, summary(t)) for t in found] == [
        (
            "tốc độ tăng trưởng GRDP bình quân giai đoạn 2026-2030",
            ("point", D("10.5"), D("10.5"), "pct_per_year", 2026, 2030, AVG_GROWTH),
        ),
        (
            "GRDP bình quân đầu người đến năm 2030",
            ("approx", D(95), D(95), "trieu_dong", 2026, 2030, LEVEL),
        ),
        ("tỷ lệ hộ nghèo", ("range", D(1), D("1.5"), "pct_per_year", 2026, 2030, CHANGE)),
        ("tỷ lệ đô thị hoá", ("min", D(40), None, "pct", 2026, 2030, LEVEL)),
        ("tổng thu ngân sách", ("point", D(70000), D(70000), "ty_dong", 2026, 2026, LEVEL)),
    ]


def test_yearly_reduction_is_a_change_with_its_flag() -> None:
    poverty = targets_of("tin-bao-hdnd-bac-lam.txt")[2]
    assert poverty.direction is Direction.LOWER
    assert PER_YEAR_CHANGE in poverty.target.flags


def test_congress_resolution_with_bullets() -> None:
    found = targets_of("nghi-quyet-dai-hoi-dong-ha.txt")
    assert [(t.subject, summary(t)) for t in found] == [
        (
            "Tốc độ tăng trưởng kinh tế (GRDP) bình quân giai đoạn 2026 - 2030",
            ("min", D(9), None, "pct_per_year", 2026, 2030, AVG_GROWTH),
        ),
        ("nông nghiệp", ("point", D(12), D(12), "pct", 2026, 2030, LEVEL)),
        ("công nghiệp - xây dựng", ("point", D(48), D(48), "pct", 2026, 2030, LEVEL)),
        ("dịch vụ", ("point", D(40), D(40), "pct", 2026, 2030, LEVEL)),
        (
            "Tổng vốn đầu tư toàn xã hội giai đoạn 2026 - 2030",
            ("approx", D(350000), D(350000), "ty_dong", 2026, 2030, CUMULATIVE),
        ),
        (
            "Tỷ lệ hộ nghèo (theo chuẩn đa chiều)",
            ("point", D("0.8"), D("0.8"), "pct_per_year", 2026, 2030, CHANGE),
        ),
        ("số xã đạt chuẩn nông thôn mới", ("point", D(100), D(100), "pct", 2026, 2030, LEVEL)),
        (
            "số xã đạt chuẩn nông thôn mới nâng cao",
            ("point", D(40), D(40), "pct", 2026, 2030, LEVEL),
        ),
        ("Số bác sỹ/1 vạn dân", ("point", D(14), D(14), "bac_sy_per_10k", 2026, 2030, LEVEL)),
        (
            "số giường bệnh/1 vạn dân",
            ("point", D(38), D(38), "giuong_benh_per_10k", 2026, 2030, LEVEL),
        ),
        ("Tỷ lệ che phủ rừng duy trì ổn định", ("point", D(45), D(45), "pct", 2026, 2030, LEVEL)),
    ]
    assert {t.parent for t in found[1:4]} == {"Cơ cấu kinh tế"}
    assert found[7].parent == "số xã đạt chuẩn nông thôn mới"
    assert [t.group for t in (found[0], found[5], found[10])] == [
        "Về kinh tế",
        "Về văn hóa - xã hội",
        "Về môi trường",
    ]


def test_sentence_list_after_phan_dau_dat() -> None:
    found = targets_of("ke-hoach-tay-son.txt")
    assert [(t.subject, summary(t)) for t in found] == [
        ("tỷ lệ đô thị hóa", ("point", D(45), D(45), "pct", 2026, 2030, LEVEL)),
        (
            "thu nhập bình quân đầu người",
            ("point", D(85), D(85), "trieu_dong_per_year", 2026, 2030, LEVEL),
        ),
        ("tỷ lệ lao động qua đào tạo", ("point", D(75), D(75), "pct", 2026, 2030, LEVEL)),
        (
            "tỷ lệ dân số đô thị được sử dụng nước sạch",
            ("point", D(98), D(98), "pct", 2026, 2030, LEVEL),
        ),
        ("kim ngạch xuất khẩu", ("point", D(3), D(3), "ty_usd", 2026, 2030, LEVEL)),
        ("tạo việc làm mới cho", ("min", D(25000), None, "lao_dong", 2026, 2030, EVERY_YEAR)),
    ]


def test_resolution_with_table_reads_only_the_prose_section() -> None:
    found = targets_of("nghi-quyet-ha-lam-bang-va-loi.txt")
    assert [t.number for t in found] == ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"]
    assert summary(found[0]) == ("range", D(9), D(10), "pct_per_year", 2026, 2030, AVG_GROWTH)
