"""Parse a target expression ("10-11%/năm", "Dưới 1,5%", "Nhóm 10 tỉnh dẫn đầu") into a Target.

Grammar (words matched through `vocab`, case- and tone-insensitively):

    target   := [subject anchor] [lead] (rank | bounded)
    bounded  := [approx | comparator] quantity [range-sep quantity | "/" NUMBER]
                [qualifier words] [suffix-comparator] [rest]
    quantity := ["-"] NUMBER [unit]
    rank     := ("nhóm" NUMBER words "dẫn đầu") | ("top" NUMBER)

A subject ("thời gian sống khỏe mạnh") may precede the quantity only when an
anchor separates them: a colon, a comparator, an approximation or a lead word
("đạt"). That keeps years in prose ("đến năm 2030") from passing for targets.
Text with no quantity is a TEXT target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.quantity import phrases, vocab
from chitieu.quantity.errors import NotATargetError, NumberFormatError
from chitieu.quantity.format import plain
from chitieu.quantity.numbers import ParsedNumber, parse_number
from chitieu.quantity.target import NumberReading, Target, TargetKind
from chitieu.quantity.tokens import Token, TokenKind, tokenize
from chitieu.quantity.units import get_unit

MORE_NUMBERS = "more_numbers"  # further numbers follow the target: a reviewer should look
HAS_NUMBERS = "numbers_in_text"  # a text target that mentions numbers
MIXED_UNITS = "mixed_units"  # "10%-11%/năm": both ends carry units of one dimension
REVERSED_RANGE = "reversed_range"  # "11-10": bounds written high first
APPROX_RANGE = "approx_range"  # "khoảng 10-11%"
SCALE_WITHOUT_UNIT = "scale_without_unit"  # "12 triệu lượt khách": scale word, no known unit


@dataclass(frozen=True)
class _Quantity:
    """One number of the expression, signed, with the unit written after it."""

    number: ParsedNumber
    unit: str | None
    end: int  # index of the first token after it
    exponent: int = 0  # the scale word's power of ten, already applied to `number`


def parse_target(text: str, *, unit: str | None = None) -> Target:
    """Read a target expression; `unit` is the code used when the text names none.

    >>> t = parse_target("10-11%/năm")
    >>> t.kind.value, t.low, t.high, t.unit
    ('range', Decimal('10'), Decimal('11'), 'pct_per_year')
    >>> t = parse_target("Dưới 1,5%")
    >>> t.kind.value, t.high, t.high_inclusive
    ('max', Decimal('1.5'), False)
    >>> parse_target("Nhóm 10 tỉnh dẫn đầu").kind.value
    'rank'
    """
    if unit is not None:
        get_unit(unit)
    tokens = tokenize(text)
    if not text.strip():
        raise NotATargetError("Ô trống: không phải là chỉ tiêu.", text=text)
    if not any(t.kind in (TokenKind.WORD, TokenKind.NUMBER) for t in tokens):
        raise NotATargetError(
            f"'{text}' không phải là chỉ tiêu: không có số hay chữ nào.", text=text
        )
    start = _find_start(tokens)
    if start is None:
        if len(tokens) == 1 and tokens[0].kind is TokenKind.NUMBER:
            _number(text, tokens[0], negative=False)  # raises: a lone malformed number
        flags = (HAS_NUMBERS,) if any(t.kind is TokenKind.NUMBER for t in tokens) else ()
        return Target(text, TargetKind.TEXT, flags=flags)
    return _parse_from(text, tokens, start, unit)


def _find_start(tokens: Sequence[Token]) -> int | None:
    """Where the quantity phrase begins; None for a text target."""
    if _starts_quantity(tokens, 0):
        return 0
    colons = [i for i, t in enumerate(tokens) if t.text == ":"]
    if colons and _starts_quantity(tokens, colons[0] + 1):
        return colons[0] + 1
    for at in range(1, len(tokens)):
        anchored = any(
            table.match(tokens, at)
            for table in (phrases.PREFIX, phrases.APPROX, phrases.LEAD, phrases.RANK_GROUP)
        )
        if anchored and _starts_quantity(tokens, at):
            return at
    return None


def _starts_quantity(tokens: Sequence[Token], at: int) -> bool:
    at = _skip_lead(tokens, at)
    if _rank_size(tokens, at) is not None:
        return True
    for table in (phrases.APPROX, phrases.PREFIX):
        found = table.match(tokens, at)
        if found:
            at += found[1]
            break
    if _is_minus(tokens, at):
        at += 1
    return at < len(tokens) and tokens[at].kind is TokenKind.NUMBER


def _skip_lead(tokens: Sequence[Token], at: int) -> int:
    while found := phrases.LEAD.match(tokens, at):
        at += found[1]
    return at


def _parse_from(text: str, tokens: Sequence[Token], at: int, default_unit: str | None) -> Target:
    at = _skip_lead(tokens, at)
    rank = _rank_size(tokens, at)
    if rank is not None:
        size, end = rank
        return Target(
            text, TargetKind.RANK, high=size, unit="hang", flags=_more_numbers(tokens, end)
        )
    approx = phrases.APPROX.match(tokens, at)
    comparator = None if approx else phrases.PREFIX.match(tokens, at)
    at += (approx or comparator or ("", 0))[1]
    first = _quantity(text, tokens, at)
    opened_by_from = comparator is not None and (tokens[at - 1].key,) == phrases.FROM
    may_range = comparator is None or opened_by_from

    ratio = _ratio(text, tokens, first)
    if ratio is not None:
        return _finish(ratio, tokens, first.end + 2, default_unit)

    second = _range_end(text, tokens, first.end) if may_range else None
    if second is not None:
        flags = (APPROX_RANGE,) if approx else ()
        target = _range(text, first, second, flags)
        return _finish(target, tokens, second.end, default_unit)

    end = first.end
    if approx:
        return _finish(_point(text, TargetKind.APPROX, first), tokens, end, default_unit)
    bound = vocab.PREFIX_COMPARATORS[comparator[0]] if comparator else None
    if comparator is None or opened_by_from:
        suffix = _suffix(tokens, end)
        if suffix is not None:
            bound = vocab.SUFFIX_COMPARATORS[suffix[0]]
            end = suffix[1]
    if bound is None:
        return _finish(_point(text, TargetKind.POINT, first), tokens, end, default_unit)
    return _finish(_bounded(text, first, *bound), tokens, end, default_unit)


def _rank_size(tokens: Sequence[Token], at: int) -> tuple[Decimal, int] | None:
    """'Nhóm 10 tỉnh ... dẫn đầu' or 'top 10': (10, index after the phrase)."""
    group = phrases.RANK_GROUP.match(tokens, at)
    number = at + group[1] if group else len(tokens)
    if group is None or number >= len(tokens) or tokens[number].kind is not TokenKind.NUMBER:
        return None
    size = parse_number(tokens[number].text).value
    if size is None or size != size.to_integral_value():
        return None
    if group[0] != "nhóm":
        end = number + 1
        if end + 1 < len(tokens) and tokens[end].text == "/":
            end += 2  # "xếp hạng 15/34": out of 34 provinces
        return size, end
    leader = phrases.RANK_LEADER.find(tokens, at + 2)
    return (size, leader[0] + leader[2]) if leader else None


def _is_minus(tokens: Sequence[Token], at: int) -> bool:
    """A minus sign stuck to the digits that follow it ("-2,5")."""
    return (
        at + 1 < len(tokens)
        and tokens[at].text in vocab.MINUS_SIGNS
        and tokens[at + 1].kind is TokenKind.NUMBER
        and tokens[at].end == tokens[at + 1].start
    )


def _quantity(text: str, tokens: Sequence[Token], at: int) -> _Quantity:
    negative = _is_minus(tokens, at)
    at += negative
    number = _number(text, tokens[at], negative=negative)
    unit = phrases.match_unit(tokens, at + 1)
    if unit is not None:
        return _Quantity(number, unit[0], at + 1 + unit[1])
    scale = phrases.SCALE.match(tokens, at + 1)
    if scale is None:
        return _Quantity(number, None, at + 1)
    after = at + 1 + scale[1]
    scaled_unit = phrases.match_unit(tokens, after)
    if scaled_unit is None:
        # "12 triệu lượt khách": no unit to carry the scale; the number stays as
        # written and a reviewer is told, rather than a unitless 12.000.000.
        flagged = replace(number, flags=(*number.flags, SCALE_WITHOUT_UNIT))
        return _Quantity(flagged, None, at + 1)
    exponent = vocab.SCALE_WORDS[scale[0]]
    return _Quantity(_scaled(number, exponent), scaled_unit[0], after + scaled_unit[1], exponent)


def _scaled(number: ParsedNumber, exponent: int) -> ParsedNumber:
    """Every reading of `number` times 10**exponent, exactly: "1,2 triệu" is 1.200.000."""

    def times(value: Decimal) -> Decimal:
        return plain(value.scaleb(exponent))

    readings = tuple(replace(r, value=times(r.value)) for r in number.readings)
    value = None if number.value is None else times(number.value)
    return replace(number, value=value, readings=readings)


def _number(text: str, token: Token, *, negative: bool) -> ParsedNumber:
    try:
        number = parse_number(token.text)
    except NumberFormatError as error:
        raise NotATargetError(
            f"'{text}' không phải là chỉ tiêu: {error.message}",
            text=text,
            suggestions=error.suggestions,
        ) from error
    if not negative:
        return number
    readings = tuple(replace(r, value=-r.value) for r in number.readings)
    value = None if number.value is None else -number.value
    return ParsedNumber("-" + number.text, value, readings, number.flags)


def _ratio(text: str, tokens: Sequence[Token], first: _Quantity) -> Target | None:
    """'1/3', '30/77': two whole numbers around a slash, no unit in between."""
    at = first.end
    if first.unit is not None or at + 1 >= len(tokens) or tokens[at].text != "/":
        return None
    if tokens[at + 1].kind is not TokenKind.NUMBER:
        return None
    numerator = first.number.value
    denominator = _number(text, tokens[at + 1], negative=False).value
    if numerator is None or denominator is None or denominator == 0:
        return None
    if numerator != numerator.to_integral_value() or denominator != denominator.to_integral_value():
        return None
    value = numerator / denominator
    return Target(text, TargetKind.RATIO, value, value, ratio=(int(numerator), int(denominator)))


def _range_end(text: str, tokens: Sequence[Token], at: int) -> _Quantity | None:
    """The second number of '10-11', '10 – 11', 'từ 10 đến 11'."""
    if at >= len(tokens):
        return None
    if tokens[at].text in vocab.RANGE_DASHES:
        size = 1
    else:
        found = phrases.RANGE_WORDS.match(tokens, at)
        if found is None:
            return None
        size = found[1]
    after = at + size
    if after < len(tokens) and (tokens[after].kind is TokenKind.NUMBER or _is_minus(tokens, after)):
        return _quantity(text, tokens, after)
    return None


def _suffix(tokens: Sequence[Token], at: int) -> tuple[str, int] | None:
    """'trở lên' / 'trở xuống' after the number, past qualifier words but not past another 'từ'."""
    found = phrases.SUFFIX.find(tokens, at)
    if found is None:
        return None
    position, phrase, size = found
    between = tokens[at:position]
    if any((t.key,) == phrases.FROM or t.kind is TokenKind.NUMBER for t in between):
        return None
    return phrase, position + size


def _point(text: str, kind: TargetKind, quantity: _Quantity) -> Target:
    value = quantity.number.value
    return _numbers_into(Target(text, kind, value, value), (quantity, ""))


def _bounded(text: str, quantity: _Quantity, bound: str, inclusive: bool) -> Target:
    value = quantity.number.value
    if bound == "min":
        target = Target(text, TargetKind.MIN, low=value, low_inclusive=inclusive)
    else:
        target = Target(text, TargetKind.MAX, high=value, high_inclusive=inclusive)
    return _numbers_into(target, (quantity, ""))


def _range(text: str, first: _Quantity, second: _Quantity, flags: tuple[str, ...]) -> Target:
    if first.unit is None and second.exponent:
        # "10-12 nghìn tỷ đồng": the scale, like the unit, is written once for both ends.
        first = replace(first, number=_scaled(first.number, second.exponent))
    low, high = first.number.value, second.number.value
    if low is not None and high is not None and low > high:
        low, high, flags = high, low, (*flags, REVERSED_RANGE)
    target = Target(text, TargetKind.RANGE, low, high, flags=flags)
    return _numbers_into(target, (first, "cận dưới"), (second, "cận trên"))


def _numbers_into(target: Target, *quantities: tuple[_Quantity, str]) -> Target:
    """Carry the numbers' flags, units and, for an ambiguous number, its readings."""
    flags = list(target.flags)
    readings: list[NumberReading] = []
    for quantity, role in quantities:
        number = quantity.number
        flags.extend(f for f in number.flags if f not in flags)
        if number.ambiguous:
            prefix = f"{role}: " if role else ""
            readings.extend(replace(r, note=prefix + r.note) for r in number.readings)
    units = [q.unit for q, _ in quantities if q.unit is not None]
    if len(set(units)) > 1:
        dimensions = {get_unit(code).dimension for code in units}
        if len(dimensions) > 1:
            raise NotATargetError(
                f"'{target.text}' không phải là chỉ tiêu: hai đầu khoảng có đơn vị khác loại "
                f"({' và '.join(get_unit(c).symbol for c in units)}).",
                text=target.text,
            )
        flags.append(MIXED_UNITS)
    return replace(
        target,
        unit=units[-1] if units else None,
        ambiguous=bool(readings),
        readings=tuple(readings),
        flags=tuple(flags),
    )


def _finish(target: Target, tokens: Sequence[Token], end: int, default_unit: str | None) -> Target:
    unit = target.unit if target.unit is not None else default_unit
    flags = target.flags + _more_numbers(tokens, end)
    return replace(target, unit=unit, flags=flags)


def _more_numbers(tokens: Sequence[Token], end: int) -> tuple[str, ...]:
    return (MORE_NUMBERS,) if any(t.kind is TokenKind.NUMBER for t in tokens[end:]) else ()
