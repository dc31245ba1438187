"""`chitieu import-published [DIR] [--report FILE] [--dry-run] [--db FILE]`.

Reads the published CSVs of DIR through DIR/mapping.yaml, writes every mapped
figure through the normal import (all or nothing), keeps conflicting sources
beside their figure, loads the 2026 annual plan, and writes a Markdown import
report in Vietnamese: counts, unmapped rows, conflicts, revision chains and the
annual plan against the resolution's 2026 milestones.
"""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from chitieu.cli.serve import use_database
from chitieu.ingest.published import (
    MAPPING_FILE,
    Published,
    read_mapping,
    read_published,
    revision_chains,
)
from chitieu.outlook.annual_plan import PlanCheck
from chitieu.quantity import format_number

PUBLISHED = Path("data") / "hung-yen" / "published"
SEED = Path("data") / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
VERDICTS = {
    "consistent": "phù hợp",
    "weaker": "THẤP HƠN lộ trình",
    "contradicts": "NGƯỢC mục tiêu",
    "cannot_check": "không so được",
}


@click.command("import-published")
@click.argument(
    "directory", required=False, type=click.Path(file_okay=False, path_type=Path), default=PUBLISHED
)
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra, không ghi gì.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None)
def command(directory: Path, report: Path | None, dry_run: bool, db: Path | None) -> None:
    """Nhập số liệu đã công bố (2020-2026) và kế hoạch năm 2026, kèm báo cáo nhập."""
    use_database(db)
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.ingest.pipeline import ingest
    from chitieu.web.figures.imports import ImportRejected

    catalogue = ingest(SEED)
    try:
        text, summary = run_import(directory, catalogue, dry_run=dry_run)
    except ImportRejected as error:
        raise click.ClickException(str(error)) from error
    except (ValueError, OSError) as error:  # a missing file or column, a bad mapping
        raise click.ClickException(f"Chưa ghi gì: {error}") from error
    if report is not None:
        report.write_text(text, encoding="utf-8")
        click.echo(f"Báo cáo nhập: {report}")
    click.echo(summary)


def run_import(directory: Path, catalogue: object, *, dry_run: bool = False) -> tuple[str, str]:
    """Import (or check) and return (Markdown report, one-line summary).

    One transaction, the catalogue's load included: any error, or a dry run, and the
    database is as it was.
    """
    from django.db import transaction

    with transaction.atomic():
        result = _run_import(directory, catalogue, dry_run=dry_run)
        if dry_run:
            transaction.set_rollback(True)
    return result


def _run_import(directory: Path, catalogue: object, *, dry_run: bool) -> tuple[str, str]:
    from chitieu.catalog.model import Baseline, Catalogue, Source
    from chitieu.outlook.annual_plan import (
        compare,
        province_check,
        read_annual_targets,
        read_province_targets,
    )
    from chitieu.web.figures.conflicts import best_values, import_published
    from chitieu.web.plans.services import load_catalogue

    assert isinstance(catalogue, Catalogue)
    mapping = read_mapping(directory / MAPPING_FILE)
    published = read_published(directory, mapping)
    codes = yaml.safe_load((directory / MAPPING_FILE).read_text(encoding="utf-8"))["annual_plan"]
    annual = read_annual_targets(directory / "plan-2026-draft.csv", codes)
    load_catalogue(catalogue, actor=None)
    result = import_published(
        published,
        mapping,
        actor=None,
        dry_run=dry_run,
        annual=annual,
        resolution=catalogue.plan.code,
    )
    base = best_values(published, catalogue.plan.locality, 2025)
    baselines = {c: Baseline(2025, v, None, Source("published")) for c, v in base.items()}
    checks = list(compare(annual, catalogue, baselines))
    provinces = read_province_targets(directory / "national-grdp-targets-2026-2030-draft.csv")
    own = [p for p in provinces if p.province == "Hưng Yên"]
    checks += [province_check(p, catalogue) for p in own]
    summary = (
        f"{published.rows} dòng: {len(published.figures)} số liệu, {len(published.conflicts)} "
        f"nguồn khác nhau, {len(published.duplicates)} nguồn trùng, {len(published.unmapped)} "
        f"dòng chưa ánh xạ. {result.figures.summary()}"
    )
    text = markdown_report(published, checks, provinces, summary)
    return text, summary


def _n(value: object) -> str:
    from decimal import Decimal

    assert isinstance(value, Decimal)
    return format_number(value.normalize())


def markdown_report(
    published: Published, checks: list[PlanCheck], provinces: object, summary: str
) -> str:
    lines = ["# Báo cáo nhập số liệu đã công bố", "", summary, ""]
    lines += [
        "## Dòng chưa ánh xạ",
        "",
        "| Tệp | Dòng | Chỉ tiêu | Địa bàn | Kỳ | Giá trị | Lý do |",
        "|---|---|---|---|---|---|---|",
    ]
    for u in published.unmapped:
        r = u.row
        lines.append(
            f"| {r.file} | {r.line} | {r.indicator} | {r.locality} | {r.period} | {r.value} | {u.reason} |"
        )
    lines += ["", "## Nguồn khác nhau (cùng kỳ, cùng loại số liệu, khác giá trị)", ""]
    lines += [
        "| Mã | Địa bàn | Kỳ | Loại | Giá trị lưu (nguồn) | Giá trị khác (nguồn) |",
        "|---|---|---|---|---|---|",
    ]
    for c in published.conflicts:
        k, o = c.kept, c.other
        lines.append(
            f"| {k.figure.indicator} | {k.figure.locality} | {k.figure.period} | {k.figure.status.label} | "
            f"{_n(k.figure.value)} ({k.row.place}; {k.figure.source}) | {_n(o.figure.value)} ({o.row.place}; {o.figure.source}) |"
        )
    lines += ["", "## Chuỗi điều chỉnh (ước → sơ bộ → chính thức)", ""]
    for (code, locality, period), chain in revision_chains(published.figures).items():
        steps = " → ".join(
            f"{m.figure.status.label} {_n(m.figure.value)} ({m.row.place})" for m in chain
        )
        lines.append(f"- {code}, {locality}, {period}: {steps}")
    lines += ["", "## Kế hoạch năm 2026 so với lộ trình của Nghị quyết", ""]
    lines += [
        "| Chỉ tiêu | Mã | Kế hoạch 2026 | Cần đạt 2026 | Kết luận | Giải thích |",
        "|---|---|---|---|---|---|",
    ]
    for ch in checks:
        milestone = (
            "—"
            if ch.milestone is None
            else format_number(
                ch.milestone.quantize(__import__("decimal").Decimal("0.01")).normalize()
            )
        )
        lines.append(
            f"| {ch.name} | {ch.code or '—'} | {ch.annual_text} | {milestone} | {VERDICTS[ch.verdict]} | {ch.explanation} |"
        )
    lines += [
        "",
        "## Mục tiêu tăng trưởng GRDP 2026-2030 của 34 tỉnh, thành (dự thảo)",
        "",
        "| Tỉnh, thành | Mục tiêu (%/năm) |",
        "|---|---|",
    ]
    for p in provinces:  # type: ignore[attr-defined]
        lines.append(f"| {p.province} | {p.text} |")
    return "\n".join(lines) + "\n"
