"""`chitieu report results|progress --plan CODE [--year YEAR] --format docx|xlsx|pdf -o FILE`.

`build_report` is also the thin function the web calls for a download: it reads
the plan's rows through the adapters (chitieu.web.plans/figures.adapters), builds
the report model with the pure core (chitieu.reports) and writes the file.
Django is set up by the caller (the CLI's migrate(), or the running site).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
STATUS_ORDER = ("chinh_thuc", "so_bo", "uoc")


@dataclass(frozen=True)
class BuiltReport:
    content: bytes
    filename: str  # "ket-qua-hung_yen_cu_2020_2025.docx"
    media_type: str


@click.command("report")
@click.argument("kind", type=click.Choice(["results", "progress"]))
@click.option("--plan", "plan_code", required=True, help="Mã kế hoạch (xem “chitieu plans”).")
@click.option("--year", type=int, default=None, help="Năm báo cáo (báo cáo tiến độ).")
@click.option(
    "--format", "fmt", type=click.Choice(["docx", "xlsx", "pdf"]), required=True, help="Định dạng."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--issuer", default=None, help="Cơ quan ban hành (mặc định: UBND tỉnh).")
def command(
    kind: str, plan_code: str, year: int | None, fmt: str, output: Path, issuer: str | None
) -> None:
    """Xuất báo cáo kết quả nhiệm kỳ (results) hoặc tiến độ một năm (progress)."""
    from chitieu.web.setup import migrate

    migrate()
    try:
        report = build_report(kind, plan_code, fmt, year=year, issuer=issuer)
    except (ValueError, KeyError) as error:
        raise click.ClickException(str(error).strip("'\"")) from error
    output.write_bytes(report.content)
    click.echo(f"Đã ghi {output} ({len(report.content):,} byte).".replace(",", "."))


def build_report(
    kind: str, plan_code: str, fmt: str, *, year: int | None = None, issuer: str | None = None
) -> BuiltReport:
    """One report of a stored plan as file bytes (kind "results" or "progress")."""
    from chitieu.web.plans.models import Plan

    plan = Plan.objects.filter(code=plan_code).select_related("locality__parent").first()
    if plan is None:
        raise ValueError(f"Không có kế hoạch mã “{plan_code}” (xem “chitieu plans”).")
    heading = _heading(plan, kind, year, issuer)
    if kind == "results":
        content = _results(plan, heading, fmt)
        name = f"ket-qua-{plan.code}.{fmt}"
    elif kind == "progress":
        report_year = year or _default_year(plan)
        content = _progress(plan, heading, fmt, report_year)
        name = f"tien-do-{plan.code}-{report_year}.{fmt}"
    else:
        raise ValueError(f"Loại báo cáo không hợp lệ: {kind} (results, progress)")
    return BuiltReport(content, name, MEDIA_TYPES[fmt])


def _default_year(plan: Any) -> int:
    from datetime import date

    return min(max(date.today().year, plan.term_start + 1), plan.term_end)


def _heading(plan: Any, kind: str, year: int | None, issuer: str | None) -> Any:
    from chitieu.reports.model import ReportHeading

    locality = plan.locality.parent or plan.locality if plan.locality else None
    province = _province(locality.name if locality else "")
    subject = (
        f"Kết quả thực hiện các chỉ tiêu nhiệm kỳ {plan.term_start} - {plan.term_end}"
        if kind == "results"
        else f"Tình hình thực hiện các chỉ tiêu nhiệm kỳ {plan.term_start} - {plan.term_end}"
        + (f", năm {year}" if year else "")
    )
    return ReportHeading(
        issuer=issuer or f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
        place=province or "…",
        subtitle=subject,
    )


def _province(name: str) -> str:
    """ "Tỉnh Hưng Yên (cũ)" -> "Hưng Yên"."""
    name = name.replace("(cũ)", "").strip()
    return name[5:].strip() if name.lower().startswith("tỉnh ") else name


def _write(fmt: str, docx: Any, xlsx: Any) -> bytes:
    from chitieu.reports.pdf import docx_to_pdf

    if fmt == "xlsx":
        return bytes(xlsx())
    content = bytes(docx())
    return docx_to_pdf(content) if fmt == "pdf" else content


def _results(plan: Any, heading: Any, fmt: str) -> bytes:
    from chitieu.reports.docx_writer import results_docx
    from chitieu.reports.results import results_table
    from chitieu.reports.xlsx_writer import results_xlsx

    term, groups = stored_past_term(plan)
    table = results_table(term, groups=groups)
    return _write(fmt, lambda: results_docx(table, heading), lambda: results_xlsx(table, heading))


def _progress(plan: Any, heading: Any, fmt: str, year: int) -> bytes:
    from chitieu.reports.docx_progress import progress_docx
    from chitieu.reports.progress import progress_report
    from chitieu.reports.xlsx_progress import progress_xlsx

    catalogue, figures = stored_catalogue(plan)
    report = progress_report(catalogue, figures, year, charts=fmt != "xlsx")
    heading = replace(heading, subtitle=f"{heading.subtitle.split(', năm')[0]}, năm {year}")
    return _write(
        fmt, lambda: progress_docx(report, heading), lambda: progress_xlsx(report, heading)
    )


def stored_past_term(plan: Any) -> tuple[Any, tuple[Any, ...]]:
    """A past-term plan's rows as a PastTerm, with the groups the store names."""
    from chitieu.catalog import model
    from chitieu.reports.stored import StoredRow, past_term_from_store
    from chitieu.web.figures.models import Figure
    from chitieu.web.plans.adapters import source_of, target_value

    rows = []
    indicators = plan.indicators.filter(active=True).order_by("position").select_related("group")
    figures = _best_figures(
        Figure.objects.filter(
            indicator__plan=plan, locality=plan.locality, period=str(plan.term_end)
        )
    )
    for indicator in indicators:
        target = indicator.targets.filter(plan=plan).order_by("position").first()
        figure = figures.get(indicator.pk)
        rows.append(
            StoredRow(
                stt=indicator.stt,
                name=indicator.name,
                unit=indicator.unit or None,
                group=indicator.group.code if indicator.group else None,
                source=source_of(indicator),
                target=target_value(target) if target is not None else None,
                official=target.official_assessment if target is not None else "",
                value=figure.value if figure is not None else None,
                written=figure.source_text if figure is not None else "",
            )
        )
    term = past_term_from_store(
        code=plan.code,
        name=plan.name,
        locality=plan.locality.code if plan.locality else "",
        period=(plan.term_start, plan.term_end),
        rows=rows,
    )
    groups = tuple(model.Group(g.code, g.name, g.numeral) for g in plan.groups.all())
    return term, groups


