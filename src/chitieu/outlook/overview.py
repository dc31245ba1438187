"""The outlook of a plan as one report: required paths, on-track ratings, coherence, claims.

`report` gives the JSON contract other tools read (keys paths, ratings,
coherence, claims, missing, figure_problems, assumptions); `render` the same as
readable Vietnamese text. CATALOGUE is a catalogue file (.yaml/.yml/.json) or a
document (.txt/.docx) ingested on the fly (`load`). Used by `chitieu outlook`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from chitieu.catalog.model import Catalogue, Indicator
from chitieu.catalog.period import PeriodKind
from chitieu.outlook.assumptions import (
    Assumptions,
    assumptions_data,
)
from chitieu.outlook.claims_check import ClaimResult, check_claims
from chitieu.outlook.coherence import CoherenceCheck, Missing, check_plan
from chitieu.outlook.coherence_base import main_target
from chitieu.outlook.goal import Goal, NoGoalError, resolve_goal
from chitieu.outlook.paths import required_path
from chitieu.outlook.rating import Outlook
from chitieu.outlook.settings import Rating

CATALOGUE_SUFFIXES = (".yaml", ".yml", ".json")
DOCUMENT_SUFFIXES = (".txt", ".docx")


def _number(value: Decimal | float | None) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def load(path: Path) -> Catalogue:
    """A catalogue file, or a document ingested on the fly; baselines completed from claims."""
    suffix = path.suffix.lower()
    if suffix in CATALOGUE_SUFFIXES:
        from chitieu.catalog.io import read_catalogue

        catalogue = read_catalogue(path)
    elif suffix in DOCUMENT_SUFFIXES:
        from chitieu.ingest.pipeline import ingest

        catalogue = ingest(path)
    else:
        raise ValueError(
            f"{path.name}: cần tệp danh mục (.yaml, .json) hoặc văn bản (.txt, .docx)."
        )
    return catalogue


def goals(catalogue: Catalogue) -> tuple[list[Goal], list[dict[str, str]]]:
    found, missing = [], []
    for indicator in catalogue.indicators:
        target = main_target(catalogue, indicator)
        if target is None:
            continue
        try:
            found.append(resolve_goal(indicator, target))
        except NoGoalError as error:
            missing.append({"code": indicator.code, "kind": "path", "reason": error.message})
    return found, missing


def paths(goal_list: list[Goal]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    rows, missing = [], []
    for goal in goal_list:
        path = required_path(goal)
        if not path.milestones:
            reason = f"Chưa có số liệu năm {goal.baseline_year}: không lập được lộ trình."
            missing.append({"code": goal.indicator, "kind": "path", "reason": reason})
        for step in path.milestones:
            rows.append(
                {"code": goal.indicator, "year": step.year, "required": _number(step.value)}
            )
    return rows, missing


def ratings(figures: Path, goal_list: list[Goal]) -> tuple[list[Outlook], list[str]]:
    import pandas as pd  # type: ignore[import-untyped]

    from chitieu.ingest.figures_file import read_figures
    from chitieu.outlook.panel import outlooks, rate_panel

    read = read_figures(figures)
    problems = [str(p) for p in read.problems]
    known = {g.indicator for g in goal_list}
    records = []
    for row in read.rows:
        if row.indicator not in known:
            problems.append(f"{row.place}: mã chỉ tiêu {row.indicator!r} không có mục tiêu.")
            continue
        if row.period.kind not in (PeriodKind.YEAR, PeriodKind.QUARTER):
            continue
        quarter = row.period.index if row.period.kind is PeriodKind.QUARTER else 0
        records.append((row.indicator, row.locality, row.period.year, float(row.value), quarter))
    if not records:
        return [], problems
    columns = ["indicator", "locality", "year", "value", "quarter"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    used = [g for g in goal_list if g.indicator in set(frame["indicator"])]
    return outlooks(rate_panel(frame, used), used), problems


def check_json(check: CoherenceCheck) -> dict[str, Any]:
    return {
        "check": check.check,
        "title": check.title,
        "inputs": [
            {
                "name": i.name,
                "value": _number(i.value),
                "unit": i.unit,
                "line": i.line,
                "text": i.text,
            }
            for i in check.inputs
        ],
        "formula": check.formula,
        "result": check.result,
        "verdict": check.verdict.value,
        "assumptions": list(check.assumptions),
        "explanation": check.explanation,
    }


def claim_json(result: ClaimResult) -> dict[str, Any]:
    return {
        "line": result.line,
        "text": result.text,
        "verdict": result.verdict.value,
        "detail": result.detail,
    }


def report(catalogue: Catalogue, figures: Path | None, assumptions: Assumptions) -> dict[str, Any]:
    goal_list, missing = goals(catalogue)
    path_rows, path_missing = paths(goal_list)
    missing.extend(path_missing)
    outlook_list, problems = ratings(figures, goal_list) if figures else ([], [])
    outcomes = check_plan(catalogue, assumptions)
    missing.extend(
        {"code": o.check, "kind": "coherence", "reason": o.reason}
        for o in outcomes
        if isinstance(o, Missing)
    )
    return {
        "paths": path_rows,
        "ratings": [
            {
                "code": o.indicator,
                "locality": o.locality,
                "rating": o.rating.value,
                "projected": o.projected,
                "required_growth": o.required_remaining,
                "reason": o.reason,
                "working": list(o.working),
            }
            for o in outlook_list
        ],
        "coherence": [check_json(o) for o in outcomes if isinstance(o, CoherenceCheck)],
        "claims": [claim_json(r) for r in check_claims(catalogue.claims, assumptions)],
        "missing": missing,
        "figure_problems": problems,
        "assumptions": assumptions_data(assumptions),
    }


_VERDICTS = {
    "coherent": "Nhất quán",
    "assumption": "Chỉ đúng với giả định",
    "incoherent": "Không nhất quán",
}
_CLAIMS = {"agrees": "Khớp", "disagrees": "Không khớp", "cannot_check": "Không kiểm tra được"}


def render(data: dict[str, Any], indicators: Mapping[str, Indicator] | None = None) -> str:
    """The report as readable Vietnamese text: indicator names, units and rounded values."""
    known = indicators or {}
    out = ["LỘ TRÌNH CẦN ĐẠT (theo năm)"]
    by_code: dict[str, list[str]] = {}
    for row in data["paths"]:
        unit = known[row["code"]].unit if row["code"] in known else None
        by_code.setdefault(row["code"], []).append(
            f"{row['year']}: {_vi(row['required'], unit, rounded=True)}"
        )
    out += [f"  {_name(code, known)}: " + "; ".join(steps) for code, steps in by_code.items()]
    if data["ratings"]:
        out.append("\nĐÁNH GIÁ KHẢ NĂNG ĐẠT")
        out += [
            f"  {_name(r['code'], known)} ({r['locality']}): [{Rating(r['rating']).label}] "
            f"{r['reason']}"
            for r in data["ratings"]
        ]
    out.append("\nTÍNH NHẤT QUÁN CỦA KẾ HOẠCH")
    for c in data["coherence"]:
        out.append(f"  [{_VERDICTS[c['verdict']]}] {c['title']}")
        for i in c["inputs"]:
            where = f"dòng {i['line']}" if i["line"] else "giả định"
            out.append(f"      - {i['name']}: {_vi(i['value'], i['unit'])} ({where})")
        out.append(f"      Công thức: {c['formula']}")
        out.append(f"      Kết quả: {c['result']}")
        out.append(f"      {c['explanation']}")
    out.append("\nKIỂM TRA SỐ LIỆU TRONG VĂN BẢN")
    out += [f"  dòng {c['line']} [{_CLAIMS[c['verdict']]}] {c['detail']}" for c in data["claims"]]
    if data["missing"]:
        out.append("\nCHƯA LẬP ĐƯỢC")
        out += [f"  {_name(m['code'], known)}: {m['reason']}" for m in data["missing"]]
    return "\n".join(out)


def _name(code: str, known: Mapping[str, Indicator]) -> str:
    """ "Quy mô GRDP (kt.grdp.quy_mo)": the name people read, the code to find it again."""
    found = known.get(code)
    return f"{found.name} ({code})" if found is not None and found.name != code else code


def _vi(value: float | int | None, unit: str | None = None, *, rounded: bool = False) -> str:
    """A value the Vietnamese way with its unit's symbol; `rounded` for computed values
    (whole numbers from 1.000 up, else at most 2 decimals, 3 below 1)."""
    if value is None:
        return "-"
    from chitieu.quantity.format import format_number

    number = Decimal(str(value))
    if rounded:
        places = 0 if abs(number) >= 1000 else (3 if abs(number) < 1 else 2)
        number = number.quantize(Decimal(1).scaleb(-places))
        number = (
            number.quantize(Decimal(1))
            if number == number.to_integral_value()
            else number.normalize()
        )
    text = format_number(number)
    symbol = _symbol(unit)
    if not symbol:
        return text
    return f"{text}{symbol}" if symbol.startswith("%") else f"{text} {symbol}"


def _symbol(unit: str | None) -> str:
    if not unit:
        return ""
    from chitieu.quantity import UnknownUnitError, get_unit

    try:
        return str(get_unit(unit).symbol)
    except (UnknownUnitError, KeyError, ValueError):
        return unit
