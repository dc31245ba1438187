"""The units Vietnamese target tables use, their dimensions and scales.

Each unit has a stable ASCII code, a display symbol (its first spelling in
`vocab.UNIT_WORDS`), a dimension and a scale within that dimension. Values
convert only within a dimension (tỷ đồng ↔ triệu đồng); across dimensions
`convert` raises `UnitMismatchError`.

Two choices follow how these documents write, not physics:
- % and %/năm share the dimension "rate": a growth target written "10%" in
  one table and "10%/năm" in the prose is the same target.
- "/năm" on money or members is an annual flow the tables write either way
  (GRDP per head: "Triệu đồng" in Phụ lục 1A, "triệu đồng/năm" in the prose),
  so it does not change the dimension. Likewise "năm" and "tuổi" (life
  expectancy: "76,8 năm" in the prose, "76,8 tuổi" in the table).
- Doctors and hospital beds are always counted per 10,000 inhabitants in these
  documents (the table's unit column says only "bác sỹ"), so those words mean
  the density.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.quantity import vocab
from chitieu.quantity.errors import UnitMismatchError, UnknownUnitError
from chitieu.quantity.tokens import keys, tokenize


@dataclass(frozen=True)
class Unit:
    """A unit: `scale` is its size in the base unit of its `dimension`."""

    code: str
    symbol: str  # Vietnamese display form, e.g. "tỷ đồng", "%/năm"
    name: str  # what it measures, in Vietnamese
    dimension: str
    scale: Decimal = Decimal(1)
    decimals: int = 6  # at most this many digits after the decimal comma (the store keeps 6)

    @property
    def attached(self) -> bool:
        """Written right after the number with no space: "9,9%", "10%/năm"."""
        return self.symbol.startswith("%")


# How many decimals a figure in a unit may carry, by unit family (dimension); a unit not
# named here keeps the store's 6. Counted things are whole; a percentage is written to
# hundredths; money to three decimals (1 triệu đồng in tỷ đồng). Why each: docs/plausibility.md.
DECIMALS: dict[str, int] = {
    "rate": 2,
    "percentage_points": 2,
    "money_vnd": 3,
    "money_usd": 3,
    "rank": 0,
    "frequency": 2,
    "count_xa": 0,
    "count_huyen": 0,
    "count_tinh": 0,
    "count_dang_vien": 0,
    "count_ho": 0,
    "count_nguoi": 0,
    "count_luot_nguoi": 0,
    "count_lao_dong": 0,
    "count_doanh_nghiep": 0,
    "count_du_an": 0,
    "count_san_pham": 0,
    "count_truong": 0,
    "count_kcn": 0,
    "count_don_vi": 0,
    "doctors_per_10k": 2,
    "beds_per_10k": 2,
    "years": 2,
    "fertility": 2,
    "score": 2,
}
# Units whose own size asks for fewer decimals than their family's.
DECIMALS_OF_UNIT: dict[str, int] = {"dong": 0}


def _unit(code: str, name: str, dimension: str, scale: str = "1") -> Unit:
    return _decimals(Unit(code, vocab.UNIT_WORDS[code][0], name, dimension, Decimal(scale)))


def _decimals(unit: Unit) -> Unit:
    decimals = DECIMALS_OF_UNIT.get(unit.code, DECIMALS.get(unit.dimension, unit.decimals))
    return replace(unit, decimals=decimals)


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        _unit("pct", "tỷ lệ, tốc độ (phần trăm)", "rate"),
        _unit("pct_per_year", "tốc độ bình quân mỗi năm (phần trăm)", "rate"),
        _unit("ty_dong", "tiền Việt Nam, tỷ đồng", "money_vnd", "1000000000"),
        _unit("trieu_dong", "tiền Việt Nam, triệu đồng", "money_vnd", "1000000"),
        _unit("nghin_dong", "tiền Việt Nam, nghìn đồng", "money_vnd", "1000"),
        _unit("dong", "tiền Việt Nam, đồng", "money_vnd"),
        _unit("ty_dong_per_year", "tiền Việt Nam mỗi năm, tỷ đồng", "money_vnd", "1000000000"),
        _unit("trieu_dong_per_year", "tiền Việt Nam mỗi năm, triệu đồng", "money_vnd", "1000000"),
        _unit("ty_usd", "đô la Mỹ, tỷ USD", "money_usd", "1000000000"),
        _unit("trieu_usd", "đô la Mỹ, triệu USD", "money_usd", "1000000"),
        _unit("usd", "đô la Mỹ", "money_usd"),
        _unit("tuoi", "tuổi (số năm)", "years"),
        _unit("nam", "số năm", "years"),
        _unit("bac_sy_per_10k", "số bác sỹ trên 1 vạn dân", "doctors_per_10k"),
        _unit("giuong_benh_per_10k", "số giường bệnh trên 1 vạn dân", "beds_per_10k"),
        _unit("xa", "số xã", "count_xa"),
        _unit("huyen", "số huyện", "count_huyen"),
        _unit("tinh", "số tỉnh", "count_tinh"),
        _unit("dang_vien", "số đảng viên", "count_dang_vien"),
        _unit("dang_vien_per_year", "số đảng viên mỗi năm", "count_dang_vien"),
        _unit("ho", "số hộ", "count_ho"),
        _unit("nguoi", "số người", "count_nguoi"),
        _unit("luot_nguoi", "số lượt người", "count_luot_nguoi"),
        _unit("lao_dong", "số lao động", "count_lao_dong"),
        _unit("doanh_nghiep", "số doanh nghiệp", "count_doanh_nghiep"),
        _unit("du_an", "số dự án", "count_du_an"),
        _unit("san_pham", "số sản phẩm", "count_san_pham"),
        _unit("km", "chiều dài, ki-lô-mét", "length", "1000"),
        _unit("m", "chiều dài, mét", "length"),
        _unit("km2", "diện tích, ki-lô-mét vuông", "area", "1000000"),
        _unit("ha", "diện tích, héc-ta", "area", "10000"),
        _unit("m2", "diện tích, mét vuông", "area"),
        _unit("trieu_tan", "khối lượng, triệu tấn", "mass", "1000000"),
        _unit("nghin_tan", "khối lượng, nghìn tấn", "mass", "1000"),
        _unit("tan", "khối lượng, tấn", "mass"),
        _unit("hang", "thứ hạng (1 là cao nhất)", "rank"),
        _unit("lan_per_year", "số lần mỗi năm", "frequency"),
        _unit("diem", "điểm (chỉ số xếp hạng)", "score"),
        _unit("mw", "công suất, MW", "power"),
        _unit("truong", "số trường học", "count_truong"),
        *(
            # Named by code only, in the published-figures mapping of statistics the
            # resolution does not target; the reader never meets them in a document's text,
            # so they have a symbol to show but no spelling in vocab.UNIT_WORDS.
            _decimals(
                Unit(
                    "ty_dong_per_km2",
                    "tỷ đồng/km2",
                    "mật độ kinh tế, tỷ đồng trên 1 km2",
                    "economic_density",
                )
            ),
            _decimals(
                Unit(
                    "diem_phan_tram",
                    "điểm phần trăm",
                    "mức đóng góp, chênh lệch tính bằng điểm phần trăm",
                    "percentage_points",
                )
            ),
            _decimals(
                Unit("con_per_phu_nu", "con/phụ nữ", "số con bình quân của một phụ nữ", "fertility")
            ),
            _decimals(Unit("kcn", "khu công nghiệp", "số khu công nghiệp", "count_kcn")),
            _decimals(Unit("don_vi", "đơn vị", "số đơn vị hành chính", "count_don_vi")),
        ),
    )
}

assert all(u.scale == Decimal(10) ** u.scale.adjusted() for u in UNITS.values())

# Every spelling of every unit, as a key sequence of tokens: ("%", "/", "nam") -> "pct_per_year".
UNIT_KEYS: dict[tuple[str, ...], str] = {
    keys(spelling): code for code, spellings in vocab.UNIT_WORDS.items() for spelling in spellings
}
LONGEST_UNIT = max(len(k) for k in UNIT_KEYS)


def unit_decimals(code: str | None) -> int:
    """How many decimals a value in this unit may have; the store's 6 for no or an unknown unit.

    >>> unit_decimals("nguoi"), unit_decimals("pct"), unit_decimals("ty_dong"), unit_decimals("")
    (0, 2, 3, 6)
    """
    found = UNITS.get(code or "")
    return found.decimals if found else Unit("", "", "", "").decimals


def unit_symbol(code: str | None) -> str:
    """The unit as a page or a report shows it; never the code when the code is known.

    >>> unit_symbol("ty_dong"), unit_symbol("pct_per_year"), unit_symbol(None)
    ('tỷ đồng', '%/năm', '')
    """
    if not code:
        return ""
    found = UNITS.get(code)
    return found.symbol if found else code


def get_unit(code: str) -> Unit:
    """The unit with this code; UnknownUnitError if there is none."""
    try:
        return UNITS[code]
    except KeyError:
        raise UnknownUnitError(
            f"Không có đơn vị mã '{code}' trong danh mục đơn vị.", text=code
        ) from None


def parse_unit(text: str) -> Unit | None:
    """The unit a table cell or phrase names, or None (empty, ditto mark, unknown).

    >>> parse_unit("Tỷ đồng").code
    'ty_dong'
    >>> parse_unit("đảng viên /năm").code
    'dang_vien_per_year'
    >>> parse_unit("Số hộ").code
    'ho'
    >>> parse_unit('"') is None
    True
    """
    code = UNIT_KEYS.get(tuple(token.key for token in tokenize(text)))
    return UNITS[code] if code else None


def convert(value: Decimal, from_code: str, to_code: str) -> Decimal:
    """`value` in `from_code` expressed in `to_code`, exactly.

    >>> convert(Decimal("1.5"), "ty_dong", "trieu_dong")
    Decimal('1.5E+3')
    >>> convert(Decimal("1.5"), "ty_dong", "trieu_dong") == 1500
    True
    >>> convert(Decimal("44923"), "ty_dong", "trieu_dong") == Decimal("44923000")
    True
    """
    source, target = get_unit(from_code), get_unit(to_code)
    if source.dimension != target.dimension:
        raise UnitMismatchError(
            f"Không thể đổi từ '{source.symbol}' ({source.name}) sang "
            f"'{target.symbol}' ({target.name}): hai đơn vị không cùng loại.",
            text=f"{from_code} -> {to_code}",
        )
    # Scales are powers of ten, so shifting the exponent is exact at any size.
    shift = source.scale.adjusted() - target.scale.adjusted()
    if not shift or not value.is_finite():
        return value
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + shift))


def units_markdown() -> str:
    """The units table of docs/quantity.md, generated so it cannot drift from the code."""
    lines = [
        "| code | symbol | dimension | scale | decimals | measures |",
        "|---|---|---|---|---|---|",
    ]
    for unit in UNITS.values():
        written = vocab.UNIT_WORDS.get(unit.code)
        spellings = ", ".join(written[1:]) if written else ""
        also = f" (also: {spellings})" if spellings else "" if written else " (by code only)"
        lines.append(
            f"| `{unit.code}` | {unit.symbol}{also} | {unit.dimension} | {unit.scale} | {unit.decimals} | {unit.name} |"
        )
    return "\n".join(lines)
