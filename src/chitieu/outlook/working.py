"""The arithmetic behind a rating's sentence (chitieu.outlook.reason), one line each.

Every number of the sentence appears here with where it comes from: the actual and the
required pace, R = actual/required, A = the share of the required change the trend reaches,
the cut-offs of the settings, and the formula of what the remaining years need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chitieu.outlook.goal import Goal
from chitieu.outlook.reason import num, pace_text, value_text, vi_number
from chitieu.outlook.settings import DEFAULT_SETTINGS, Measure, OutlookSettings, Rating

if TYPE_CHECKING:
    from chitieu.outlook.rating import Outlook

_LEVEL = (Measure.LOG, Measure.GAP, Measure.LINEAR)


def working_lines(
    o: Outlook, goal: Goal, settings: OutlookSettings = DEFAULT_SETTINGS
) -> tuple[str, ...]:
    """The lines of 'Cách tính' for one rating.

    >>> from chitieu.outlook.rating import Outlook
    >>> from chitieu.outlook.settings import Measure, Rating
    >>> working_lines(Outlook("x", None, Rating.INSUFFICIENT_DATA, Measure.NONE, 5.0, 2030), None)
    ('Số năm có số liệu (kể cả năm gốc): 0',)
    """
    if o.rating is Rating.INSUFFICIENT_DATA:
        return (f"Số năm có số liệu (kể cả năm gốc): {o.points}",)
    latest = f"Số liệu năm {o.latest_year}: {value_text(num(o.latest_value))}"
    target = f"Mục tiêu năm {o.target_year}: {value_text(num(o.target))}"
    if o.measure is Measure.EVERY_YEAR:
        return (latest, f"Mục tiêu hằng năm: {value_text(num(o.target))}")
    lines = [latest, target]
    if o.actual_pace is not None:
        lines.append(_actual_line(o))
    if o.required_pace is not None:
        lines.append(_required_line(o, goal))
    if o.ratio is not None:
        lines.append(
            f"Tỷ lệ tiến độ R = {_bare(o, o.actual_pace)} / {_bare(o, o.required_pace)}"
            f" = {vi_number(o.ratio, 2)}"
        )
    if o.anticipated is not None and o.projected is not None:
        lines.append(
            f"Theo xu hướng, năm {o.target_year} ước đạt {value_text(o.projected)}: "
            f"phần thay đổi cần có đạt được A = {vi_number(o.anticipated, 2)}"
        )
        lines.append(f"Mức xét = min(R, A) = {vi_number(min(num(o.ratio), o.anticipated), 2)}")
    if o.ratio is not None:
        lines.append(_cut_offs(settings))
    if o.required_remaining is not None and o.rating is not Rating.TARGET_ACHIEVED:
        lines.append(_remaining_line(o, goal))
    if o.imputed:
        lines.append(f"Số năm thiếu số liệu được bù bằng bình quân các năm đã có: {o.imputed}")
    return tuple(lines)


def _bare(o: Outlook, x: float | None) -> str:
    if o.measure in (Measure.LOG, Measure.GAP, Measure.AVG_GROWTH):
        return vi_number(num(x))
    return value_text(num(x))


def _actual_line(o: Outlook) -> str:
    pace = pace_text(o, o.actual_pace)
    if o.measure in _LEVEL:
        return (
            f"Tốc độ thực tế: {pace} (đường xu hướng qua {o.points} năm có số liệu, "
            "năm gần đây có trọng số lớn hơn)"
        )
    if o.measure is Measure.AVG_GROWTH:
        return f"Tăng trưởng bình quân các năm đã qua (bình quân nhân): {pace}"
    if o.measure is Measure.AVG_LEVEL:
        return f"Bình quân các năm đã qua: {pace}"
    return f"Bình quân mỗi năm đã thực hiện (tổng đã thực hiện / số năm đã qua): {pace}"


def _required_line(o: Outlook, goal: Goal) -> str:
    pace = pace_text(o, o.required_pace)
    if o.measure is Measure.CUMULATIVE:
        return f"Mức cần mỗi năm: {value_text(num(o.target))} / {goal.years} năm = {pace}"
    if o.measure in _LEVEL:
        return f"Mức cần thiết từ năm gốc {goal.baseline_year} đến năm {o.target_year}: {pace}"
    return f"Mục tiêu: {pace}"


def _cut_offs(s: OutlookSettings) -> str:
    return (
        f"Xếp loại theo mức xét: từ {vi_number(s.on_track, 2)} đúng tiến độ; "
        f"từ {vi_number(s.acceleration, 2)} cần tăng tốc; từ 0 tiến bộ hạn chế; dưới 0 đi xuống"
    )


def _remaining_line(o: Outlook, goal: Goal) -> str:
    """The formula of what each remaining year needs, with its numbers."""
    rem = o.target_year - num(o.latest_year)
    years = f"{rem:.0f}"
    target, latest = value_text(num(o.target)), value_text(num(o.latest_value))
    result = pace_text(o, o.required_remaining)
    k, n = goal.years - rem, goal.years
    if o.measure is Measure.LOG:
        formula = f"({target} / {latest})^(1/{years}) − 1"
    elif o.measure is Measure.GAP:
        limit = vi_number(goal.favourable_limit, 0)
        formula = f"1 − (({limit} − {target}) / ({limit} − {latest}))^(1/{years})"
    elif o.measure is Measure.LINEAR:
        formula = f"({target} − {latest}) / {years}"
    elif o.measure is Measure.AVG_GROWTH:
        g, actual = vi_number(num(o.target)), vi_number(num(o.actual_pace))
        formula = f"((1 + {g}%)^{n} / (1 + {actual}%)^{k:.0f})^(1/{years}) − 1"
    elif o.measure is Measure.AVG_LEVEL:
        formula = f"({n} × {target} − {k:.0f} × {value_text(num(o.actual_pace))}) / {years}"
    else:
        done = value_text(num(o.actual_pace) * k)
        formula = f"({target} − {done}) / {years}"
    return f"Các năm còn lại ({years} năm) cần: {formula} = {result}"
