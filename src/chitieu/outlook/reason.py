"""One Vietnamese sentence per rating, with its numbers in Vietnamese notation."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from chitieu.outlook.goal import Goal
from chitieu.outlook.settings import Measure, Rating
from chitieu.quantity.format import format_number

if TYPE_CHECKING:
    from chitieu.outlook.rating import Outlook

_VERDICT = {
    Rating.ON_TRACK: "đúng tiến độ",
    Rating.NEEDS_ACCELERATION: "cần tăng tốc",
    Rating.LIMITED_PROGRESS: "tiến bộ hạn chế",
    Rating.DETERIORATION: "đang đi xuống",
}


def vi_number(x: float, decimals: int = 1) -> str:
    """A derived float in Vietnamese style, trailing zeros of the decimals kept.

    >>> vi_number(1234567.891, 2), vi_number(-0.784, 2), vi_number(8.2)
    ('1.234.567,89', '-0,78', '8,2')
    """
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    return format_number(Decimal(repr(x)), decimals=decimals)


def _value(x: float) -> str:
    return vi_number(x, 0 if abs(x) >= 1000 else 2)


def reason_text(o: Outlook, goal: Goal) -> str:
    """The sentence shown beside a rating."""
    if o.rating is Rating.INSUFFICIENT_DATA:
        need = (
            "giá trị năm gốc và ít nhất một năm sau đó"
            if o.measure in (Measure.NONE, Measure.LOG, Measure.GAP, Measure.LINEAR)
            else "ít nhất một năm có số liệu trong giai đoạn"
        )
        return f"Chưa đủ số liệu: cần {need}."
    if o.measure is Measure.EVERY_YEAR:
        return _every_year(o)
    if o.rating is Rating.TARGET_ACHIEVED:
        return (
            f"Đã đạt mục tiêu: năm {o.latest_year} đạt {_value(_num(o.latest_value))}, "
            f"mục tiêu {_value(_num(o.target))}."
        )
    if o.ratio is None:
        return _without_ratio(o)
    return _with_ratio(o, goal)


def _num(x: float | None) -> float:
    return math.nan if x is None else x


def _pace(o: Outlook, x: float | None) -> str:
    if o.measure in (Measure.LOG, Measure.GAP, Measure.AVG_GROWTH):
        return f"{vi_number(_num(x))}%/năm"
    if o.measure is Measure.AVG_LEVEL:
        return _value(_num(x))
    return f"{_value(_num(x))}/năm"


def _with_ratio(o: Outlook, goal: Goal) -> str:
    verdict = _VERDICT[o.rating]
    subject = {
        Measure.LOG: "Tốc độ thực tế",
        Measure.GAP: (
            f"Khoảng cách tới mức {vi_number(goal.favourable_limit, 0)}% thu hẹp thực tế"
            if goal.direction > 0
            else "Mức giảm thực tế"
        ),
        Measure.LINEAR: "Mức thay đổi thực tế",
        Measure.AVG_GROWTH: "Tăng trưởng bình quân thực tế",
        Measure.AVG_LEVEL: "Mức bình quân thực tế",
        Measure.CUMULATIVE: "Bình quân thực hiện",
    }[o.measure]
    text = (
        f"{subject} {_pace(o, o.actual_pace)} bằng {vi_number(_num(o.ratio), 2)} lần "
        f"mức cần thiết {_pace(o, o.required_pace)}"
    )
    if o.anticipated is not None and o.projected is not None and o.anticipated < _num(o.ratio):
        text += (
            f", theo xu hướng năm {o.target_year} ước đạt {_value(o.projected)} "
            f"so với mục tiêu {_value(_num(o.target))}"
        )
    if o.rating is Rating.DETERIORATION and _num(o.ratio) >= 0:
        verdict = "xu hướng đang đi xuống"
    text += f": {verdict}"
    if o.required_remaining is not None and o.rating is not Rating.ON_TRACK:
        text += f"; những năm còn lại cần {_pace(o, o.required_remaining)}"
    return text + "."


def _without_ratio(o: Outlook) -> str:
    if o.rating is Rating.DETERIORATION:
        return (
            f"Năm gốc đã đạt mục tiêu {_value(_num(o.target))} nhưng năm {o.latest_year} "
            f"chỉ còn {_value(_num(o.latest_value))}: đang đi xuống."
        )
    verdict = _VERDICT.get(o.rating, "")
    return (
        f"Thực tế {_pace(o, o.actual_pace)} so với mục tiêu {_pace(o, o.required_pace)}: {verdict}."
    )


def _every_year(o: Outlook) -> str:
    latest = (
        f"Năm {o.latest_year} đạt {_value(_num(o.latest_value))} "
        f"so với mục tiêu hằng năm {_value(_num(o.target))}"
    )
    if o.rating is Rating.TARGET_ACHIEVED:
        return latest + ": đã đạt mục tiêu mọi năm trong giai đoạn."
    if o.rating is Rating.ON_TRACK:
        return latest + ": đạt."
    if o.rating is Rating.DETERIORATION:
        return latest + ": chưa đạt và thấp hơn năm trước, đang đi xuống."
    return latest + ": chưa đạt, cần tăng tốc."
