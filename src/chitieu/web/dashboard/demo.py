"""A demo store: the catalogue and the document's figures loaded, departments and role users.

Used by `chitieu demo`; the caller has already chosen and migrated the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.catalog.text import fold
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.services import create_user
from chitieu.web.figures.seeding import seed_history
from chitieu.web.plans.models import Department, Indicator, Locality, Plan
from chitieu.web.plans.services import load_catalogue

DEMO_PASSWORD = "chitieu-demo"


@dataclass(frozen=True)
class DemoDepartment:
    code: str
    name: str
    username: str
    groups: tuple[str, ...] = ()  # every indicator of these groups
    words: tuple[str, ...] = ()  # or whose folded name contains one of these words


DEPARTMENTS = (
    DemoDepartment("so_tai_chinh", "Sở Tài chính", "sotaichinh", groups=("kinh_te",)),
    DemoDepartment(
        "so_y_te",
        "Sở Y tế",
        "soyte",
        words=("y te", "bac si", "giuong benh", "benh vien", "suy dinh duong", "tuoi tho"),
    ),
    DemoDepartment(
        "so_nong_nghiep_moi_truong",
        "Sở Nông nghiệp và Môi trường",
        "sotnmt",
        groups=("moi_truong",),
        words=("nong thon moi", "nong nghiep"),
    ),
)

USERS: tuple[tuple[str, Role, str | None], ...] = (
    ("quantri", Role.ADMIN, None),
    ("tonghop", Role.PLANNER, None),
    *((d.username, Role.DEPARTMENT, d.code) for d in DEPARTMENTS),
    ("xem", Role.VIEWER, None),
)


@dataclass
class DemoReport:
    load: str = ""
    seed: str = ""
    published: str = ""  # the published figures' import summary
    logins: list[tuple[str, str]] = field(default_factory=list)  # (username, role label)
    assigned: dict[str, int] = field(default_factory=dict)  # department code -> indicators


@transaction.atomic
def build_demo(catalogue: model.Catalogue) -> DemoReport:
    """Load the catalogue, store the document's figures, create departments and users."""
    report = DemoReport()
    report.load = load_catalogue(catalogue, actor=None).summary()
    report.seed = seed_history(catalogue, actor=None).summary()
    report.published = _published(catalogue)
    plan = Plan.objects.get(code=catalogue.plan.code)
    province = Locality.objects.filter(code=catalogue.plan.locality).first()
    for spec in DEPARTMENTS:
        department, _ = Department.objects.get_or_create(
            code=spec.code, defaults={"name": spec.name}
        )
        indicators = _indicators_of(plan, spec)
        department.indicators.set(indicators)
        if province is not None:
            department.localities.set([province, *province.children.all()])
        report.assigned[spec.code] = len(indicators)
    for username, role, department_code in USERS:
        department = Department.objects.get(code=department_code) if department_code else None
        user = _user(username, role, department)
        report.logins.append((user.get_username(), role.label))
    return report


def _indicators_of(plan: Plan, spec: DemoDepartment) -> list[Indicator]:
    words = tuple(fold(w) for w in spec.words)
    return [
        i
        for i in Indicator.objects.filter(plan=plan).select_related("group")
        if (i.group is not None and i.group.code in spec.groups)
        or any(w in fold(i.name) for w in words)
    ]


def _user(username: str, role: Role, department: Department | None) -> Any:
    from django.contrib.auth import get_user_model

    existing = get_user_model().objects.filter(username=username).first()
    if existing is not None:
        return existing
    return create_user(
        username, role=role, department=department, password=DEMO_PASSWORD, actor=None
    )


REAL_PLAN = "hung_yen_2025_2030"
REAL_TERMS = {"hung_yen_cu_2020_2025", "thai_binh_cu_2020_2025"}
PUBLISHED = Path(__file__).resolve().parents[4] / "data" / "hung-yen" / "published"


def _published(catalogue: model.Catalogue) -> str:
    """The published 2020-2026 figures, their conflicts and the 2026 plan (docs/real-figures.md)."""
    if not PUBLISHED.is_dir():
        return "Không có thư mục số liệu đã công bố; bỏ qua."
    terms = {term.code for term in catalogue.past_terms}
    if catalogue.plan.code != REAL_PLAN or not terms >= REAL_TERMS:
        return "Số liệu đã công bố chỉ dùng cho nghị quyết Hưng Yên 2025-2030; bỏ qua."
    from chitieu.cli.import_published import run_import

    _, summary = run_import(PUBLISHED, catalogue)
    return summary
