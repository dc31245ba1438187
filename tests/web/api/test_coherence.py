"""A plan's coherence checks through the API are the progress report's."""

from __future__ import annotations

from typing import Any

import pytest

from chitieu.outlook.coherence import CoherenceCheck, check_plan
from chitieu.web.dashboard.report_inputs import stored_catalogue
from chitieu.web.figures.visibility import ViewMode
from chitieu.web.plans.models import Plan

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"


@pytest.mark.parametrize(
    ("username", "mode"), [("xem", ViewMode.OFFICIAL), ("tonghop", ViewMode.WORKING)]
)
def test_the_checks_are_the_reports(
    api_client: Any, store: Any, username: str, mode: ViewMode
) -> None:
    response = api_client(username).get(f"/api/v1/plans/{PLAN}/coherence", {"view": "working"})
    assert response.status_code == 200
    body = response.json()
    catalogue, _, _ = stored_catalogue(Plan.objects.get(code=PLAN), mode=mode)
    outcomes = check_plan(catalogue)
    assert outcomes
    expected = [
        (o.check, o.verdict.value if isinstance(o, CoherenceCheck) else "not_checked")
        for o in outcomes
    ]
    assert [(c["check"], c["verdict"]) for c in body["checks"]] == expected
    assert body["view"] == ("official" if mode is ViewMode.OFFICIAL else "working")


def test_an_unknown_plan_is_a_404(api_client: Any, store: Any) -> None:
    assert api_client("xem").get("/api/v1/plans/khong_co/coherence").status_code == 404
