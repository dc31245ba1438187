"""The words of the progress report: units, required pace, projection, coherence findings."""

from __future__ import annotations

from chitieu.catalog.model import Catalogue
from chitieu.outlook import Measure, Outlook
from chitieu.outlook.coherence import CoherenceCheck, check_plan
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
    """The plan's coherence checks, the ones that found a problem first."""
    findings = []
    for outcome in check_plan(catalogue):
        if isinstance(outcome, CoherenceCheck):
            text = outcome.explanation
            if outcome.assumptions:
                text += " Giả định: " + "; ".join(outcome.assumptions) + "."
            findings.append(CoherenceFinding(outcome.title, outcome.verdict.label, text))
        else:
            findings.append(CoherenceFinding(outcome.check, NOT_CHECKED, outcome.reason))
    order = {"Không nhất quán": 0, "Chỉ đúng với giả định": 1, NOT_CHECKED: 3}
    return tuple(sorted(findings, key=lambda f: order.get(f.verdict, 2)))
