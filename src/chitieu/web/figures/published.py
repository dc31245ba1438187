"""Importing a place's published figures and its annual plans' targets, with the report.

Everything comes from the place profile: the CSV files and their mapping, the
annual plans given as targets CSVs, the national targets table. The resolution
must already be in the store (`chitieu init` loads it). One transaction: any
error, or a dry run, and the database is as it was. The checks of the report
are those of `chitieu plan-check`, read back from the store after the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from chitieu.ingest.published import Published, read_mapping, read_published
from chitieu.outlook.annual_plan import read_annual_targets, read_province_targets
from chitieu.profile.model import PlaceProfile
from chitieu.web.figures.conflicts import PublishedImport, import_published
from chitieu.web.figures.plan_checks import plan_checks
from chitieu.web.figures.published_report import AnnualSection, NationalSection, markdown_report
from chitieu.web.plans.annual_plans import annual_plan, load_annual_plan
from chitieu.web.plans.models import Plan, PlanKind


class ProfileDataError(ValueError):
    """The store or the profile lacks what this step needs; the message says what to do."""


@dataclass
class PublishedResult:
    summary: str  # one line
    report: str  # Markdown
    figures: PublishedImport
    annual_targets: dict[str, int] = field(default_factory=dict)  # plan code -> targets stored


def stored_resolution_plan(profile: PlaceProfile) -> Plan:
    """The place's latest resolution in the store."""
    found = (
        Plan.objects.filter(kind=PlanKind.RESOLUTION, locality__code=profile.place.code)
        .select_related("locality")
        .order_by("-term_start", "code")
        .first()
    )
    if found is None:
        raise ProfileDataError(
            f"Chưa có nghị quyết của {profile.place.name} trong cơ sở dữ liệu; chạy "
            f"“chitieu init {profile.file}” trước."
        )
    return found


@transaction.atomic
def import_published_figures(
    profile: PlaceProfile, *, actor: Any | None, dry_run: bool = False
) -> PublishedResult:
    """Write the profile's published figures and targets-CSV annual plans; report them."""
    spec = profile.documents.published
    if spec is None:
        raise ProfileDataError(
            f"Hồ sơ {profile.file} không khai báo documents.published (mapping, files)."
        )
    resolution = stored_resolution_plan(profile)
    mapping = read_mapping(spec.mapping)
    published = read_published(spec.files, mapping)
    # A dry run writes too, inside this transaction, so that the report's checks read the
    # store exactly as a real import would leave it; then everything is rolled back.
    figures = import_published(
        published,
        mapping,
        place=profile.place.code,
        document=profile.relative(spec.mapping.parent),
        actor=actor,
    )
    annual_targets: dict[str, int] = {}
    sections = []
    national = profile.documents.national_targets
    for plan_spec in profile.documents.annual_plans:
        if plan_spec.targets is None:
            continue  # a plan document: read and loaded by `chitieu init`
        plan = annual_plan(plan_spec, profile.place, resolution)
        targets = read_annual_targets(plan_spec.targets, plan_spec.indicators)
        annual_targets[plan.code] = load_annual_plan(plan, targets, actor=actor)
        checked = plan_checks(plan.code, national=national)
        extra = (checked.national,) if checked.national else ()
        sections.append(AnnualSection(plan_spec.year, (*checked.checks, *extra)))
    figures.figures.written = not dry_run  # what the summary says: written, or would be
    summary = _summary(published, figures)
    rows = read_province_targets(national.path) if national else ()
    table = NationalSection(national.name, rows) if national else None
    report = markdown_report(published, summary, sections, table)
    if dry_run:
        transaction.set_rollback(True)
    return PublishedResult(summary, report, figures, annual_targets)


def _summary(published: Published, figures: PublishedImport) -> str:
    return (
        f"{published.rows} dòng: {len(published.figures)} số liệu, {len(published.conflicts)} "
        f"nguồn khác nhau, {len(published.duplicates)} nguồn trùng, {len(published.unmapped)} "
        f"dòng chưa ánh xạ. {figures.figures.summary()}"
    )
