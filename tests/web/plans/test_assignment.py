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
from tests.web.builders import web_catalogue

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


# -- the audit trail ---------------------------------------------------------------------


def test_defining_and_renaming_a_department_are_recorded(
    store: dict[str, Any], user: UserFactory
) -> None:
    from tests.web.audit.helpers import new_entries

    planner = user("tonghop")
    with new_entries() as written:
        define_department("so_kt", "Sở Kinh tế", actor=planner)
        define_department("so_kt", "Sở Kinh tế", actor=planner)  # unchanged: no entry
        define_department("so_kt", "Sở Kinh tế và Đầu tư", actor=planner)
    created, renamed = written
    assert (created.actor, created.action, created.subject) == (
        planner,
        "khai_bao_so_nganh",
        "so_kt",
    )
    assert created.changes == {"name": [None, "Sở Kinh tế"]}
    assert renamed.changes == {"name": ["Sở Kinh tế", "Sở Kinh tế và Đầu tư"]}
    assert (
        renamed.summary == "Đổi tên sở, ngành so_kt từ “Sở Kinh tế” thành “Sở Kinh tế và Đầu tư”."
    )


def test_an_assignment_records_what_was_added_and_removed(
    store: dict[str, Any], user: UserFactory
) -> None:
    from tests.web.audit.helpers import new_entries

    planner = user("tonghop")
    health = Department.objects.get(code="so_y_te")
    with new_entries() as written:
        assign_department(
            health,
            indicators=["kt.grdp.tang_truong"],
            localities=["hung_yen", "xa_tan_hung"],
            actor=planner,
        )
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (planner, "giao_so_nganh", "so_y_te")
    assert entry.changes == {
        "indicators": {"added": ["kt.grdp.tang_truong"], "removed": ["xh.y_te.bac_si"]},
        "localities": {"added": ["xa_tan_hung"], "removed": []},
    }
    assert entry.summary == "Đổi phân công của Sở Y tế: chỉ tiêu thêm 1, bớt 1; địa bàn thêm 1."


def test_an_unchanged_assignment_writes_no_entry(store: dict[str, Any]) -> None:
    from tests.web.audit.helpers import new_entries

    health = Department.objects.get(code="so_y_te")
    with new_entries() as written:
        assign_department(
            health, indicators=["xh.y_te.bac_si"], localities=["hung_yen"], actor=None
        )
    assert written == []


def test_a_refused_assignment_writes_no_entry(store: dict[str, Any], user: UserFactory) -> None:
    from tests.web.audit.helpers import new_entries

    health, department_user = Department.objects.get(code="so_y_te"), user("soyte")
    with new_entries() as written, pytest.raises(AssignmentError):
        assign_department(health, indicators=["kt.khong_co"], actor=None)
    with new_entries() as refused, pytest.raises(PermissionDenied):
        assign_department(health, indicators=["kt.*"], actor=department_user)
    assert written == [] and refused == []


# -- a plan loaded after its departments -------------------------------------------------------------------


def test_a_plan_loaded_after_the_departments_gets_its_owners_from_the_stored_rules(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    health = Department.objects.get(code="so_y_te")
    health.rules = {"topics": ["bác sĩ", "y tế"]}
    health.save()
    catalogue = web_catalogue()
    nurses = model.Indicator(
        code="xh.y_te.dieu_duong",
        name="Số điều dưỡng y tế/vạn dân",
        group="xa_hoi",
        parent=None,
        unit="",
        direction=model.Direction.HIGHER,
    )
    load_catalogue(
        model.Catalogue(
            plan=catalogue.plan,
            groups=catalogue.groups,
            indicators=(*catalogue.indicators, nurses),
        ),
        actor=user("quantri"),
    )
    assert owners_of("xh.y_te.dieu_duong") == ["so_y_te"]
    assert owners_of("xh.y_te.bac_si") == ["so_y_te"]
    # a department defined by hand, without rules, keeps exactly what it was given
    assert owners_of("kt.grdp.tang_truong") == ["so_tai_chinh"]


def owners_of(code: str) -> list[str]:
    found = Indicator.objects.get(code=code).department_set.values_list("code", flat=True)
    return sorted(found)


def test_a_departments_file_records_new_rules_once(store: dict[str, Any]) -> None:
    from chitieu.profile.departments import DepartmentSpec
    from chitieu.web.plans.departments import apply_departments
    from tests.web.audit.helpers import new_entries

    spec = DepartmentSpec(
        "so_y_te", "Sở Y tế", (), ("hung_yen",), 1, {}, topics=("bác sĩ",), default=False
    )
    with new_entries() as written:
        apply_departments([spec], actor=None)
        apply_departments([spec], actor=None)  # the same rules again: nothing more
    (entry,) = [e for e in written if e.changes.get("rules")]
    assert entry.action == "khai_bao_so_nganh" and entry.subject == "so_y_te"
    assert entry.changes["rules"] == [
        None,
        {"indicators": [], "topics": ["bác sĩ"], "groups": [], "default": False},
    ]
    assert owners_of("xh.y_te.bac_si") == ["so_y_te"]
