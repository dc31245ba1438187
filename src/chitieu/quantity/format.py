"""Write numbers and targets back the Vietnamese way, for display and reports.

`parse_number(format_number(x))` reads back `x` (tests/quantity/test_format.py
checks it with hypothesis); the only strings that read back two ways are the
honest ambiguous ones, a 1–3 digit integer part and exactly three decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from chitieu.quantity import vocab
from chitieu.quantity.target import Target, TargetKind
from chitieu.quantity.units import get_unit


def format_number(value: Decimal, *, decimals: int | None = None) -> str:
    """`value` with a decimal comma and thousands dots; `decimals` rounds half up.

    Without `decimals` the digits written are the Decimal's own ("22,0" stays).

    >>> format_number(Decimal("1100000"))
    '1.100.000'
    >>> format_number(Decimal("1234.5"))
    '1.234,5'
    >>> format_number(Decimal("-2.5"))
    '-2,5'
    >>> format_number(Decimal("9.87"), decimals=1)
    '9,9'
    """
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    plain = format(value, "f")
    sign = "-" if plain.startswith("-") and not value.is_zero() else ""
    whole, _, frac = plain.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = vocab.VI_GROUP.join(groups)
    return f"{sign}{text}{vocab.VI_DECIMAL}{frac}" if frac else f"{sign}{text}"


def plain(value: Decimal) -> Decimal:
    """`value` without trailing zeros and never in exponent form: 10.000000 → 10.

    >>> plain(Decimal("10.000000")), plain(Decimal("9.170000")), plain(Decimal("1E+2"))
    (Decimal('10'), Decimal('9.17'), Decimal('100'))
    >>> len(str(plain(Decimal("1E+300"))))  # beyond the context's 28 digits: still exact
    301
    """
    normal = value.normalize()
    sign, digits, exponent = normal.as_tuple()
    if isinstance(exponent, int) and exponent > 0:  # the zeros written out, no rounding
        return Decimal((sign, digits + (0,) * exponent, 0))
    return normal


def format_value(value: Decimal, unit_code: str | None, *, decimals: int | None = None) -> str:
    """A number with its unit: "9,9%", "10%/năm", "600.000 tỷ đồng".

    >>> format_value(Decimal("9.9"), "pct")
    '9,9%'
    >>> format_value(Decimal("600000"), "ty_dong")
    '600.000 tỷ đồng'
    """
    return format_number(value, decimals=decimals) + _unit_suffix(unit_code)


def format_target(target: Target) -> str:
    """A target as the documents would write it.

    Bounds use words ("Dưới 1,5%", "Trên 15 bác sỹ/vạn dân") unless the target
    was written with a symbol ("<1 %" gives "< 1%"). Text targets, and
    ambiguous ones whose value is not known, are shown as written.

    >>> format_target(Target("", TargetKind.RANGE, Decimal(10), Decimal(11), unit="pct_per_year"))
    '10–11%/năm'
    >>> format_target(Target("Khoảng 600.000 tỷ đồng", TargetKind.APPROX, Decimal(600000), Decimal(600000), unit="ty_dong"))
    'Khoảng 600.000 tỷ đồng'
    """
    if target.kind is TargetKind.TEXT or (target.ambiguous and _missing_bound(target)):
        return target.text
    if target.kind is TargetKind.RATIO and target.ratio is not None:
        numerator, denominator = target.ratio
        return f"{numerator}/{denominator}"
    if target.kind is TargetKind.RANK:
        assert target.high is not None
        return vocab.RANK_DISPLAY.format(n=format_number(target.high))
    if target.kind is TargetKind.RANGE:
        assert target.low is not None and target.high is not None
        dash = vocab.RANGE_DISPLAY_DASH
        low, high = format_number(target.low), format_number(target.high)
        return f"{low}{dash}{high}{_unit_suffix(target.unit)}"
    if target.kind in (TargetKind.MIN, TargetKind.MAX):
        return _format_bound(target)
    assert target.low is not None
    value = format_value(target.low, target.unit)
    return vocab.DISPLAY_APPROX + value if target.kind is TargetKind.APPROX else value


def _format_bound(target: Target) -> str:
    if target.kind is TargetKind.MIN:
        bound, value, inclusive = "min", target.low, target.low_inclusive
    else:
        bound, value, inclusive = "max", target.high, target.high_inclusive
    assert value is not None
    written = format_value(value, target.unit)
    if _written_with_symbol(target.text):
        return f"{vocab.DISPLAY_SYMBOLS[(bound, inclusive)]} {written}"
    prefix, suffix = vocab.DISPLAY_WORDS[(bound, inclusive)]
    return f"{prefix}{written}{suffix}"


def _written_with_symbol(text: str) -> bool:
    return any(symbol in text for symbol in vocab.DISPLAY_SYMBOLS.values())


def _missing_bound(target: Target) -> bool:
    return target.low is None and target.high is None


def _unit_suffix(unit_code: str | None) -> str:
    if unit_code is None:
        return ""
    unit = get_unit(unit_code)
    return unit.symbol if unit.attached else f" {unit.symbol}"
