"""Reading the catalogue: plans, indicators with targets and sources, localities, tasks."""

from __future__ import annotations

from typing import Any

import pytest

from chitieu.web.plans.models import Indicator, Plan, Task

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"


@pytest.mark.parametrize("username", ["quantri", "tonghop", "sokhdt", "soyte", "xem"])
def test_every_role_reads_the_catalogue(api_client: Any, store: Any, username: str) -> None:
    client = api_client(username)
    plans = client.get("/api/v1/plans").json()
    assert [p["code"] for p in plans] == sorted(Plan.objects.values_list("code", flat=True))
    assert client.get(f"/api/v1/plans/{PLAN}/indicators").status_code == 200
    assert client.get("/api/v1/localities").status_code == 200
    assert client.get(f"/api/v1/plans/{PLAN}/tasks").status_code == 200


def test_a_plan_by_code(api_client: Any, store: Any) -> None:
    plan = Plan.objects.get(code=PLAN)
    body = api_client("xem").get(f"/api/v1/plans/{PLAN}").json()
    assert body["name"] == plan.name and body["kind"] == plan.kind
    assert (body["term_start"], body["term_end"]) == (plan.term_start, plan.term_end)
    assert body["locality"] == "hung_yen"


def test_an_indicator_with_its_targets_and_their_source_lines(api_client: Any, store: Any) -> None:
    doctors = store["doctors"]
    body = api_client("xem").get(f"/api/v1/indicators/{doctors.code}").json()
    assert body["name"] == doctors.name and body["plan"] == PLAN
    (target,) = body["targets"]
    assert target["low"] == "15" and target["high"] == "15" and target["kind"] == "point"
    assert (target["period_start"], target["period_end"]) == (2026, 2030)
    assert target["source"]["line"] == 1450 and target["source"]["text"] == "15"


def test_the_indicators_of_a_plan_in_catalogue_order(api_client: Any, store: Any) -> None:
    body = api_client("xem").get(f"/api/v1/plans/{PLAN}/indicators").json()
    expected = Indicator.objects.filter(plan__code=PLAN).order_by("position")
    assert [i["code"] for i in body] == [i.code for i in expected]


def test_localities_filtered_by_parent_and_kind(api_client: Any, store: Any) -> None:
    client = api_client("xem")
    from chitieu.web.plans.models import Locality

    children = client.get("/api/v1/localities", {"parent": "hung_yen"}).json()
    expected = Locality.objects.filter(parent__code="hung_yen").order_by("code")
    assert [c["code"] for c in children] == [loc.code for loc in expected]
    assert "xa_tan_hung" in [c["code"] for c in children]
    communes = client.get("/api/v1/localities", {"kind": "xa"}).json()
    assert [c["code"] for c in communes] == ["xa_tan_hung"] and communes[0]["parent"] == "hung_yen"
    wrong = client.get("/api/v1/localities", {"kind": "huyen"})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "kind"


def test_a_task_with_its_linked_indicators(api_client: Any, store: Any, user: Any) -> None:
    from chitieu.web.plans.task_links import remove_task_link

    task = Task.objects.get(plan__code=PLAN, code="vi.1.1")
    client = api_client("xem")
    body = client.get(f"/api/v1/plans/{PLAN}/tasks/{task.code}").json()
    assert body["heading"] == task.heading
    assert [(i["code"], i["state"]) for i in body["indicators"]] == [(store["grdp"].code, "goi_y")]
    remove_task_link(task, store["grdp"], actor=user("tonghop"))
    after = client.get(f"/api/v1/plans/{PLAN}/tasks").json()
    assert [t["indicators"] for t in after if t["code"] == task.code] == [[]]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/plans/khong_co",
        "/api/v1/plans/khong_co/indicators",
        "/api/v1/indicators/khong.co",
        "/api/v1/localities/khong_co",
        f"/api/v1/plans/{PLAN}/tasks/khong_co",
    ],
)
def test_an_unknown_code_is_a_404_problem(api_client: Any, store: Any, url: str) -> None:
    response = api_client("xem").get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
