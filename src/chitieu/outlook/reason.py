"""The sentence an official would write beside a rating, numbers in Vietnamese notation.

The sentence says how fast the indicator moves against the pace the target needs, in words
("Tốc độ tăng thực tế 8,0%/năm, mới bằng 54% tốc độ cần thiết (14,9%/năm). Để đạt mục tiêu,
các năm còn lại cần tăng bình quân 16,7%/năm."). The arithmetic behind it (the ratios R and
A, the formula of the remaining years) is in chitieu.outlook.working.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from chitieu.outlook.goal import Goal
from chitieu.outlook.settings import Measure, Rating
from chitieu.quantity.format import format_number

if TYPE_CHECKING:
    from chitieu.outlook.rating import Outlook


def vi_number(x: float, decimals: int = 1) -> str:
    """A derived float in Vietnamese style, trailing zeros of the decimals kept.

    >>> vi_number(1234567.891, 2), vi_number(-0.784, 2), vi_number(8.2)
    ('1.234.567,89', '-0,78', '8,2')
    """
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    return format_number(Decimal(repr(x)), decimals=decimals)


def value_text(x: float) -> str:
    """A level or amount as an official writes it: no decimals from 1.000 up, at most two below.

    >>> value_text(12.0), value_text(47.711), value_text(205000.4), value_text(0.5)
    ('12', '47,71', '205.000', '0,5')
    """
    text = vi_number(x, 0 if abs(x) >= 1000 else 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def num(x: float | None) -> float:
    return math.nan if x is None else x


def pace_text(o: Outlook, x: float | None) -> str:
    """A pace in its unit: '8,0%/năm', '205.000/năm', or a level for an average."""
    if o.measure in (Measure.LOG, Measure.GAP, Measure.AVG_GROWTH):
        return f"{vi_number(num(x))}%/năm"
    if o.measure is Measure.AVG_LEVEL:
        return value_text(num(x))
    return f"{value_text(num(x))}/năm"


def share_text(ratio: float) -> str:
    """R or A as a share of what is needed: 0,538 -> '54%'."""
    return f"{vi_number(ratio * 100, 0)}%"


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
            f"Năm {o.latest_year} đạt {value_text(num(o.latest_value))}, "
            f"đã đạt mục tiêu {value_text(num(o.target))}."
        )
    if o.ratio is None:
        return _without_ratio(o)
    return _with_ratio(o, goal)


def _actual_subject(o: Outlook, goal: Goal) -> tuple[str, str]:
    """What moved, and what it is compared with: ('Tốc độ tăng thực tế', 'tốc độ cần thiết')."""
    if o.measure is Measure.LOG:
        word = "tăng" if goal.direction > 0 else "giảm"
        return f"Tốc độ {word} thực tế", "tốc độ cần thiết"
    if o.measure is Measure.GAP:
        if goal.direction < 0:
            return "Tốc độ giảm thực tế", "tốc độ cần thiết"
        limit = vi_number(goal.favourable_limit, 0)
        return f"Khoảng cách tới mức {limit}% thu hẹp thực tế", "mức cần thiết"
    if o.measure is Measure.AVG_GROWTH:
        return "Tăng trưởng bình quân các năm đã qua", "mục tiêu"
    if o.measure is Measure.AVG_LEVEL:
        return "Bình quân các năm đã qua", "mục tiêu"
    if o.measure is Measure.CUMULATIVE:
        return "Bình quân mỗi năm đã thực hiện", "mức cần mỗi năm"
    return "Mức thay đổi thực tế", "mức cần thiết"


def remaining_text(o: Outlook, goal: Goal) -> str:
    """'tăng bình quân 16,7%/năm': what each remaining year must do, as a verb phrase."""
    x = o.required_remaining
    if o.measure is Measure.LOG:
        word = "tăng" if num(x) >= 0 else "giảm"
        return f"{word} bình quân {vi_number(abs(num(x)))}%/năm"
    if o.measure is Measure.GAP:
        if goal.direction < 0:
            return f"giảm bình quân {vi_number(num(x))}%/năm"
        limit = vi_number(goal.favourable_limit, 0)
        return f"thu hẹp khoảng cách tới mức {limit}% bình quân {vi_number(num(x))}%/năm"
    if o.measure is Measure.AVG_GROWTH:
        return f"tăng bình quân {vi_number(num(x))}%/năm"
    if o.measure is Measure.AVG_LEVEL:
        return f"đạt bình quân {value_text(num(x))}"
    if o.measure is Measure.CUMULATIVE:
        return f"thực hiện bình quân {value_text(num(x))}/năm"
    word = "tăng" if num(x) >= 0 else "giảm"
    return f"{word} {value_text(abs(num(x)))} mỗi năm"


def _with_ratio(o: Outlook, goal: Goal) -> str:
    subject, needed = _actual_subject(o, goal)
    ratio = num(o.ratio)
    required = pace_text(o, o.required_pace)
    if ratio < 0:
        text = (
            f"{subject} {pace_text(o, o.actual_pace)}, ngược chiều mục tiêu ({needed} {required})"
        )
    else:
        lead = "bằng" if ratio >= 1 else "mới bằng"
        text = f"{subject} {pace_text(o, o.actual_pace)}, {lead} {share_text(ratio)} {needed} ({required})"
    if o.anticipated is not None and o.projected is not None and o.anticipated < ratio:
        trend = "theo xu hướng đang đi xuống" if o.anticipated < 0 else "theo xu hướng"
        text += (
            f"; {trend}, năm {o.target_year} ước đạt {value_text(o.projected)} "
            f"so với mục tiêu {value_text(num(o.target))}"
        )
    text += "."
    if o.required_remaining is not None and o.rating is not Rating.ON_TRACK:
        text += f" Để đạt mục tiêu, các năm còn lại cần {remaining_text(o, goal)}."
    return text


def _without_ratio(o: Outlook) -> str:
    if o.rating is Rating.DETERIORATION:
        return (
            f"Năm gốc đã đạt mục tiêu {value_text(num(o.target))} nhưng năm {o.latest_year} "
            f"chỉ còn {value_text(num(o.latest_value))}: đang đi xuống."
        )
    ok = o.rating is Rating.ON_TRACK
    return (
        f"Thực tế {pace_text(o, o.actual_pace)} so với mục tiêu {pace_text(o, o.required_pace)}: "
        f"{'không kém mục tiêu' if ok else 'kém mục tiêu'}."
    )


def _every_year(o: Outlook) -> str:
    latest = (
        f"Năm {o.latest_year} đạt {value_text(num(o.latest_value))} "
        f"so với mục tiêu hằng năm {value_text(num(o.target))}"
    )
    if o.rating is Rating.TARGET_ACHIEVED:
        return latest + ", đã đạt mục tiêu mọi năm trong giai đoạn."
    if o.rating is Rating.ON_TRACK:
        return latest + ", đạt mục tiêu năm đó."
    if o.rating is Rating.DETERIORATION:
        return latest + ", chưa đạt và kém hơn năm trước."
    return latest + ", chưa đạt; các năm còn lại cần đạt mục tiêu hằng năm."
