"""The resolution's baseline beside a later revision, each with its source."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db

BUDGET = "kt.thu_ngan_sach.tong"


@pytest.fixture
def demo() -> Any:
    """The demo store of the place profile: the resolution, its own figures, the published."""
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Plan
    from tests.profiles import seed_profile

    build_demo(seed_profile())
    return Plan.objects.get(kind="resolution", code__endswith="_2025_2030")


def test_the_budget_keeps_the_resolutions_baseline_beside_the_published_one(demo: Any) -> None:
    """2025 budget revenue: 74.432 tỷ đồng in the document (line 48, ước), 100.299 published
    later over the same figure; the path starts from the document's."""
    from chitieu.assess.aggregate import yearly_figures
    from chitieu.web.dashboard.baselines import baselines_of, stated_baselines
    from chitieu.web.dashboard.services import figures_by_indicator, plan_target
    from chitieu.web.plans.models import Indicator

    budget = Indicator.objects.get(plan=demo, code=BUDGET)
    stated = stated_baselines(demo, demo.locality)[budget.pk]
    assert stated[2025].value == Decimal(74432)
    assert (stated[2025].source.document, stated[2025].source.line) == (demo.document, 48)
    figures = figures_by_indicator(demo, demo.locality)[budget.pk]
    both = baselines_of(plan_target(budget, demo), yearly_figures(figures), "ty_dong", stated)
    assert both.stated is not None and both.revised is not None
    assert both.revised.value == Decimal(100299)
    assert "baophapluat" in both.revised.source.document
    assert both.start is both.stated


def test_the_dashboard_row_assesses_from_the_resolutions_baseline(demo: Any) -> None:
    from chitieu.web.dashboard.services import dashboard_rows

    rows = dashboard_rows(demo, locality=demo.locality, as_of=2026)
    row = next(r for r in rows if r.core.code == BUDGET)
    assert row.baseline is not None and row.baseline.value == Decimal(74432)


def test_without_a_stated_baseline_the_last_yearly_figure_before_the_period_is_used(
    store: dict[str, Any],
) -> None:
    from chitieu.assess.aggregate import yearly_figures
    from chitieu.web.dashboard.baselines import baselines_of, stated_baselines
    from chitieu.web.dashboard.services import figures_by_indicator, plan_target

    doctors = store["doctors"]
    put(doctors, store["province"], 2024, "10")
    put(doctors, store["province"], 2025, "11")
    plan = doctors.plan
    assert stated_baselines(plan, store["province"]) == {}
    figures = figures_by_indicator(plan, store["province"])[doctors.pk]
    both = baselines_of(plan_target(doctors, plan), yearly_figures(figures), None)
    assert both.stated is None and both.revised is not None
    assert (both.revised.year, both.revised.value) == (2025, Decimal(11))
    assert both.start is both.revised


def test_a_stated_baseline_nobody_revised_stands_alone(store: dict[str, Any]) -> None:
    """The document's 2020 figure of doctors, stored by the seeding and never changed."""
    from chitieu.assess.aggregate import yearly_figures
    from chitieu.web.dashboard.baselines import baselines_of, stated_baselines
    from chitieu.web.dashboard.services import figures_by_indicator, plan_target
    from chitieu.web.figures.seeding import seed_history
    from tests.web.builders import web_catalogue

    seed_history(web_catalogue(), actor=None)
    doctors = store["doctors"]
    plan = doctors.plan
    stated = stated_baselines(plan, store["province"]).get(doctors.pk, {})
    assert stated[2020].value == Decimal("9.5") and stated[2020].source.line == 120
    figures = figures_by_indicator(plan, store["province"])[doctors.pk]
    both = baselines_of(plan_target(doctors, plan), yearly_figures(figures), None, stated)
    assert both.stated is not None and both.revised is None


def test_an_older_stated_figure_does_not_displace_a_later_one(store: dict[str, Any]) -> None:
    """The document states doctors for 2020 only; a 2025 figure entered since is the base."""
    from chitieu.assess.aggregate import yearly_figures
    from chitieu.web.dashboard.baselines import baselines_of, stated_baselines
    from chitieu.web.dashboard.services import figures_by_indicator, plan_target
    from chitieu.web.figures.seeding import seed_history
    from tests.web.builders import web_catalogue

    seed_history(web_catalogue(), actor=None)
    doctors = store["doctors"]
    put(doctors, store["province"], 2025, "11")
    plan = doctors.plan
    stated = stated_baselines(plan, store["province"]).get(doctors.pk, {})
    figures = figures_by_indicator(plan, store["province"])[doctors.pk]
    both = baselines_of(plan_target(doctors, plan), yearly_figures(figures), None, stated)
    assert both.stated is None and both.revised is not None and both.revised.year == 2025
