"""Stable indicator codes: a lexicon of the concepts Vietnamese resolutions measure.

A concept has a code (`kt.grdp.tang_truong`), keyword patterns matched on
`fold()`ed names (so "hoá"/"hóa", NFC/NFD and case do not matter), a direction
and a default aggregation. `indicator_code` returns the concept's code, or for
a name the lexicon does not know a short deterministic slug under the group's
prefix; `unique_code` makes a code unique in a catalogue with a suffix.

Directions (documented choices):
- LOWER: poverty (rate and household count), unemployment, natural population
  growth, the agricultural share of labour, rankings (rank 1 is best).
- BAND: the shares of the economic structure (agriculture, industry and
  construction, services, product taxes, and the 100 % total): the target is a
  composition, so being far from it either way is off plan.
- HIGHER: everything else, including the processing/manufacturing share (the
  resolutions ask to raise it: "nâng tỷ trọng công nghiệp chế biến, chế tạo").

Aggregations (the concept's default wins; otherwise from the name):
- growth rates ("tốc độ tăng", "tăng trưởng") and "… bình quân" growth: avg_growth;
- "tổng … giai đoạn" and total social investment over the term: cumulative;
- "hằng năm"/"hàng năm" (not a growth rate): every_year;
- "bình quân" ratios (investment/GRDP, the TFP contribution): avg_level
  ("bình quân đầu người" is a per-person level, not an average over years);
- anything else: level (reached by the end of the period).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from chitieu.catalog.model import Aggregation, Direction
from chitieu.catalog.text import fold

H, L, B = Direction.HIGHER, Direction.LOWER, Direction.BAND
LEVEL, AVG_GROWTH, AVG_LEVEL = Aggregation.LEVEL, Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL
CUMULATIVE, EVERY_YEAR = Aggregation.CUMULATIVE, Aggregation.EVERY_YEAR


@dataclass(frozen=True)
class Concept:
    """`patterns`: alternatives, each a tuple of phrases that must all occur in the
    folded name; `excludes`: phrases that rule the concept out; `parent`: when
    set, the parent's code must start with it (sector shares under "Cơ cấu")."""

    code: str
    patterns: tuple[tuple[str, ...], ...]
    direction: Direction = H
    aggregation: Aggregation | None = None
    excludes: tuple[str, ...] = ()
    parent: str | None = None

    def matches(self, folded: str, parent: str | None) -> bool:
        if self.parent is not None and not (parent or "").startswith(self.parent):
            return False
        if any(word in folded for word in self._folded_excludes):
            return False
        return any(all(word in folded for word in group) for group in self._folded_patterns)

    @cached_property
    def _folded_excludes(self) -> tuple[str, ...]:
        return tuple(fold(word) for word in self.excludes)

    @cached_property
    def _folded_patterns(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(fold(word) for word in group) for group in self.patterns)


def _c(
    code: str,
    *patterns: str,
    direction: Direction = H,
    aggregation: Aggregation | None = None,
    excludes: tuple[str, ...] = (),
    parent: str | None = None,
) -> Concept:
    """A concept; each pattern is "phrase + phrase" (all required)."""
    groups = tuple(tuple(part.strip() for part in p.split("+")) for p in patterns)
    return Concept(code, groups, direction, aggregation, excludes, parent)


_SHARE = "kt.co_cau"
_GROWTH = ("tốc độ tăng", "tăng trưởng")

