"""task_links: a task is linked to a target only where its text names the target's concept."""

from __future__ import annotations

import pytest

from chitieu.catalog.model import Catalogue, Task
from chitieu.ingest.codes import CONCEPTS
from chitieu.ingest.concept_prose import PROSE
from chitieu.ingest.pipeline import ingest
from chitieu.ingest.task_links import TaskLinker, phrase, task_links
from tests.ingest.g_builders import seed_indicators


@pytest.fixture(scope="module")
def seed_catalogue(seed_path) -> Catalogue:  # type: ignore[no-untyped-def]
    return ingest(seed_path)


@pytest.fixture(scope="module")
def seed_tasks(seed_catalogue: Catalogue) -> dict[str, Task]:
    return {t.code: t for t in seed_catalogue.tasks}


@pytest.fixture(scope="module")
def linker(seed_catalogue: Catalogue) -> TaskLinker:
    return TaskLinker(seed_catalogue.indicators)


@pytest.mark.parametrize(
    ("task", "absent", "why"),
    [
        ("trong_tam.6", "xh.ntm", "“an toàn xã hội” is not “xã đạt chuẩn nông thôn mới”"),
        ("dot_pha.1", "xh.ntm", "“kinh tế - xã hội” shares only the word “xã”"),
        ("vi.2.1", "xh.ntm", "defence names no commune target"),
        ("trong_tam.2", "mt.co_so_dat_chuan", "“trên cơ sở” is not a production establishment"),
        ("vi.1.1", "xh.y_te", "“nhà ở, y tế, văn hóa, giáo dục” is a passing list"),
        ("vi.1.1", "xh.giao_duc", "“nhà ở, y tế, văn hóa, giáo dục” is a passing list"),
        ("vi.2.3", "xdd.kiem_tra_giam_sat", "state inspection (“thanh tra”) is not the Party's"),
        ("vi.3.10", "xdd.kiem_tra_giam_sat", "“thanh tra, kiểm tra, giám sát” of the state"),
        ("vi.3.5", "xh.that_nghiep", "“vị trí việc làm” is a job position"),
        ("vi.1.1", "kt.co_cau.cong_nghiep_xay_dung", "the manufacturing share is its own row"),
        ("vi.3.4", "kt.xep_hang_chi_so", "the Party organs' own “cải cách hành chính”"),
    ],
)
def test_shared_words_make_no_link(
    seed_tasks: dict[str, Task], linker: TaskLinker, task: str, absent: str, why: str
) -> None:
    found = linker.links(seed_tasks[task].text, seed_tasks[task].heading)
    assert absent not in found, why
    assert absent not in seed_tasks[task].indicators, why


@pytest.mark.parametrize(
    ("task", "present"),
    [
        ("vi.1.1", "kt.co_cau.che_bien_che_tao"),  # "tỷ trọng công nghiệp chế biến, chế tạo"
        ("vi.1.2", "xh.ntm"),  # "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"
        ("vi.1.3", "kt.do_thi_hoa"),  # "đẩy nhanh đô thị hoá"
        ("vi.1.6", "xh.ntm.nang_cao"),  # "xây dựng nông thôn mới nâng cao"
        ("vi.1.6", "xh.ntm.kieu_mau"),
        ("vi.1.7", "kt.nang_suat_lao_dong.tang_truong"),
        ("vi.1.11", "kt.thu_ngan_sach.tong"),
        ("vi.1.11", "kt.thu_ngan_sach.noi_dia_tru_dat"),  # "nhất là thu tiền sử dụng đất"
        ("vi.1.13", "mt.co_so_o_nhiem"),
        ("vi.1.14", "xh.y_te.bac_sy"),  # "tăng cường lực lượng bác sĩ"
        ("vi.1.14", "xh.ho_ngheo"),  # "giảm nghèo bền vững"
        ("vi.3.7", "xdd.ket_nap_dang_vien"),
        ("vi.3.9", "xdd.kiem_tra_giam_sat"),
        ("dot_pha.3", "xh.lao_dong_qua_dao_tao.bang_cap"),  # its heading names the workforce
    ],
)
def test_a_named_concept_makes_a_link(seed_tasks: dict[str, Task], task: str, present: str) -> None:
    assert present in seed_tasks[task].indicators


def test_quoc_phong_task_has_no_link_at_all(seed_tasks: dict[str, Task]) -> None:
    """The issue's example: the defence task was linked to the new-countryside target."""
    assert seed_tasks["trong_tam.6"].indicators == ()
    assert seed_tasks["vi.2.1"].indicators == ()


def test_heading_only_phrase_needs_the_heading() -> None:
    indicators = seed_indicators()
    by_code = {i.code: i for i in indicators}
    labour = [i for i in indicators if "qua đào tạo" in i.name]
    assert labour, sorted(by_code)
    text = "Gắn với phát triển nguồn nhân lực chất lượng cao"
    assert task_links(text, labour) == ()
    assert task_links(text, labour, heading=text) == (labour[0].code,)


def test_phrase_syntax() -> None:
    p = phrase("^a b + c + !d")
    assert (p.parts, p.excluded, p.heading) == ((" a b ", " c "), (" d ",), True)
    assert p.found_in(" x a b y c ") and not p.found_in(" a b c d ")


def test_every_prose_entry_is_a_lexicon_concept() -> None:
    assert set(PROSE) <= {c.code for c in CONCEPTS}


def test_an_indicator_outside_the_lexicon_is_found_by_its_name_side_by_side() -> None:
    from chitieu.catalog.model import Direction, Indicator

    roads = Indicator(
        "kt.km_duong",
        "Tỷ lệ đường giao thông nông thôn được cứng hóa",
        "kinh_te",
        None,
        "pct",
        Direction.HIGHER,
    )
    assert task_links("Cứng hóa đường giao thông nông thôn đến thôn, xóm", [roads]) == (
        "kt.km_duong",
    )
    assert task_links("Đường giao thông kết nối khu công nghiệp với nông thôn", [roads]) == ()
