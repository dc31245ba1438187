"""The published import (figures/conflicts.py): a publication's unusual value is stored as
published, its warning kept in the figure's history and in the import's summary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog.period import Period
from chitieu.web.figures.conflicts import PUBLISHED_AS_IS
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.services import record_figure
from chitieu.web.plans.models import Indicator
from tests.profiles import load_seed_resolution, seed_profile

pytestmark = pytest.mark.django_db


def test_a_published_value_far_from_the_last_one_is_stored_with_its_warning(db: Any) -> None:
    """January 2026 budget revenue is published as 5.914 tỷ đồng; a January 2025 figure of
    100 makes it a jump of 59 times, which a department's file must confirm with a note."""
    from chitieu.web.figures.published import import_published_figures

    load_seed_resolution()
    budget = Indicator.objects.get(code="kt.thu_ngan_sach.tong", plan__kind="resolution")
    province = budget.plan.locality
    record_figure(
        budget, province, Period.parse("2025-01"), "uoc", Decimal(100),
        actor=None, expected_version=None, source="Sổ theo dõi",
    )  # fmt: skip
    summary = import_published_figures(seed_profile(), actor=None).report
    january = Figure.objects.get(indicator=budget, locality=province, period="2026-01")
    assert january.value == Decimal(5914)
    assert january.review_state == ReviewState.PUBLISHED
    reason = january.revisions.get(version=1).reason
    assert PUBLISHED_AS_IS in reason
    assert "số liệu bất thường đã ghi kèm ghi chú xác nhận" in summary