# Most specific first: the first concept that matches wins.
CONCEPTS: tuple[Concept, ...] = (
    # -- economy -------------------------------------------------------------
    _c(f"{_SHARE}.che_bien_che_tao", "chế biến + chế tạo", direction=H, excludes=_GROWTH),
    _c(f"{_SHARE}.nong_nghiep", "nông, lâm nghiệp", "nông nghiệp", direction=B, parent=_SHARE),
    _c(f"{_SHARE}.cong_nghiep_xay_dung", "công nghiệp, xây dựng", direction=B, parent=_SHARE),
    _c(f"{_SHARE}.dich_vu", "dịch vụ", direction=B, parent=_SHARE),
    _c(f"{_SHARE}.thue_san_pham", "thuế sản phẩm", direction=B, parent=_SHARE),
    _c(f"{_SHARE}.cong_nghiep_dich_vu", "tỷ trọng + công nghiệp + dịch vụ + grdp", direction=H),
    _c(_SHARE, "cơ cấu kinh tế", direction=B),
    _c("kt.chi_so_san_xuat_cong_nghiep", "chỉ số sản xuất công nghiệp", aggregation=AVG_GROWTH),
    _c("kt.gia_tri_san_xuat.tang_truong", "giá trị sản xuất + tăng", aggregation=AVG_GROWTH),
    _c("kt.grdp.binh_quan_dau_nguoi", "grdp + đầu người", "tổng sản phẩm + đầu người"),
    _c("kt.grdp.quy_mo", "quy mô + grdp", "quy mô + tổng sản phẩm", "quy mô nền kinh tế"),
    _c(
        "kt.grdp.tang_truong",
        "tăng + tổng sản phẩm",
        "tăng trưởng + grdp",
        "tốc độ tăng + grdp",
        "tăng trưởng kinh tế",
        aggregation=AVG_GROWTH,
        excludes=("tfp", "nhân tố tổng hợp"),
    ),
    _c(
        "kt.von_dau_tu.ty_le_grdp",
        "vốn đầu tư + tỷ lệ",
        "vốn đầu tư + tỷ trọng",
        "vốn đầu tư + so với grdp",
        aggregation=AVG_LEVEL,
    ),
    _c(
        "kt.von_dau_tu.tong",
        "vốn đầu tư toàn xã hội",
        "vốn đầu tư phát triển",
        aggregation=CUMULATIVE,
    ),
    _c("kt.thu_ngan_sach.noi_dia_tru_dat", "thu + nội địa + sử dụng đất"),
    _c("kt.thu_ngan_sach.noi_dia", "thu nội địa", "thu ngân sách nội địa"),
    _c("kt.thu_ngan_sach.xuat_nhap_khau", "thu + xuất nhập khẩu", "thu + xuất, nhập khẩu"),
    _c("kt.thu_ngan_sach.tong", "thu ngân sách"),
    _c("kt.tfp", "tfp", "năng suất nhân tố tổng hợp", aggregation=AVG_LEVEL),
    _c("kt.xuat_khau.tang_truong", "xuất khẩu + tăng", aggregation=AVG_GROWTH),
    _c("kt.xuat_khau.gia_tri", "kim ngạch xuất khẩu", "giá trị xuất khẩu"),
    _c("kt.nang_suat_lao_dong.tang_truong", "năng suất lao động", aggregation=AVG_GROWTH),
    _c("kt.do_thi_hoa", "đô thị hóa"),
    _c("kt.xep_hang_chi_so", "xếp hạng", "pci", "papi", direction=L),
    _c("kt.thu_nhap_binh_quan", "thu nhập bình quân", "thu nhập + đầu người"),
    # -- culture and society --------------------------------------------------
    _c("xh.hdi", "hdi", "phát triển con người"),
    _c("xh.tuoi_tho.song_khoe", "sống + khỏe"),
    _c("xh.tuoi_tho", "tuổi thọ"),
    _c("xh.tang_dan_so_tu_nhien", "tăng dân số tự nhiên", direction=L),
    _c("xh.lao_dong_qua_dao_tao.bang_cap", "qua đào tạo + bằng cấp", "qua đào tạo + chứng chỉ"),
    _c("xh.lao_dong_qua_dao_tao", "lao động qua đào tạo"),
    _c("xh.lao_dong_nong_nghiep", "lao động nông nghiệp", direction=L),
    _c(
        "xh.giao_duc.truong_cong_lap_chuan_quoc_gia",
        "trường + công lập + chuẩn quốc gia",
        excludes=("ngoài công lập",),
    ),
    _c("xh.giao_duc.truong_chuan_quoc_gia", "trường + chuẩn quốc gia"),
    _c("xh.giao_duc", "giáo dục"),
    _c("xh.y_te.xa_chuan_quoc_gia", "xã + chuẩn quốc gia + y tế"),
    _c("xh.y_te.bac_sy", "bác sỹ", "bác sĩ"),
    _c("xh.y_te.giuong_benh", "giường bệnh"),
    _c("xh.y_te.kham_suc_khoe", "khám sức khỏe", aggregation=EVERY_YEAR),
    _c("xh.y_te", "về y tế"),
    _c("xh.bao_hiem.y_te", "bảo hiểm y tế"),
    _c("xh.bao_hiem.xa_hoi", "bảo hiểm xã hội"),
    _c("xh.bao_hiem", "bao phủ bảo hiểm"),
    _c("xh.ho_ngheo.so_ho", "số hộ nghèo", direction=L),
    _c("xh.ho_ngheo", "hộ nghèo", "nghèo đa chiều", direction=L),
    _c("xh.that_nghiep.thanh_thi", "thất nghiệp + thành thị", direction=L),
    _c("xh.that_nghiep.nong_thon", "thất nghiệp + nông thôn", direction=L),
    _c("xh.that_nghiep", "thất nghiệp", direction=L),
    _c("xh.ntm.nang_cao", "nông thôn mới nâng cao", "ntm nâng cao"),
    _c("xh.ntm.kieu_mau", "nông thôn mới kiểu mẫu", "ntm kiểu mẫu"),
    _c("xh.ntm", "nông thôn mới", "ntm"),
    _c("xh.van_hoa.gia_dinh", "gia đình văn hóa", "gia đình + chuẩn văn hóa"),
    _c("xh.van_hoa.co_quan", "cơ quan + văn hóa"),
    _c("xh.van_hoa.lang", "làng + văn hóa", "khu phố văn hóa"),
    # -- environment ------------------------------------------------------------
    _c("mt.nuoc_sach", "nước sạch"),
    _c("mt.chat_thai.ran_sinh_hoat", "chất thải rắn"),
    _c("mt.chat_thai.nguy_hai", "chất thải nguy hại"),
    _c(
        "mt.nuoc_thai.khu_cong_nghiep", "nước thải + khu công nghiệp", "nước thải + cụm công nghiệp"
    ),
    _c("mt.nuoc_thai.sinh_hoat", "nước sinh hoạt", "nước thải sinh hoạt"),
    _c("mt.co_so_o_nhiem", "ô nhiễm môi trường nghiêm trọng"),
    _c("mt.co_so_dat_chuan", "cơ sở sản xuất + môi trường"),
    _c("mt.chat_thai", "xử lý chất thải"),
    # -- the Party and the political system --------------------------------------
    _c("xdd.to_chuc_co_so_dang", "tổ chức cơ sở đảng + hoàn thành"),
    _c("xdd.ket_nap_dang_vien", "kết nạp đảng viên", aggregation=EVERY_YEAR),
    _c("xdd.kiem_tra_giam_sat.btvtu", "btvtu + kiểm tra", aggregation=EVERY_YEAR),
    _c(
        "xdd.kiem_tra_giam_sat.dang_uy_cap_tren",
        "cấp trên cơ sở + kiểm tra",
        aggregation=EVERY_YEAR,
    ),
    _c("xdd.kiem_tra_giam_sat.chi_bo", "chi bộ cơ sở + kiểm tra", aggregation=EVERY_YEAR),
    _c("xdd.kiem_tra_giam_sat.dang_uy_co_so", "đảng ủy cơ sở + kiểm tra", aggregation=EVERY_YEAR),
    _c("xdd.kiem_tra_giam_sat", "kiểm tra, giám sát", aggregation=EVERY_YEAR),
)