def _best_figures(rows: Any) -> dict[int, Any]:
    """indicator id -> its figure of the best status (chính thức, sơ bộ, ước)."""
    best: dict[int, Any] = {}
    for row in rows:
        if row.status not in STATUS_ORDER:
            continue
        held = best.get(row.indicator_id)
        if held is None or STATUS_ORDER.index(row.status) < STATUS_ORDER.index(held.status):
            best[row.indicator_id] = row
    return best


def stored_catalogue(plan: Any) -> tuple[Any, list[Any]]:
    """A plan's indicators, groups and tasks as a Catalogue, and its figures."""
    from chitieu.catalog import model
    from chitieu.web.figures import adapters as figure_adapters
    from chitieu.web.figures.models import Figure
    from chitieu.web.plans import adapters

    rows = plan.indicators.filter(active=True).order_by("position")
    indicators = [adapters.indicator(row) for row in rows.select_related("group", "parent")]
    figures = figure_adapters.figures(
        Figure.objects.filter(indicator__plan=plan).select_related(
            "indicator", "locality", "entered_by"
        )
    )
    locality = plan.locality.code if plan.locality else ""
    indicators = [_with_stored_baselines(i, figures, locality, plan.term_start) for i in indicators]
    catalogue = model.Catalogue(
        plan=model.Plan(
            code=plan.code,
            name=plan.name,
            issuer=plan.issuer,
            term_start=plan.term_start,
            term_end=plan.term_end,
            document=plan.document,
            kind=plan.kind,
            locality=locality,
        ),
        groups=tuple(model.Group(g.code, g.name, g.numeral) for g in plan.groups.all()),
        indicators=tuple(indicators),
        tasks=tuple(_task(task) for task in plan.tasks.prefetch_related("indicators")),
    )
    return catalogue, figures


def _with_stored_baselines(indicator: Any, figures: list[Any], locality: str, year: int) -> Any:
    """The stored figure of the base year as the indicator's baseline (coherence needs it)."""
    from chitieu.catalog import model

    held = [
        f
        for f in figures
        if f.indicator == indicator.code
        and f.locality == locality
        and f.period.is_year
        and f.period.year == year
        and f.status.value in STATUS_ORDER
    ]
    if not held:
        return indicator
    best = min(held, key=lambda f: STATUS_ORDER.index(f.status.value))
    source = model.Source(document=best.source, text=best.note)
    return replace(indicator, baselines=(model.Baseline(year, best.value, indicator.unit, source),))


def _task(row: Any) -> Any:
    from chitieu.catalog import model

    return model.Task(
        code=row.code,
        kind=row.kind,
        number=row.number,
        heading=row.heading,
        text=row.text,
        line_start=row.line_start,
        line_end=row.line_end,
        indicators=tuple(i.code for i in row.indicators.all()),
        parent=row.parent_code or None,
    )
