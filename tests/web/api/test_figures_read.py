"""Reading figures: each role's view, the filters, pagination, the entity tag and the history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(store: dict[str, Any], user: Any) -> dict[str, Figure]:
    """An approved, a submitted, a draft and a returned figure."""
    from chitieu.web.figures.services import (
        approve_figure,
        record_figure,
        return_figure,
        submit_figure,
    )

    finance, health, planner = user("sokhdt"), user("soyte"), user("tonghop")
    grdp, doctors, province = store["grdp"], store["doctors"], store["province"]
    approved = record_figure(
        grdp, province, "2026", "uoc", Decimal("8.50"), actor=finance, expected_version=None,
        source_text="8,5",
    )  # fmt: skip
    approved = approve_figure(submit_figure(approved, actor=finance), actor=planner)
    submitted = submit_figure(
        record_figure(grdp, province, "2027", "uoc", Decimal("9"), actor=finance,
                      expected_version=None),
        actor=finance,
    )  # fmt: skip
    draft = record_figure(
        doctors, province, "2026", "uoc", Decimal("11.2"), actor=health, expected_version=None
    )
    returned = submit_figure(
        record_figure(doctors, province, "2027", "uoc", Decimal("99"), actor=health,
                      expected_version=None),
        actor=health,
    )  # fmt: skip
    returned = return_figure(returned, actor=planner, comment="Sai đơn vị")
    return {"approved": approved, "submitted": submitted, "draft": draft, "returned": returned}


def _ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("username", ["quantri", "tonghop", "sokhdt", "soyte"])
def test_the_office_reads_the_working_view_and_may_ask_for_the_official_one(
    api_client: Any, figures: dict[str, Figure], username: str
) -> None:
    client = api_client(username)
    working = {figures[k].pk for k in ("approved", "submitted", "draft")}
    assert _ids(client.get("/api/v1/figures")) == working
    official = client.get("/api/v1/figures", {"view": "official"})
    assert _ids(official) == {figures["approved"].pk}
    assert official.json()["view"] == "official"


def test_a_viewer_reads_official_figures_only_whatever_it_asks(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    client = api_client("xem")
    for asked in ({}, {"view": "working"}):
        response = client.get("/api/v1/figures", asked)
        assert _ids(response) == {figures["approved"].pk}
        assert response.json()["view"] == "official"
    assert client.get(f"/api/v1/figures/{figures['draft'].pk}").status_code == 404
    assert client.get(f"/api/v1/figures/{figures['draft'].pk}/history").status_code == 404


@pytest.mark.parametrize("username", ["tonghop", "soyte"])
def test_the_office_may_list_every_figure_returned_ones_too(
    api_client: Any, figures: dict[str, Figure], username: str
) -> None:
    response = api_client(username).get("/api/v1/figures", {"view": "all"})
    assert _ids(response) == {f.pk for f in figures.values()}
    assert response.json()["view"] == "all"
    returned = api_client(username).get(
        "/api/v1/figures", {"view": "all", "review_state": "tra_lai"}
    )
    assert _ids(returned) == {figures["returned"].pk}


def test_a_viewer_asking_for_every_figure_gets_the_official_ones(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    response = api_client("xem").get("/api/v1/figures", {"view": "all"})
    assert _ids(response) == {figures["approved"].pk} and response.json()["view"] == "official"


def test_a_returned_figure_is_not_in_the_working_view_but_readable_by_id(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    client = api_client("soyte")
    assert figures["returned"].pk not in _ids(client.get("/api/v1/figures"))
    body = client.get(f"/api/v1/figures/{figures['returned'].pk}").json()
    assert body["review_state"] == "tra_lai" and body["review_comment"] == "Sai đơn vị"


def test_values_are_plain_decimal_strings_with_the_text_as_written(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    body = api_client("tonghop").get(f"/api/v1/figures/{figures['approved'].pk}").json()
    assert body["value"] == "8.5" and body["source_text"] == "8,5"
    assert body["indicator"] == "kt.grdp.tang_truong" and body["locality"] == "hung_yen"
    assert body["entered_by"] == "sokhdt" and body["reviewed_by"] == "tonghop"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"indicator": "kt.grdp.tang_truong"}, {"approved", "submitted"}),
        ({"year": 2026}, {"approved", "draft"}),
        ({"period": "2027"}, {"submitted"}),
        ({"review_state": "nhap"}, {"draft"}),
        ({"status": "chinh_thuc"}, set()),
        ({"plan": "hung_yen_2025_2030", "locality": "hung_yen", "year": 2027}, {"submitted"}),
        ({"locality": "xa_tan_hung"}, set()),
    ],
)
def test_filters(
    api_client: Any, figures: dict[str, Figure], query: dict[str, Any], expected: set[str]
) -> None:
    response = api_client("tonghop").get("/api/v1/figures", query)
    assert _ids(response) == {figures[k].pk for k in expected}


def test_changed_since_picks_the_figures_changed_after_a_moment(
    api_client: Any, figures: dict[str, Figure], user: Any
) -> None:
    from chitieu.web.figures.models import FigureRevision
    from chitieu.web.figures.services import approve_figure

    last = FigureRevision.objects.order_by("-at").first()
    assert last is not None
    approve_figure(figures["submitted"], actor=user("tonghop"))
    changed = FigureRevision.objects.order_by("-at").first()
    assert changed is not None and changed.at > last.at
    response = api_client("tonghop").get(
        "/api/v1/figures", {"changed_since": changed.at.isoformat()}
    )
    assert _ids(response) == {figures["submitted"].pk}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"year": "hai nghìn"}, "year"),
        ({"status": "dep"}, "status"),
        ({"period": "2026-13"}, "period"),
        ({"changed_since": "hôm qua"}, "changed_since"),
        ({"limit": 0}, "limit"),
        ({"view": "tat-ca"}, "view"),
    ],
)
def test_a_bad_filter_is_a_problem_naming_the_field(
    api_client: Any, store: Any, query: dict[str, Any], field: str
) -> None:
    response = api_client("tonghop").get("/api/v1/figures", query)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == [f"query.{field}"]


def test_an_unknown_code_in_a_filter_is_not_found(api_client: Any, store: Any) -> None:
    response = api_client("tonghop").get("/api/v1/figures", {"indicator": "khong.co"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_pages_split_the_list_and_count_the_total(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    client = api_client("tonghop")
    seen: list[int] = []
    for page in (1, 2):
        body = client.get("/api/v1/figures", {"limit": 2, "page": page}).json()
        assert body["total"] == 3 and body["page"] == page and body["limit"] == 2
        seen += [item["id"] for item in body["items"]]
    assert len(seen) == len(set(seen)) == 3
    assert client.get("/api/v1/figures", {"limit": 2, "page": 3}).json()["items"] == []


def test_a_figure_has_its_version_as_entity_tag_and_answers_304_when_unchanged(
    api_client: Any, figures: dict[str, Figure], user: Any
) -> None:
    from chitieu.web.figures.services import approve_figure

    client = api_client("tonghop")
    figure = figures["submitted"]
    url = f"/api/v1/figures/{figure.pk}"
    response = client.get(url)
    tag = response["ETag"]
    assert tag == f'"v{figure.version}"' and response.json()["version"] == figure.version
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert unchanged.status_code == 304 and unchanged["ETag"] == tag and not unchanged.content
    approve_figure(figure, actor=user("tonghop"))
    changed = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_the_history_says_who_did_what_when_and_why(
    api_client: Any, figures: dict[str, Figure]
) -> None:
    history = api_client("tonghop").get(f"/api/v1/figures/{figures['returned'].pk}/history")
    assert history.status_code == 200
    rows = history.json()
    assert [r["action"] for r in rows] == ["tao", "gui", "tra_lai"]
    assert rows[0]["new_value"] == "99" and rows[0]["actor"] == "soyte"
    assert rows[-1]["reason"] == "Sai đơn vị" and rows[-1]["actor"] == "tonghop"


def test_an_unknown_figure_is_a_404_problem(api_client: Any, store: Any) -> None:
    response = api_client("tonghop").get("/api/v1/figures/999999")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_a_bad_filter_is_explained_in_vietnamese(api_client: Any, store: Any) -> None:
    response = api_client("tonghop").get("/api/v1/figures", {"limit": 501, "status": "dep"})
    messages = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert messages["query.limit"] == "Phải nhỏ hơn hoặc bằng 500."
    assert messages["query.status"].startswith("Phải là một trong: 'ke_hoach'")
