"""Assessments and outlook through the API are the dashboard's."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.api.reading import plain
from chitieu.web.dashboard.services import dashboard_rows
from chitieu.web.figures.visibility import ViewMode
from chitieu.web.plans.models import Plan

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"


@pytest.fixture
def figures(store: dict[str, Any], user: Any) -> None:
    """GRDP growth: an approved 2025 and 2026, a draft 2027; doctors: a draft 2026."""
    from chitieu.web.figures.services import approve_figure, record_figure, submit_figure

    finance, planner = user("sokhdt"), user("tonghop")
    for year, value in (("2025", "7.2"), ("2026", "8.1")):
        figure = record_figure(
            store["grdp"], store["province"], year, "chinh_thuc", Decimal(value),
            actor=finance, expected_version=None,
        )  # fmt: skip
        approve_figure(submit_figure(figure, actor=finance), actor=planner)
    record_figure(
        store["grdp"], store["province"], "2027", "uoc", Decimal("6.9"),
        actor=finance, expected_version=None,
    )  # fmt: skip
    record_figure(
        store["doctors"], store["province"], "2026", "uoc", Decimal("12"),
        actor=user("soyte"), expected_version=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("username", "asked", "mode"),
    [
        ("tonghop", None, ViewMode.WORKING),
        ("tonghop", "official", ViewMode.OFFICIAL),
        ("sokhdt", "working", ViewMode.WORKING),
        ("xem", "working", ViewMode.OFFICIAL),
    ],
)
def test_the_assessments_a_client_reads_are_the_dashboards(
    api_client: Any, figures: None, username: str, asked: str | None, mode: ViewMode
) -> None:
    query: dict[str, Any] = {"year": 2027}
    if asked:
        query["view"] = asked
    response = api_client(username).get(f"/api/v1/plans/{PLAN}/assessments", query)
    assert response.status_code == 200, response.content
    body = response.json()
    plan = Plan.objects.get(code=PLAN)
    rows = dashboard_rows(plan, locality=plan.locality, as_of=2027, mode=mode)
    assert body["view"] == ("official" if mode is ViewMode.OFFICIAL else "working")
    assert [r["indicator"] for r in body["rows"]] == [r.indicator.code for r in rows]
    for got, row in zip(body["rows"], rows, strict=True):
        assert got["status"] == row.result.status.value
        assert got["reason"] == row.result.reason
        assert got["achieved_value"] == plain(row.result.achieved_value)
        assert got["target_text"] == row.target_text
        latest = got["latest"]
        assert (latest and latest["value"]) == (row.latest and plain(row.latest.value))
        assert (got["outlook"] and got["outlook"]["rating"]) == (row.outlook and row.outlook.rating)


def test_the_views_differ_when_a_draft_counts(api_client: Any, figures: None) -> None:
    client = api_client("tonghop")
    url = f"/api/v1/plans/{PLAN}/assessments"
    working = client.get(url, {"year": 2027}).json()["rows"]
    official = client.get(url, {"year": 2027, "view": "official"}).json()["rows"]
    grdp = next(r for r in working if r["indicator"] == "kt.grdp.tang_truong")
    grdp_official = next(r for r in official if r["indicator"] == "kt.grdp.tang_truong")
    assert grdp["latest"]["value"] == "6.9" and grdp["latest"]["unapproved"]
    assert grdp_official["latest"]["value"] == "8.1"


def test_the_outlook_lists_the_rated_rows(api_client: Any, figures: None) -> None:
    body = api_client("tonghop").get(f"/api/v1/plans/{PLAN}/outlook", {"year": 2027}).json()
    plan = Plan.objects.get(code=PLAN)
    rows = dashboard_rows(plan, locality=plan.locality, as_of=2027, mode=ViewMode.WORKING)
    expected = {r.indicator.code: r.outlook.rating.value for r in rows if r.outlook is not None}
    assert {r["indicator"]: r["rating"] for r in body["rows"]} == expected


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [
        ({}, 422, "query.year"),
        ({"year": "x"}, 422, "query.year"),
        ({"year": 2027, "locality": "khong_co"}, 404, None),
        ({"year": 2024}, 422, "query.year"),
    ],
)
def test_bad_queries(
    api_client: Any, store: Any, query: dict[str, Any], status: int, field: str | None
) -> None:
    response = api_client("tonghop").get(f"/api/v1/plans/{PLAN}/assessments", query)
    assert response.status_code == status
    if field:
        assert response.json()["errors"][0]["field"] == field


def test_an_unknown_plan_is_a_404(api_client: Any, store: Any) -> None:
    response = api_client("tonghop").get("/api/v1/plans/khong_co/assessments", {"year": 2027})
    assert response.status_code == 404
