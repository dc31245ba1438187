"""Who enters each indicator: the profile's defaults over the real seed, a person's choice that
a reload keeps, and the audit rows both leave."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.profiles import seed_profile

pytestmark = pytest.mark.django_db

# The seed's health indicators, as the issue names them: doctors, hospital beds, health
# insurance, life expectancy.
HEALTH = ("xh.y_te.bac_sy", "xh.y_te.giuong_benh", "xh.bao_hiem.y_te", "xh.tuoi_tho")


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[list[str]]:
    """The demo profile applied once for the module (rolled back at the end)."""
    from django.db import transaction

    from chitieu.web.dashboard.demo import build_demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo(seed_profile()).steps
        transaction.set_rollback(True)


def departments_of(code: str) -> list[str]:
    from chitieu.web.plans.models import Indicator

    found = Indicator.objects.get(code=code).department_set.values_list("code", flat=True)
    return sorted(found)


def quantri() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="quantri")


def plan_indicators(kind: str) -> list[Any]:
    """Every active indicator of the stored plan of this kind: its own, and those it targets."""
    from django.db.models import Q

    from chitieu.web.plans.models import Indicator, Plan

    (plan,) = Plan.objects.filter(kind=kind)
    return list(
        Indicator.objects.filter(Q(plan=plan) | Q(targets__plan=plan), active=True).distinct()
    )


@pytest.mark.parametrize("kind", ["resolution", "annual_plan"])
def test_every_indicator_of_the_seed_and_of_its_annual_plan_has_a_department(
    demo: list[str], kind: str
) -> None:
    indicators = plan_indicators(kind)
    assert len(indicators) >= (58 if kind == "resolution" else 12)
    assert [i.code for i in indicators if not i.department_set.exists()] == []
    assert demo[-2].endswith("; 0 chỉ tiêu chưa có sở, ngành nhập.")


def test_the_health_department_owns_the_health_targets(demo: list[str]) -> None:
    for code in HEALTH:
        assert departments_of(code) == ["so_y_te"], code
    assert departments_of("xh.bao_hiem.xa_hoi") == ["so_noi_vu"]  # the longer word decides
    assert departments_of("xh.hdi") == ["thong_ke_tinh"]


def test_past_terms_and_context_series_are_left_to_nobody(demo: list[str]) -> None:
    from chitieu.web.plans.models import Indicator

    others = Indicator.objects.filter(plan__kind__in=("past_term", "context"))
    assert others.exists()
    assert not others.filter(department__isnull=False).exists()


def test_a_manual_assignment_survives_applying_the_profile_again(demo: list[str]) -> None:
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.plans.models import Department, Indicator, ManualAssignment
    from chitieu.web.plans.ownership import assign_indicator, unassigned_indicators
    from chitieu.web.plans.profiles import apply_profile

    beds = Indicator.objects.get(code="xh.y_te.giuong_benh")
    finance = Department.objects.get(code="so_tai_chinh")
    assign_indicator(beds, [finance], actor=quantri())
    entry = AuditEntry.objects.filter(subject=beds.code).latest("pk")
    assert (entry.action, entry.actor) == ("giao_so_nganh", quantri())
    assert entry.changes == {"departments": [["so_y_te"], ["so_tai_chinh"]], "manual": True}
    assert "do người giao" in entry.summary

    apply_profile(seed_profile(), actor=None)
    assert departments_of(beds.code) == ["so_tai_chinh"]
    assert ManualAssignment.objects.get(indicator=beds).by == quantri()
    assert departments_of("xh.y_te.bac_sy") == ["so_y_te"], "the others keep their defaults"
    assert not unassigned_indicators().exists()


def test_an_indicator_handed_back_to_the_rules_gets_its_default_again(demo: list[str]) -> None:
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.plans.models import Department, Indicator, ManualAssignment
    from chitieu.web.plans.ownership import assign_indicator, restore_default_owners

    beds = Indicator.objects.get(code="xh.y_te.giuong_benh")
    assign_indicator(beds, [Department.objects.get(code="so_noi_vu")], actor=quantri())
    assert restore_default_owners(beds, actor=quantri()) == ["so_y_te"]
    assert not ManualAssignment.objects.filter(indicator=beds).exists()
    entry = AuditEntry.objects.filter(subject=beds.code).latest("pk")
    assert entry.changes == {"departments": [["so_noi_vu"], ["so_y_te"]], "manual": False}


def test_taking_every_department_away_leaves_it_unassigned_and_listed(demo: list[str]) -> None:
    from chitieu.web.plans.models import Indicator
    from chitieu.web.plans.ownership import assign_indicator, unassigned_indicators

    beds = Indicator.objects.get(code="xh.y_te.giuong_benh")
    assign_indicator(beds, [], actor=quantri())
    assert list(unassigned_indicators()) == [beds]


@pytest.mark.parametrize("username", ["tonghop", "soyte", "xem"])
def test_only_the_administrator_assigns_by_hand(demo: list[str], username: str) -> None:
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.permissions import PermissionDenied
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.plans.models import Department, Indicator
    from chitieu.web.plans.ownership import assign_indicator

    beds = Indicator.objects.get(code="xh.y_te.giuong_benh")
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied) as refused:
        assign_indicator(
            beds,
            [Department.objects.get(code="so_tai_chinh")],
            actor=get_user_model().objects.get(username=username),
        )
    assert refused.value.code == "not_admin"
    assert departments_of(beds.code) == ["so_y_te"]
    assert AuditEntry.objects.count() == entries


def test_the_owner_rows_of_the_annual_plan_list_its_own_and_its_shared_indicators(
    demo: list[str],
) -> None:
    from chitieu.web.plans.models import Plan
    from chitieu.web.plans.ownership import owner_rows

    plan = Plan.objects.get(kind="annual_plan")
    rows = owner_rows(plan.pk)
    codes = [row.indicator.code for row in rows]
    assert "kt.grdp.tang_truong" in codes and f"{plan.code}.12" in codes
    tourists = next(row for row in rows if row.indicator.code == f"{plan.code}.12")
    assert [d.code for d in tourists.departments] == ["so_van_hoa_the_thao_du_lich"]
    assert tourists.default.reason == "chủ đề “du lịch”" and tourists.manual is None


@pytest.mark.parametrize(
    ("username", "department", "kinds"),
    [("sotnmt", "so_nong_nghiep_moi_truong", {"resolution", "annual_plan"}),
     ("soyte", "so_y_te", {"resolution"})],
)  # fmt: skip
def test_the_entry_page_shows_every_target_of_the_department_for_2026(
    demo: list[str], username: str, department: str, kinds: set[str]
) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils.html import escape

    from chitieu.web.plans.models import Department, Target

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(f"/nhap-lieu/{department}/2026/")
    assert response.status_code == 200
    body = response.content.decode()
    owned = Department.objects.get(code=department).indicators.filter(active=True)
    assert owned.exists()
    assert all(f'data-code="{i.code}"' in body for i in owned)
    targets = Target.objects.filter(
        indicator__in=owned, period_start__lte=2026, period_end__gte=2026
    )
    assert {t.plan.kind for t in targets} == kinds
    assert all(escape(t.text) in body for t in targets)