# Group code -> code prefix for the four groups every resolution has.
GROUP_PREFIXES = {
    "kinh_te": "kt",
    "van_hoa_xa_hoi": "xh",
    "xa_hoi": "xh",
    "moi_truong": "mt",
    "xay_dung_dang": "xdd",
}

# Words that say little about what is measured; left out of slugs.
_STOP_WORDS = frozenset(
    fold(word)
    for word in (
        "tỷ", "lệ", "trọng", "số", "các", "của", "và", "được", "trong", "đó", "là", "có",
        "cho", "với", "theo", "về", "ở", "tại", "đạt", "trên", "từ", "đến", "năm", "hằng",
        "hàng", "tổng", "chỉ", "tiêu", "mức",
    )
)  # fmt: skip
_SLUG_WORDS = 4
_TRONG_DO = re.compile(r"^\s*trong\s+(?:đó|do)\s*:?\s*", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def strip_trong_do(name: str) -> str:
    """The name without its leading "Trong đó:" ("of which").

    >>> strip_trong_do("Trong đó: Công nghiệp chế biến, chế tạo")
    'Công nghiệp chế biến, chế tạo'
    """
    return _TRONG_DO.sub("", name, count=1)


@lru_cache(maxsize=4096)  # extractors ask about the same names and subjects over and over
def find_concept(name: str, *, parent: str | None = None) -> Concept | None:
    """The first concept whose patterns match the name (tone marks and case ignored).

    >>> find_concept("Tỷ lệ đô thị hoá").code
    'kt.do_thi_hoa'
    >>> find_concept("Nông, lâm nghiệp và thủy sản", parent="kt.co_cau").code
    'kt.co_cau.nong_nghiep'
    """
    folded = fold(strip_trong_do(name))
    for concept in CONCEPTS:
        if concept.matches(folded, parent):
            return concept
    return None


def ascii_slug(text: str, *, words: int = _SLUG_WORDS) -> str:
    """Significant words as ASCII, joined by "_": the slug of an unknown name.

    >>> ascii_slug("Tỷ lệ hộ gia đình sử dụng điện an toàn")
    'ho_gia_dinh_su'
    """
    folded = fold(strip_trong_do(text))
    kept = [w for w in re.split(r"[\s,;:()/\-–.]+", folded) if w and w not in _STOP_WORDS]
    ascii_words = [_ascii(word) for word in kept[:words]]
    return "_".join(word for word in ascii_words if word) or "chi_tieu"


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub("_", plain.lower()).strip("_")


def group_prefix(group: str) -> str:
    """The code prefix of a group: "kt" for "kinh_te"; initials for other groups.

    >>> group_prefix("van_hoa_xa_hoi"), group_prefix("khoa_hoc_cong_nghe")
    ('xh', 'khcn')
    """
    if group in GROUP_PREFIXES:
        return GROUP_PREFIXES[group]
    return "".join(part[0] for part in group.split("_") if part) or "chung"


def indicator_code(name: str, *, group: str, parent: str | None) -> str:
    """The concept's code, or `<group prefix>.<slug>` for a name the lexicon lacks.

    >>> indicator_code("Tỷ lệ hộ nghèo", group="van_hoa_xa_hoi", parent=None)
    'xh.ho_ngheo'
    >>> indicator_code("Số km đường giao thông nông thôn", group="kinh_te", parent=None)
    'kt.km_duong_giao_thong'
    """
    concept = find_concept(name, parent=parent)
    if concept is not None:
        return concept.code
    return f"{group_prefix(group)}.{ascii_slug(name)}"


def unique_code(code: str, taken: Iterable[str]) -> str:
    """`code`, or `code_2`, `code_3`, ... when already taken.

    >>> unique_code("xh.ntm", {"xh.ntm"})
    'xh.ntm_2'
    """
    used = set(taken)
    if code not in used:
        return code
    n = 2
    while f"{code}_{n}" in used:
        n += 1
    return f"{code}_{n}"


_LOWER_WORDS = (
    "nghèo",
    "thất nghiệp",
    "tăng dân số tự nhiên",
    "xếp hạng",
    "tử vong",
    "suy dinh dưỡng",
)


def direction_for(name: str, *, parent: str | None = None) -> Direction:
    """The concept's direction; for unknown names, LOWER for the words that mean
    "less is better" and BAND for a structure share, else HIGHER."""
    concept = find_concept(name, parent=parent)
    if concept is not None:
        return concept.direction
    folded = fold(name)
    if any(fold(word) in folded for word in _LOWER_WORDS):
        return L
    return B if fold("cơ cấu") in folded else H


def aggregation_for(name: str, *, parent: str | None = None) -> Aggregation:
    """The concept's aggregation, else the one the name's wording implies.

    >>> aggregation_for("Tốc độ tăng doanh thu du lịch bình quân").value
    'avg_growth'
    >>> aggregation_for("Tổng số doanh nghiệp thành lập mới giai đoạn 2026-2030").value
    'cumulative'
    """
    concept = find_concept(name, parent=parent)
    if concept is not None and concept.aggregation is not None:
        return concept.aggregation
    folded = fold(name)
    growth = any(fold(word) in folded for word in _GROWTH)
    if growth:
        return AVG_GROWTH
    if folded.startswith(fold("tổng")) and fold("giai đoạn") in folded:
        return CUMULATIVE
    if fold("hằng năm") in folded or fold("hàng năm") in folded:
        return EVERY_YEAR
    if fold("bình quân") in folded and fold("đầu người") not in folded:
        return AVG_LEVEL
    return LEVEL


# -- codes from titles: groups, plans, past terms ---------------------------------

_GROUP_WORDS = (
    (("kinh tế",), "kinh_te"),
    (("văn hóa", "xã hội"), "van_hoa_xa_hoi"),
    (("xã hội",), "xa_hoi"),
    (("môi trường",), "moi_truong"),
    (("xây dựng đảng",), "xay_dung_dang"),
)
_TERM = re.compile(r"nhiệm\s+kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_PROVINCE = re.compile(r"\btỉnh\s+(.+?)\s+(?:lần\s+thứ|nhiệm\s+kỳ|khóa|khoá)\b", re.IGNORECASE)


def group_code(name: str) -> str:
    """The code of a group row: the four usual groups by their words, else a slug.

    >>> group_code("VĂN HOÁ - XÃ HỘI"), group_code("XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ")
    ('van_hoa_xa_hoi', 'xay_dung_dang')
    >>> group_code("Các chỉ tiêu khác")
    'cac_chi_tieu_khac'
    """
    folded = fold(name)
    for words, code in _GROUP_WORDS:
        if all(fold(word) in folded for word in words):
            return code
    return "_".join(_ascii(word) for word in folded.split() if _ascii(word)) or "chung"


def term_years(text: str) -> tuple[int, int] | None:
    """The term a title names: "NHIỆM KỲ 2025 - 2030" -> (2025, 2030).

    >>> term_years("ĐẢNG BỘ TỈNH KIM SƠN LẦN THỨ XX, NHIỆM KỲ 2020-2025")
    (2020, 2025)
    """
    match = _TERM.search(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def province_name(text: str) -> str | None:
    """The province a title names, as written: "... TỈNH KIM SƠN LẦN THỨ ..." -> "KIM SƠN".

    >>> province_name("MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH KIM SƠN LẦN THỨ NHẤT")
    'KIM SƠN'
    """
    match = _PROVINCE.search(text)
    return match.group(1).strip() if match else None


def locality_code(province: str) -> str:
    """The locality code of a province name.

    >>> locality_code("KIM SƠN")
    'kim_son'
    """
    return "_".join(_ascii(word) for word in fold(province).split() if _ascii(word))
