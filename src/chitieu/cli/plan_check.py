"""`chitieu plan-check [--plan CODE] [--format text|json] [--published DIR] [--db FILE]`.

The stored annual plan's targets beside its resolution's milestones for the plan's
year (chitieu.outlook.annual_plan.compare, the check of the import report and the
indicator page), and the national table's growth target for the province
(province_check). Baselines: the best stored figure of the year before the plan
(chính thức > sơ bộ > ước) in the resolution's locality.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from chitieu.cli.import_published import PUBLISHED, VERDICTS
from chitieu.cli.serve import use_database
from chitieu.outlook.annual_plan import PlanCheck

NATIONAL_FILE = "national-grdp-targets-2026-2030-draft.csv"
BEST_FIRST = ("chinh_thuc", "so_bo", "uoc")


@click.command("plan-check")
@click.option("--plan", "plan_code", default="hung_yen_2026", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--published",
    type=click.Path(file_okay=False, path_type=Path),
    default=PUBLISHED,
    help="Thư mục có bảng mục tiêu tăng trưởng 2026-2030 của các tỉnh.",
)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None)
def command(plan_code: str, fmt: str, published: Path, db: Path | None) -> None:
    """So mục tiêu kế hoạch năm với mốc lộ trình của nghị quyết năm đó."""
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    try:
        checks, national = plan_checks(plan_code, published / NATIONAL_FILE)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "json":
        data = {
            "plan": plan_code,
            "checks": [as_json(c) for c in checks],
            "national": as_json(national) if national else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for check in checks:
        click.echo(as_text(check))
    if national is not None:
        click.echo("Bảng mục tiêu quốc gia: " + as_text(national))


def plan_checks(plan_code: str, national: Path) -> tuple[list[PlanCheck], PlanCheck | None]:
    """Every target of the stored annual plan checked, and the province's national row."""
    from chitieu.outlook.annual_plan import compare, province_check, read_province_targets
    from chitieu.web.plans.models import Plan, PlanKind

    plan = Plan.objects.filter(code=plan_code).select_related("parent", "parent__locality").first()
    if plan is None:
        raise ValueError(f"Không có kế hoạch mã “{plan_code}” trong cơ sở dữ liệu.")
    resolution = plan.parent
    if plan.kind != PlanKind.ANNUAL_PLAN or resolution is None:
        raise ValueError(f"Kế hoạch “{plan_code}” không phải kế hoạch năm thuộc một nghị quyết.")
    catalogue = _resolution(resolution)
    annual = _annual_targets(plan, resolution)
    baselines = _baselines(resolution, plan.term_start - 1, [a.code for a in annual if a.code])
    checks = list(compare(annual, catalogue, baselines, plan.term_end))
    row = None
    if national.is_file() and resolution.locality is not None:
        own = [
            p
            for p in read_province_targets(national)
            if _province(p.province) == _province(resolution.locality.name)
        ]
        row = province_check(own[0], catalogue) if own else None
    return checks, row


def _resolution(resolution: Any) -> Any:
    """The resolution as a Catalogue whose indicators carry only the resolution's own targets."""
    from chitieu.catalog import model
    from chitieu.web.plans import adapters
    from chitieu.web.plans.models import Indicator

    rows = Indicator.objects.filter(plan=resolution, active=True).select_related("group", "parent")
    indicators = []
    for row in rows.prefetch_related("targets"):
        core = adapters.indicator(row, with_targets=False)
        own = [t for t in row.targets.all() if t.plan_id == resolution.pk]
        targets = (adapters.indicator_target(t) for t in sorted(own, key=lambda t: t.position))
        indicators.append(replace(core, targets=tuple(t for t in targets if t is not None)))
    plan = adapters.plan(resolution)
    return model.Catalogue(plan=plan, indicators=tuple(indicators))


def _annual_targets(plan: Any, resolution: Any) -> list[Any]:
    """The annual plan's targets in source order; those on the resolution's indicators keep
    the indicator's code, the plan's own indicators (no resolution counterpart) none."""
    from chitieu.outlook.annual_plan import AnnualTarget
    from chitieu.web.plans import adapters

    found = []
    for target in plan.targets.select_related("indicator").order_by("source_line", "pk"):
        indicator = target.indicator
        found.append(
            AnnualTarget(
                name=indicator.name,
                target=adapters.target_value(target),
                unit=target.unit,
                source=target.source_document,
                note="",
                line=target.source_line or 0,
                code=indicator.code if indicator.plan_id == resolution.pk else None,
            )
        )
    return found


def _baselines(resolution: Any, year: int, codes: list[str]) -> dict[str, Any]:
    from chitieu.catalog import model
    from chitieu.web.figures.models import Figure

    rows = Figure.objects.filter(
        indicator__code__in=codes,
        locality=resolution.locality,
        period=str(year),
        status__in=BEST_FIRST,
    ).select_related("indicator")
    best: dict[str, Any] = {}
    for row in sorted(rows, key=lambda f: BEST_FIRST.index(f.status)):
        best.setdefault(row.indicator.code, row)
    return {
        code: model.Baseline(year, row.value, row.indicator.unit or None, model.Source(row.source))
        for code, row in best.items()
    }


def _province(name: str) -> str:
    from chitieu.catalog.text import fold

    return fold(name).removeprefix("tinh ").removeprefix("thanh pho ").strip()


def _number(value: Decimal | None) -> str | None:
    if value is None:
        return None
    from chitieu.quantity import format_number

    return format_number(value.quantize(Decimal("0.01")).normalize())


def _plain(value: Decimal) -> str:
    """29.86, 10: a decimal string without exponent or trailing zeros."""
    return format(value.quantize(Decimal("0.01")).normalize(), "f")


def as_json(check: PlanCheck) -> dict[str, Any]:
    return {
        "code": check.code,
        "name": check.name,
        "annual_text": check.annual_text,
        "milestone": None if check.milestone is None else _plain(check.milestone),
        "verdict": check.verdict,
        "explanation": check.explanation,
    }


def as_text(check: PlanCheck) -> str:
    milestone = _number(check.milestone) or "—"
    return (
        f"{check.name} [{check.code or '—'}]: kế hoạch “{check.annual_text}”, lộ trình cần "
        f"{milestone} → {VERDICTS[check.verdict]}. {check.explanation}"
    )
