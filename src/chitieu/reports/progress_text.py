"""The words of the progress report: units, required pace, projection, coherence findings."""

from __future__ import annotations

import re

from chitieu.catalog.model import Catalogue
from chitieu.outlook import Measure, Outlook
from chitieu.outlook.coherence import CHECK_TITLES, CoherenceCheck, check_plan
from chitieu.outlook.reason import vi_number
from chitieu.quantity import get_unit
from chitieu.reports.model import CoherenceFinding

NOT_CHECKED = "Chưa kiểm tra được"
_RATES = (Measure.LOG, Measure.GAP, Measure.AVG_GROWTH)


def unit_symbol(code: str | None) -> str:
    """The unit as shown after a number or in a unit column ("%", "tỷ đồng").

    >>> unit_symbol("pct"), unit_symbol(None)
    ('%', '')
    """
    return get_unit(code).symbol if code else ""


def _with_unit(value: float, unit: str | None) -> str:
    symbol = unit_symbol(unit)
    text = vi_number(value, 0 if abs(value) >= 1000 else 2)
    if not symbol:
        return text
    return f"{text}{symbol}" if get_unit(unit).attached else f"{text} {symbol}"  # type: ignore[arg-type]


def required_text(outlook: Outlook, unit: str | None) -> str:
    """The pace needed per remaining year, from the latest value, in words."""
    pace = outlook.required_remaining
    if pace is None or outlook.latest_year is None:
        return ""
    remaining = outlook.target_year - outlook.latest_year
    if remaining <= 0:
        return ""
    if outlook.measure in _RATES:
        amount = f"{vi_number(pace, 1)}%/năm"
        what = "tăng" if outlook.measure is not Measure.GAP else "thu hẹp khoảng cách"
        return f"Cần {what} {amount} trong {remaining} năm còn lại"
    if outlook.measure is Measure.CUMULATIVE:
        return f"Cần {_with_unit(pace, unit)} mỗi năm trong {remaining} năm còn lại"
    if outlook.measure is Measure.AVG_LEVEL:
        return f"Cần bình quân {_with_unit(pace, unit)} trong {remaining} năm còn lại"
    if outlook.measure is Measure.LINEAR:
        return f"Cần thay đổi {_with_unit(pace, unit)} mỗi năm trong {remaining} năm còn lại"
    return ""


def projection_text(outlook: Outlook, unit: str | None) -> str:
    """The projected value at the target year, with its interval when there is one."""
    if outlook.projected is None:
        return ""
    suffix = "%/năm" if outlook.measure is Measure.AVG_GROWTH else ""
    shown = (
        f"{vi_number(outlook.projected, 2)}{suffix}"
        if suffix
        else _with_unit(outlook.projected, unit)
    )
    text = f"{shown} (năm {outlook.target_year})"
    if outlook.interval is not None:
        low, high = outlook.interval
        text += f", khoảng {vi_number(low, 2)} – {vi_number(high, 2)}"
    return text


def coherence_findings(catalogue: Catalogue) -> tuple[CoherenceFinding, ...]:
    """The plan's coherence checks, the ones that found a problem first; indicator codes and
    settings keys are replaced by the words a reader knows."""
    names = {i.code: i.name for i in catalogue.indicators}
    findings = []
    for outcome in check_plan(catalogue):
        if isinstance(outcome, CoherenceCheck):
            text = outcome.explanation
            if outcome.assumptions:
                said = [_without_key(a).rstrip(". ") for a in outcome.assumptions]
                text += " Giả định: " + "; ".join(said) + "."
            findings.append(CoherenceFinding(outcome.title, outcome.verdict.label, text))
        else:
            involved = [f"“{names[c]}”" for c in _CODE.findall(outcome.reason) if c in names]
            title = CHECK_TITLES.get(outcome.check) or (
                "Quan hệ giữa " + " và ".join(involved) if involved else outcome.check
            )
            reason = _CODE.sub(
                lambda m: f"“{names[m[0]]}”" if m[0] in names else f"mã {m[0]}", outcome.reason
            )
            findings.append(CoherenceFinding(title, NOT_CHECKED, reason))
    order = {"Không nhất quán": 0, "Chỉ đúng với giả định": 1, NOT_CHECKED: 3}
    return tuple(sorted(findings, key=lambda f: order.get(f.verdict, 2)))


_CODE = re.compile(r"\b[a-z]+(?:\.[a-z0-9_]+)+\b")
_KEY = re.compile(r"\s*\([a-z0-9_]+\)$")


def _without_key(assumption: str) -> str:
    """ "Chỉ số giảm phát …, cận dưới (%/năm): 2 (deflator_low)" without its settings key.

    >>> _without_key("Di cư thuần (điểm %): 0 (net_migration)")
    'Di cư thuần (điểm %): 0'
    """
    return _KEY.sub("", assumption.rstrip(". "))
