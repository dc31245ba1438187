"""The unit catalogue: spellings from the tables, dimensions, exact scale conversions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.quantity import (
    UNITS,
    UnitMismatchError,
    UnknownUnitError,
    convert,
    get_unit,
    parse_unit,
)
from chitieu.quantity.units import unit_symbol
from chitieu.quantity.vocab import UNIT_WORDS


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tỷ đồng", "ty_dong"),
        ("Triệu đồng", "trieu_dong"),
        ("triệu đồng/năm", "trieu_dong_per_year"),
        ("Triệu USD", "trieu_usd"),
        ("bác sỹ", "bac_sy_per_10k"),
        ("Bác sỹ", "bac_sy_per_10k"),
        ("bác sĩ/1 vạn dân", "bac_sy_per_10k"),
        ("giường bệnh", "giuong_benh_per_10k"),
        ("đảng viên /năm", "dang_vien_per_year"),
        ("Số hộ", "ho"),
        ("xã", "xa"),
        ("huyện", "huyen"),
        ("tuổi", "tuoi"),
        ("%", "pct"),
        ("%/năm", "pct_per_year"),
        ("% / năm", "pct_per_year"),
        ("lượt người", "luot_nguoi"),
        ("nghìn tấn", "nghin_tan"),
        ("km", "km"),
        ("ha", "ha"),
        ("m2", "m2"),
        ("TỶ ĐỒNG", "ty_dong"),
        ("tỉ đồng", "ty_dong"),
    ],
)
def test_unit_text_as_written_in_the_tables_is_recognised(text: str, code: str) -> None:
    unit = parse_unit(text)
    assert unit is not None
    assert unit.code == code


def test_unit_matching_ignores_where_the_tone_mark_sits() -> None:
    """'thuỷ'/'thủy' style: NFD input and a moved tone mark still match."""
    import unicodedata

    assert parse_unit(unicodedata.normalize("NFD", "Triệu đồng")) == get_unit("trieu_dong")


@pytest.mark.parametrize("text", ["", '"', "quả táo", "chỉ số"])
def test_empty_ditto_and_unknown_unit_text_gives_none(text: str) -> None:
    assert parse_unit(text) is None


def test_every_spelling_in_the_vocabulary_reads_back_as_its_own_unit() -> None:
    for code, spellings in UNIT_WORDS.items():
        for spelling in spellings:
            unit = parse_unit(spelling)
            assert unit is not None and unit.code == code, spelling


def test_every_unit_has_an_ascii_code_a_symbol_and_a_power_of_ten_scale() -> None:
    for code, unit in UNITS.items():
        assert code.isascii() and code == unit.code
        assert unit.symbol == UNIT_WORDS[code][0] if code in UNIT_WORDS else unit.symbol
        assert unit.scale == Decimal(10) ** unit.scale.adjusted()


@pytest.mark.parametrize(
    ("code", "symbol"),
    [("ty_dong", "tỷ đồng"), ("pct", "%"), ("ty_dong_per_km2", "tỷ đồng/km2"), (None, "")],
)
def test_a_unit_is_shown_by_its_symbol(code: str | None, symbol: str) -> None:
    assert unit_symbol(code) == symbol


def test_the_published_mappings_units_are_all_known(seed_path: Path) -> None:
    """The shipped mapping of published statistics names units by code."""
    import yaml

    mapping = seed_path.parent / "published" / "mapping.yaml"
    data = yaml.safe_load(mapping.read_text(encoding="utf-8"))
    named = {s["unit"] for s in data.get("supplementary", [])} | {
        i["convert_to"] for i in data.get("indicators", []) if i.get("convert_to")
    }
    assert named - {""} <= set(UNITS)


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        ("1.5", "ty_dong", "trieu_dong", "1500"),
        ("44923", "ty_dong", "nghin_dong", "44923000000"),
        ("180", "trieu_dong", "ty_dong", "0.18"),
        ("8650", "trieu_usd", "ty_usd", "8.65"),
        ("1", "ha", "m2", "10000"),
        ("10", "pct", "pct_per_year", "10"),
        ("76.8", "nam", "tuoi", "76.8"),
    ],
)
def test_convert_within_a_dimension_is_exact(
    value: str, source: str, target: str, expected: str
) -> None:
    assert convert(Decimal(value), source, target) == Decimal(expected)


def test_convert_keeps_every_digit_of_a_large_value() -> None:
    value = Decimal("123456789012345678901234567890.123456789")
    assert convert(convert(value, "ty_dong", "dong"), "dong", "ty_dong") == value


def test_percent_and_percent_per_year_are_one_dimension() -> None:
    assert get_unit("pct").dimension == get_unit("pct_per_year").dimension


@pytest.mark.parametrize(
    ("source", "target"),
    [("ty_dong", "pct"), ("xa", "huyen"), ("dang_vien", "xa"), ("ty_dong", "trieu_usd")],
)
def test_convert_across_dimensions_raises_a_vietnamese_error(source: str, target: str) -> None:
    with pytest.raises(UnitMismatchError, match="không cùng loại"):
        convert(Decimal(1), source, target)


def test_an_unknown_unit_code_raises() -> None:
    with pytest.raises(UnknownUnitError, match="Không có đơn vị"):
        get_unit("furlong")
