"""Settle an ambiguous number with what surrounds it, and say why.

`328,096` in a column of tỷ đồng totals whose target is `250.000` is 328096,
not 328.096: the target and the column's other cells are of the same order of
magnitude as one reading and a thousand times off the other. Each piece of
context votes for the readings it finds plausible; a reading is chosen only
when at least one piece of context singles it out and none singles out
another. Otherwise the Resolution says the number is still undecided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from chitieu.quantity.format import format_number
from chitieu.quantity.numbers import ParsedNumber
from chitieu.quantity.target import NumberReading

# A reading is "of the same order" as a reference when within this factor of it.
MAGNITUDE_FACTOR = Decimal(10)


@dataclass(frozen=True)
class NumberContext:
    """What the caller knows about where the number sits."""

    neighbours: Sequence[Decimal] = field(default_factory=tuple)  # the column's other cells
    expected: Decimal | None = None  # e.g. the target on the same row
    plausible: tuple[Decimal, Decimal] | None = None  # the unit's plausible range


@dataclass(frozen=True)
class Resolution:
    """The outcome: `value` is None when the context did not settle the number."""

    text: str
    value: Decimal | None
    chosen: NumberReading | None
    rejected: tuple[NumberReading, ...]
    reason: str

    @property
    def settled(self) -> bool:
        return self.value is not None


def resolve_number(parsed: ParsedNumber, context: NumberContext) -> Resolution:
    """Choose among the readings of `parsed` using `context`, with a Vietnamese reason.

    >>> from chitieu.quantity.numbers import parse_number
    >>> r = resolve_number(parse_number("328,096"), NumberContext(expected=Decimal(250000)))
    >>> r.value
    Decimal('328096')
    """
    if not parsed.ambiguous:
        reading = parsed.readings[0]
        return Resolution(
            parsed.text, reading.value, reading, (), f"'{parsed.text}' chỉ có một cách đọc."
        )
    votes = [vote for vote in _votes(parsed.readings, context) if vote is not None]
    choices = {reading.value for reading, _ in votes}
    readings_text = " hoặc ".join(_show(r) for r in parsed.readings)
    if not votes:
        return Resolution(
            parsed.text,
            None,
            None,
            parsed.readings,
            f"Chưa xác định được '{parsed.text}' ({readings_text}): "
            "ngữ cảnh không đủ để chọn một cách đọc.",
        )
    evidence = "; ".join(because for _, because in votes)
    if len(choices) > 1:
        return Resolution(
            parsed.text,
            None,
            None,
            parsed.readings,
            f"Chưa xác định được '{parsed.text}' ({readings_text}): "
            f"các căn cứ mâu thuẫn nhau ({evidence}).",
        )
    chosen = votes[0][0]
    rejected = tuple(r for r in parsed.readings if r is not chosen)
    others = ", ".join(_show(r) for r in rejected)
    return Resolution(
        parsed.text,
        chosen.value,
        chosen,
        rejected,
        f"Đọc '{parsed.text}' là {_show(chosen)}, không phải {others}, vì {evidence}.",
    )


def _votes(
    readings: Sequence[NumberReading], context: NumberContext
) -> list[tuple[NumberReading, str] | None]:
    votes: list[tuple[NumberReading, str] | None] = []
    if context.plausible is not None:
        low, high = context.plausible
        inside = [r for r in readings if low <= r.value <= high]
        votes.append(
            _single(
                inside,
                f"khoảng hợp lý của đơn vị là {format_number(low)} đến {format_number(high)}",
            )
        )
    if context.expected is not None:
        votes.append(_near(readings, context.expected, "mục tiêu"))
    values = [abs(v) for v in context.neighbours if v != 0]
    if values:
        votes.append(_near(readings, Decimal(median(values)), "trung vị các ô cùng cột"))
    return votes


def _near(
    readings: Sequence[NumberReading], reference: Decimal, what: str
) -> tuple[NumberReading, str] | None:
    if reference == 0:
        return None
    close = [r for r in readings if _same_order(r.value, reference)]
    return _single(close, f"{what} là {format_number(reference)}, cùng cỡ với số được chọn")


def _same_order(value: Decimal, reference: Decimal) -> bool:
    if value == 0:
        return False
    ratio = abs(value) / abs(reference)
    return 1 / MAGNITUDE_FACTOR <= ratio <= MAGNITUDE_FACTOR


def _single(readings: Sequence[NumberReading], because: str) -> tuple[NumberReading, str] | None:
    return (readings[0], because) if len(readings) == 1 else None


def _show(reading: NumberReading) -> str:
    convention = "dấu phẩy thập phân" if reading.convention == "vi" else "dấu phẩy hàng nghìn"
    return f"{format_number(reading.value)} ({convention})"
