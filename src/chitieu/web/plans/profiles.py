"""Applying a place profile: one step builds or updates the whole store from it.

Localities (the place, its former units, communes and wards), the resolution
read and loaded with the document's own figures, annual plans given as
documents, the published figures with the annual plans given as targets CSVs,
the departments, and (for the demo) the demo users. One transaction: any
problem and nothing changes; re-applying updates in place (every step is
idempotent), and each application leaves an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.profile.departments import profile_departments
from chitieu.profile.documents import read_plan_document, read_resolution
from chitieu.profile.model import PlaceProfile
from chitieu.web.accounts.users import ROLES, put_user
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.figures.published import import_published_figures
from chitieu.web.figures.seeding import seed_history
from chitieu.web.plans.departments import apply_departments
from chitieu.web.plans.localities import (
    LocalityFileError,
    LocalityRow,
    load_localities,
    read_localities,
)
from chitieu.web.plans.models import Locality, LocalityKind
from chitieu.web.plans.ownership import unassigned_indicators
from chitieu.web.plans.services import load_catalogue

DEMO_PASSWORD = "chitieu-demo"


@dataclass
class ProfileReport:
    steps: list[str] = field(default_factory=list)  # one line per step, Vietnamese
    logins: list[tuple[str, str]] = field(default_factory=list)  # demo users: (name, role label)


@transaction.atomic
def apply_profile(
    profile: PlaceProfile, *, actor: Any | None, demo_users: bool = False
) -> ProfileReport:
    """Build or update the store from the profile; what each step did, one line each."""
    report = ProfileReport()
    report.steps.append(_localities(profile, actor=actor))
    resolution = read_resolution(profile)
    where = profile.relative(profile.documents.resolution.path)
    report.steps.append(f"Nghị quyết {where}: {load_catalogue(resolution, actor=actor).summary()}")
    seeded = seed_history(resolution, actor=actor, keep_other_sources=True).summary()
    report.steps.append(f"Số liệu của văn bản: {_first_line(seeded)}")
    for spec in profile.documents.annual_plans:
        if spec.document is not None:
            plan = read_plan_document(profile, spec, resolution.plan.code)
            loaded = load_catalogue(plan, actor=actor).summary()
            report.steps.append(
                f"Kế hoạch năm {spec.year} ({profile.relative(spec.document)}): {loaded}"
            )
    report.steps.extend(_published(profile, actor=actor))
    report.steps.append(_departments(profile, actor=actor))
    if demo_users:
        report.logins = _demo_users(profile, actor=actor)
        report.steps.append(f"Người dùng demo: {len(report.logins)} (mật khẩu {DEMO_PASSWORD}).")
    record_audit(
        actor=actor,
        action=AuditAction.PROFILE_APPLIED,
        subject=f"{profile.folder.name}/{profile.file.name}",
        summary=f"Áp dụng hồ sơ địa phương {profile.place.full_name} ({profile.file}).",
        changes={"file": str(profile.file), "steps": report.steps},
    )
    return report


def _localities(profile: PlaceProfile, *, actor: Any | None) -> str:
    """The place, its former units under it, then its communes and wards (under the place
    unless they name another parent)."""
    place = profile.place
    former = [
        LocalityRow(0, u.code, u.full_name, place.code, _former_kind(u.level))
        for u in profile.former_units
    ]
    listed = _listed_localities(profile)
    rows = [LocalityRow(0, place.code, place.full_name, "", LocalityKind(place.level))]
    rows += former + listed
    known = {row.code for row in rows} | set(Locality.objects.values_list("code", flat=True))
    unknown = [row for row in rows if row.parent_code and row.parent_code not in known]
    if unknown:
        problems = [f"“{row.code}”: không có địa bàn cha “{row.parent_code}”." for row in unknown]
        raise LocalityFileError(_where(profile), problems)
    created, updated = load_localities(rows, actor=actor)
    return (
        f"Địa bàn: {created} mới, {updated} cập nhật ({place.full_name}, {len(former)} đơn vị "
        f"cũ, {len(listed)} xã, phường)."
    )


def _former_kind(level: str) -> LocalityKind:
    """A former province is "tỉnh cũ"; a former commune or ward keeps its level's kind."""
    return LocalityKind.FORMER_PROVINCE if level in ("tinh", "thanh_pho") else LocalityKind(level)


def _listed_localities(profile: PlaceProfile) -> list[LocalityRow]:
    place = profile.place.code
    if isinstance(profile.localities, Path):
        read = read_localities(
            profile.localities.read_bytes(), name=profile.relative(profile.localities)
        )
        return [
            row if row.parent_code or row.code == place else replace(row, parent_code=place)
            for row in read
        ]
    return [
        LocalityRow(n, e.code, e.name, e.parent or place, LocalityKind(e.kind))
        for n, e in enumerate(profile.localities, start=1)
    ]


def _published(profile: PlaceProfile, *, actor: Any | None) -> list[str]:
    if profile.documents.published is None:
        return []
    result = import_published_figures(profile, actor=actor)
    lines = [f"Số liệu đã công bố: {result.summary}"]
    lines += [
        f"Kế hoạch năm {code}: {count} mục tiêu." for code, count in result.annual_targets.items()
    ]
    return lines


def _departments(profile: PlaceProfile, *, actor: Any | None) -> str:
    specs = profile_departments(profile)
    if not specs:
        return "Sở, ngành: hồ sơ không khai báo."
    apply_departments(specs, actor=actor)
    missing = unassigned_indicators().count()
    return (
        f"Sở, ngành: {len(specs)} ({' '.join(spec.code for spec in specs)}); "
        f"{missing} chỉ tiêu chưa có sở, ngành nhập."
    )


def _demo_users(profile: PlaceProfile, *, actor: Any | None) -> list[tuple[str, str]]:
    """Each demo user, created with the demo password, or given its profile role again."""
    logins = []
    for user in profile.demo_users:
        new = not get_user_model().objects.filter(username=user.username).exists()
        role = ROLES[user.role]
        put_user(
            user.username,
            role=role,
            department=user.department,
            password=DEMO_PASSWORD if new else None,
            temporary=False,  # a shared demo password, printed for anyone trying the product
            actor=actor,
        )
        logins.append((user.username, role.label))
    return logins


def _where(profile: PlaceProfile) -> str:
    return f"{profile.relative(profile.file)}, khoá “localities”"


def _first_line(text: str) -> str:
    """A report's first line, with how many notes follow it."""
    lines = text.splitlines()
    rest = [line for line in lines[1:] if not line.startswith("  ")]
    notes = "; ".join(line.rstrip(":") for line in rest)
    return lines[0] + (f" ({notes})" if notes else "")
