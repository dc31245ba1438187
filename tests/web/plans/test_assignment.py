"""Targets added to a stored plan, and departments given their indicators and localities."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog import model
from chitieu.quantity.target import Target as TargetValue
from chitieu.quantity.target import TargetKind
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.plans.models import Department, Indicator, Locality, Plan, PlanKind
from chitieu.web.plans.services import (
    AssignmentError,
    add_target,
    assign_department,
    define_department,
    load_catalogue,
)

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]


def annual_plan() -> Plan:
    return Plan.objects.create(
        code="hung_yen_2026",
        name="Kế hoạch năm 2026",
        kind=PlanKind.ANNUAL_PLAN,
        term_start=2026,
        term_end=2026,
        parent=Plan.objects.get(code="hung_yen_2025_2030"),
    )


def growth_2026(low: str = "10", high: str = "10.5") -> model.IndicatorTarget:
    value = TargetValue(
        text=f"GRDP tăng {low} - {high}%",
        kind=TargetKind.RANGE,
        low=Decimal(low),
        high=Decimal(high),
    )
    source = model.Source("plan-2026-draft.csv", 2, text=value.text)
    return model.IndicatorTarget(value, 2026, 2026, model.Aggregation.LEVEL, source)


# -- add_target -------------------------------------------------------------------------


def test_an_annual_target_is_attached_to_the_resolution_indicator(store: dict[str, Any]) -> None:
    plan = annual_plan()
    target = add_target(store["grdp"], plan, growth_2026(), actor=None)
    assert (target.plan, target.kind, target.low, target.high) == (
        plan,
        "range",
        Decimal("10"),
        Decimal("10.5"),
    )
    assert (target.source_document, target.source_line) == ("plan-2026-draft.csv", 2)
    assert store["grdp"].targets.filter(plan__code="hung_yen_2025_2030").exists(), "kept"


def test_a_second_target_of_the_same_plan_comes_after_the_first(store: dict[str, Any]) -> None:
    plan = annual_plan()
    add_target(store["grdp"], plan, growth_2026(), actor=None)
    second = add_target(store["grdp"], plan, growth_2026("10.5", "11"), actor=None)
    assert second.position == 1


@pytest.mark.parametrize("username", ["sokhdt", "xem"])
def test_only_the_planner_and_administrator_add_targets(
    store: dict[str, Any], user: UserFactory, username: str
) -> None:
    with pytest.raises(PermissionDenied):
        add_target(store["grdp"], annual_plan(), growth_2026(), actor=user(username))


def test_reloading_the_annual_plan_replaces_its_added_targets(store: dict[str, Any]) -> None:
    plan = annual_plan()
    add_target(store["grdp"], plan, growth_2026(), actor=None)
    core = model.Plan(
        code=plan.code, name=plan.name, issuer="", term_start=2026, term_end=2026,
        document="", kind="annual_plan", parent="hung_yen_2025_2030",
    )  # fmt: skip
    load_catalogue(model.Catalogue(plan=core), actor=None)
    assert not store["grdp"].targets.filter(plan=plan).exists()


# -- assign_department ------------------------------------------------------------------


def test_a_prefix_gives_every_indicator_under_it(store: dict[str, Any], user: UserFactory) -> None:
    department = define_department("so_kt", "Sở Kinh tế", actor=user("tonghop"))
    assign_department(department, indicators=["kt.*"], localities=["hung_yen"], actor=None)
    assert list(department.indicators.values_list("code", flat=True)) == ["kt.grdp.tang_truong"]


def test_a_prefix_matches_whole_code_parts_only(store: dict[str, Any]) -> None:
    Indicator.objects.create(code="kt.grdp_bq.dau_nguoi", plan=store["grdp"].plan, name="x")
    department = define_department("so_kt", "Sở Kinh tế", actor=None)
    assign_department(department, indicators=["kt.grdp.*"], actor=None)
    assert list(department.indicators.values_list("code", flat=True)) == ["kt.grdp.tang_truong"]


def test_a_locality_with_slash_star_brings_everything_under_it(store: dict[str, Any]) -> None:
    department = define_department("so_kt", "Sở Kinh tế", actor=None)
    assign_department(department, localities=["hung_yen/*"], actor=None)
    codes = set(department.localities.values_list("code", flat=True))
    below = set(Locality.objects.get(code="hung_yen").children.values_list("code", flat=True))
    assert codes == {"hung_yen", "xa_tan_hung"} | below


def test_an_assignment_replaces_the_previous_one(store: dict[str, Any]) -> None:
    health = Department.objects.get(code="so_y_te")
    assign_department(health, indicators=["kt.grdp.tang_truong"], localities=[], actor=None)
    assert list(health.indicators.values_list("code", flat=True)) == ["kt.grdp.tang_truong"]
    assert not health.localities.exists()


@pytest.mark.parametrize(
    ("indicators", "localities", "code"),
    [
        (["kt.khong_co"], [], "unknown_indicator"),
        (["zz.*"], [], "unknown_indicator"),
        ([], ["xa_khong_co"], "unknown_locality"),
    ],
)
def test_a_code_that_matches_nothing_is_refused_in_vietnamese(
    store: dict[str, Any], indicators: list[str], localities: list[str], code: str
) -> None:
    health = Department.objects.get(code="so_y_te")
    with pytest.raises(AssignmentError) as caught:
        assign_department(health, indicators=indicators, localities=localities, actor=None)
    assert caught.value.code == code and "Không có" in str(caught.value)
    assert list(health.indicators.values_list("code", flat=True)) == ["xh.y_te.bac_si"]


def test_a_department_user_cannot_assign(store: dict[str, Any], user: UserFactory) -> None:
    health = Department.objects.get(code="so_y_te")
    with pytest.raises(PermissionDenied) as caught:
        assign_department(health, indicators=["kt.*"], actor=user("soyte"))
    assert caught.value.code == "not_planner"
    with pytest.raises(PermissionDenied):
        define_department("so_moi", "Sở mới", actor=user("soyte"))


def test_the_demo_departments_can_be_expressed_by_codes_and_prefixes(store: dict[str, Any]) -> None:
    """demo.py picks the finance department's indicators by group; a prefix says the same."""
    from chitieu.web.dashboard.demo import DEPARTMENTS, _indicators_of

    plan = Plan.objects.get(code="hung_yen_2025_2030")
    finance = next(d for d in DEPARTMENTS if d.code == "so_tai_chinh")
    expected = sorted(i.code for i in _indicators_of(plan, finance))
    department = define_department("so_tai_chinh_2", "Sở Tài chính", actor=None)
    assign_department(department, indicators=["kt.*"], localities=["hung_yen/*"], actor=None)
    assert list(department.indicators.values_list("code", flat=True)) == expected
