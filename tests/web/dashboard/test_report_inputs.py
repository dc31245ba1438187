"""The stored plan as a catalogue for the reports: only what the catalogue still has."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from chitieu.web.dashboard.report_inputs import stored_catalogue
from chitieu.web.plans.models import Plan
from chitieu.web.plans.services import load_catalogue
from tests.web.builders import web_catalogue

pytestmark = pytest.mark.django_db


def test_a_task_that_left_the_catalogue_is_not_reported(store: dict[str, Any]) -> None:
    plan = Plan.objects.get(code="hung_yen_2025_2030")
    assert [t.code for t in stored_catalogue(plan)[0].tasks] == ["vi.1.1"]
    load_catalogue(dataclasses.replace(web_catalogue(), tasks=()), actor=None)
    assert stored_catalogue(plan)[0].tasks == ()
