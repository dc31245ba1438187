"""Loading a catalogue, and reloading a corrected one without losing a figure."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog import model
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_figure
from chitieu.web.plans.models import Indicator, Locality, Plan, Target, Task
from chitieu.web.plans.services import load_catalogue
from tests.web.builders import DOCTORS, GRDP, web_catalogue

pytestmark = pytest.mark.django_db


def test_load_stores_plan_indicators_targets_and_tasks(store: dict[str, Any]) -> None:
    plan = Plan.objects.get(code="hung_yen_2025_2030")
    assert (plan.kind, plan.term_start, plan.term_end, plan.locality.code) == (
        "resolution",
        2025,
        2030,
        "hung_yen",
    )
    assert set(plan.indicators.values_list("code", flat=True)) == {GRDP, DOCTORS}
    target = Target.objects.get(indicator__code=GRDP)
    assert (target.text, target.low, target.high, target.aggregation) == (
        "10%-11%",
        Decimal(10),
        Decimal(11),
        "avg_growth",
    )
    assert list(Task.objects.get(code="vi.1.1").indicators.all()) == [store["grdp"]]


def test_a_past_term_becomes_a_plan_in_its_former_province(store: dict[str, Any]) -> None:
    past = Plan.objects.get(code="hung_yen_cu_2020_2025")
    assert (past.kind, past.locality.kind, past.locality.parent) == (
        "past_term",
        "tinh_cu",
        store["province"],
    )
    poverty = Indicator.objects.get(code="hung_yen_cu_2020_2025.002")
    assert (poverty.name, poverty.direction) == ("Tỷ lệ hộ nghèo", "lower")
    assert poverty.targets.get().official_assessment == "Vượt"


def test_reload_updates_indicators_and_targets_and_keeps_figures(store: dict[str, Any]) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.1"),
        actor=None, expected_version=None,
    )  # fmt: skip
    catalogue = web_catalogue()
    grdp = catalogue.indicator(GRDP)
    (target,) = grdp.targets
    corrected = dataclasses.replace(
        grdp,
        name="Tốc độ tăng trưởng GRDP",
        targets=(
            dataclasses.replace(
                target, value=dataclasses.replace(target.value, text="10,5%", low=Decimal("10.5"))
            ),
        ),
    )
    load_catalogue(
        dataclasses.replace(catalogue, indicators=(corrected, catalogue.indicator(DOCTORS))),
        actor=None,
    )
    reloaded = Indicator.objects.get(code=GRDP)
    assert reloaded.pk == store["grdp"].pk
    assert reloaded.name == "Tốc độ tăng trưởng GRDP"
    assert reloaded.targets.get().low == Decimal("10.5")
    assert Figure.objects.get().value == Decimal("8.1")


def test_an_indicator_dropped_from_the_catalogue_is_deactivated_with_its_figures_kept(
    store: dict[str, Any],
) -> None:
    record_figure(
        store["doctors"], store["province"], "2026", "uoc", Decimal(11),
        actor=None, expected_version=None,
    )  # fmt: skip
    catalogue = web_catalogue()
    report = load_catalogue(
        dataclasses.replace(catalogue, indicators=(catalogue.indicator(GRDP),)), actor=None
    )
    assert report.deactivated == [DOCTORS]
    assert not Indicator.objects.get(code=DOCTORS).active
    assert Figure.objects.filter(indicator__code=DOCTORS).count() == 1


def test_reloading_the_same_catalogue_changes_nothing_countable(store: dict[str, Any]) -> None:
    counts = (Indicator.objects.count(), Target.objects.count(), Locality.objects.count())
    report = load_catalogue(web_catalogue(), actor=None)
    assert report.created == 0
    assert (Indicator.objects.count(), Target.objects.count(), Locality.objects.count()) == counts


@pytest.mark.parametrize("username", ["tonghop", "sokhdt", "xem"])
def test_only_the_administrator_loads_a_catalogue(
    store: dict[str, Any], user: Callable[[str], Any], username: str
) -> None:
    with pytest.raises(PermissionDenied) as caught:
        load_catalogue(web_catalogue(), actor=user(username))
    assert caught.value.code == "not_admin"


def test_the_administrator_loads_a_catalogue(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    empty = model.Catalogue(plan=dataclasses.replace(web_catalogue().plan, code="khac"))
    assert load_catalogue(empty, actor=user("quantri")).plans == ["khac"]


def test_load_reports_progress_up_to_every_indicator_and_past_term_row() -> None:
    """progress(done, total) counts each indicator and each past-term row written."""
    catalogue = web_catalogue()
    calls: list[tuple[int, int]] = []
    load_catalogue(catalogue, actor=None, progress=lambda done, total: calls.append((done, total)))
    total = len(catalogue.indicators) + sum(len(t.rows) for t in catalogue.past_terms)
    assert catalogue.past_terms and total > len(catalogue.indicators)
    assert [done for done, _ in calls] == list(range(1, total + 1))
    assert {t for _, t in calls} == {total} and calls[-1] == (total, total)


# -- the audit trail ---------------------------------------------------------------------


def test_the_first_load_is_recorded_as_loaded(store: dict[str, Any]) -> None:
    from chitieu.web.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="nap_danh_muc")
    assert (entry.actor, entry.subject) == (None, "hung_yen_2025_2030")
    assert entry.changes["plans"] == ["hung_yen_2025_2030", "hung_yen_cu_2020_2025"]
    assert entry.changes["indicators"] == {"created": 4, "updated": 0, "deactivated": []}
    assert entry.changes["tasks"] == {"count": 1, "deactivated": []}


def test_a_reload_is_recorded_once_with_who_and_what_left(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    from tests.web.audit.helpers import new_entries

    admin = user("quantri")
    catalogue = web_catalogue()
    with new_entries() as written:
        load_catalogue(
            dataclasses.replace(catalogue, indicators=(catalogue.indicator(GRDP),), tasks=()),
            actor=admin,
        )
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (
        admin,
        "nap_lai_danh_muc",
        "hung_yen_2025_2030",
    )
    assert entry.changes["indicators"]["deactivated"] == [DOCTORS]
    assert entry.changes["tasks"] == {"count": 0, "deactivated": ["vi.1.1"]}
    assert entry.summary.startswith("Nạp lại danh mục hung_yen_2025_2030")
    assert "1 chỉ tiêu và 1 nhiệm vụ không còn trong danh mục" in entry.summary


def test_a_refused_load_writes_no_entry(store: dict[str, Any], user: Callable[[str], Any]) -> None:
    from tests.web.audit.helpers import new_entries

    planner = user("tonghop")
    with new_entries() as written, pytest.raises(PermissionDenied):
        load_catalogue(web_catalogue(), actor=planner)
    assert written == []


def test_an_annual_plan_adds_its_target_to_the_resolutions_measure(store: dict[str, Any]) -> None:
    """An annual plan document that names the resolution's GRDP growth does not take the
    indicator: the indicator stays in the resolution and holds one target per plan."""
    resolution = web_catalogue()
    grdp = resolution.indicator(GRDP)
    yearly = dataclasses.replace(
        grdp.targets[0], period_start=2026, period_end=2026, aggregation=model.Aggregation.LEVEL
    )
    annual = model.Catalogue(
        plan=dataclasses.replace(
            resolution.plan,
            code="kim_son_2026",
            kind="annual_plan",
            term_start=2026,
            term_end=2026,
            parent=resolution.plan.code,
        ),
        groups=resolution.groups,
        indicators=(dataclasses.replace(grdp, targets=(yearly,)),),
    )
    load_catalogue(annual, actor=None)
    indicator = Indicator.objects.get(code=GRDP)
    assert indicator.plan.code == "hung_yen_2025_2030"
    assert sorted(indicator.targets.values_list("plan__code", flat=True)) == [
        "hung_yen_2025_2030",
        "kim_son_2026",
    ]
    load_catalogue(resolution, actor=None)  # a reload of the resolution keeps both
    assert Indicator.objects.get(code=GRDP).targets.count() == 2
