"""The words Vietnamese official documents use around numbers, kept apart from the algorithm.

Like dateutil's `parserinfo`, this module is only tables: the parser reads
them, tests cite them, and adding a spelling means adding a line here. Every
phrase is matched after `chitieu.catalog.text.fold`, so case and the position of
the tone mark do not matter ("Dưới" = "dưới", "hoá" = "hóa").
"""

from __future__ import annotations

from typing import Final

# Separators of a written number (Vietnamese convention: 1.234,5).
VI_GROUP: Final = "."
VI_DECIMAL: Final = ","

# A dash between two numbers makes a range; a minus stuck to a digit makes it negative.
RANGE_DASHES: Final = ("-", "–", "—", "−")
MINUS_SIGNS: Final = ("-", "−", "–")
RANGE_WORDS: Final = ("đến", "tới")

# Comparators written before the number: phrase -> (bound, inclusive).
# "min" means the value must be at least / above the number, "max" at most / below.
PREFIX_COMPARATORS: Final[dict[str, tuple[str, bool]]] = {
    "dưới": ("max", False),
    "nhỏ hơn": ("max", False),
    "thấp hơn": ("max", False),
    "ít hơn": ("max", False),
    "không quá": ("max", True),
    "không vượt quá": ("max", True),
    "không cao hơn": ("max", True),
    "không lớn hơn": ("max", True),
    "tối đa": ("max", True),
    "trên": ("min", False),
    "hơn": ("min", False),
    "lớn hơn": ("min", False),
    "cao hơn": ("min", False),
    "vượt": ("min", False),
    "từ": ("min", True),
    "tối thiểu": ("min", True),
    "ít nhất": ("min", True),
    "không dưới": ("min", True),
    "không thấp hơn": ("min", True),
    "không ít hơn": ("min", True),
    "<": ("max", False),
    "≤": ("max", True),
    "<=": ("max", True),
    ">": ("min", False),
    "≥": ("min", True),
    ">=": ("min", True),
}

# "từ" opens both "từ 3% trở lên" (a minimum) and "từ 10 đến 11" (a range).
FROM_WORD: Final = "từ"

# Comparators written after the number: "80 trở lên", "5% trở xuống".
SUFFIX_COMPARATORS: Final[dict[str, tuple[str, bool]]] = {
    "trở lên": ("min", True),
    "trở xuống": ("max", True),
}

# Approximations: the target is the number, give or take.
APPROX_WORDS: Final = ("khoảng", "gần", "xấp xỉ", "trên dưới", "chừng", "khoảng chừng")

# Words that may introduce the quantity after a subject: "thời gian sống ... đạt 70 năm".
LEAD_WORDS: Final = (
    "đạt",
    "phấn đấu",
    "phấn đấu đạt",
    "đạt mức",
    "ở mức",
    "mức",
    "bằng",
    "là",
    "có",
    "thuộc",
)

# Rank goals: "Nhóm 10 tỉnh dẫn đầu", "Thuộc nhóm 10 tỉnh, thành phố ... dẫn đầu", "top 10".
RANK_GROUP_WORDS: Final = ("nhóm", "tốp", "top", "xếp hạng")  # "xếp hạng 15/34": 15th or better
RANK_LEADER_WORDS: Final = ("dẫn đầu", "đứng đầu", "cao nhất", "tốt nhất")
RANK_DISPLAY: Final = "Nhóm {n} tỉnh dẫn đầu"

# Display words for a formatted target (the inverse of the tables above).
DISPLAY_WORDS: Final[dict[tuple[str, bool], tuple[str, str]]] = {
    # (bound, inclusive) -> (prefix, suffix)
    ("max", False): ("Dưới ", ""),
    ("max", True): ("Không quá ", ""),
    ("min", False): ("Trên ", ""),
    ("min", True): ("Từ ", " trở lên"),
}
DISPLAY_SYMBOLS: Final[dict[tuple[str, bool], str]] = {
    ("max", False): "<",
    ("max", True): "≤",
    ("min", False): ">",
    ("min", True): "≥",
}
DISPLAY_APPROX: Final = "Khoảng "
RANGE_DISPLAY_DASH: Final = "–"

# Scale words written between a number and its unit: word -> power of ten.
# "127 nghìn tỷ đồng" is 127.000 tỷ đồng; "10,6 triệu lượt người" is 10.600.000
# lượt người. A scale the unit table already spells ("triệu USD", "nghìn tấn",
# "triệu đồng") is that unit, because the longest unit spelling is tried first.
SCALE_WORDS: Final[dict[str, int]] = {
    "nghìn": 3,
    "ngàn": 3,
    "triệu": 6,
    "tỷ": 9,
    "tỉ": 9,
}

# Unit words as they appear in the tables and prose: unit code -> spellings.
# The first spelling of each code is its display symbol (see units.UNITS).
UNIT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "pct": ("%", "phần trăm"),
    "pct_per_year": ("%/năm", "phần trăm/năm"),
    "ty_dong": ("tỷ đồng", "tỉ đồng"),
    "trieu_dong": ("triệu đồng", "tr.đồng", "trđ"),
    "nghin_dong": ("nghìn đồng", "ngàn đồng"),
    "dong": ("đồng", "vnđ", "vnd"),
    "ty_dong_per_year": ("tỷ đồng/năm", "tỉ đồng/năm"),
    "trieu_dong_per_year": ("triệu đồng/năm", "triệu đồng/người/năm"),
    "ty_usd": ("tỷ USD", "tỉ USD", "tỷ đô la Mỹ"),
    "trieu_usd": ("triệu USD", "triệu đô la Mỹ"),
    "usd": ("USD", "đô la Mỹ"),
    "tuoi": ("tuổi",),
    "nam": ("năm",),
    "bac_sy_per_10k": (
        "bác sỹ/vạn dân",
        "bác sĩ/vạn dân",
        "bác sỹ/1 vạn dân",
        "bác sĩ/1 vạn dân",
        "bác sỹ",
        "bác sĩ",
    ),
    "giuong_benh_per_10k": (
        "giường bệnh/vạn dân",
        "giường bệnh/1 vạn dân",
        "giường bệnh",
        "giường",
    ),
    "xa": ("xã",),
    "huyen": ("huyện",),
    "tinh": ("tỉnh",),
    "dang_vien": ("đảng viên",),
    "dang_vien_per_year": ("đảng viên/năm",),
    "ho": ("hộ", "số hộ", "hộ gia đình"),
    "nguoi": ("người",),
    "luot_nguoi": ("lượt người",),
    "lao_dong": ("lao động", "người lao động"),
    "doanh_nghiep": ("doanh nghiệp",),
    "du_an": ("dự án",),
    "san_pham": ("sản phẩm",),
    "km": ("km", "ki-lô-mét"),
    "m": ("m", "mét"),
    "ha": ("ha", "héc-ta", "hecta"),
    "m2": ("m2", "m²", "mét vuông"),
    "km2": ("km2", "km²"),
    "tan": ("tấn",),
    "nghin_tan": ("nghìn tấn", "ngàn tấn"),
    "trieu_tan": ("triệu tấn",),
    "hang": ("hạng", "thứ hạng"),
    "lan_per_year": ("lần/năm", "lần/người/năm"),
    "diem": ("điểm",),
    "mw": ("MW",),
    "truong": ("trường", "trường học"),
}

# The ditto mark a table writes in a unit column for "same as the row above".
DITTO_MARKS: Final = ('"', "“", "”", "''", "〃")
