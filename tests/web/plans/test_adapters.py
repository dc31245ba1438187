"""Stored indicators turn back into the core objects they were loaded from."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from chitieu.web.plans import adapters
from tests.web.builders import DOCTORS, GRDP, web_catalogue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", [GRDP, DOCTORS])
def test_indicator_round_trips_except_baselines(store: dict[str, Any], code: str) -> None:
    """Baselines are stored as figures (seed-history), so the adapter leaves them out."""
    original = web_catalogue().indicator(code)
    row = store["grdp"] if code == GRDP else store["doctors"]
    assert adapters.indicator(row) == dataclasses.replace(original, baselines=())


def test_a_past_term_target_without_aggregation_is_left_out(store: dict[str, Any]) -> None:
    from chitieu.web.plans.models import Indicator

    assert adapters.indicator(Indicator.objects.get(code="hung_yen_cu_2020_2025.002")).targets == ()
