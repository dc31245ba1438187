"""Changing one figure through the API: If-Match as the form's optimistic lock, review steps."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Action, Figure, FigureRevision, ReviewState
from chitieu.web.figures.services import record_figure, submit_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def grdp(store: dict[str, Any], user: Any) -> Figure:
    """A draft GRDP 2026 estimate entered by Sở Tài chính."""
    return record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=user("sokhdt"), expected_version=None, source="Sở Tài chính",
    )  # fmt: skip


def patch(client: Any, figure: Figure, body: dict[str, Any], etag: str | None = '"v1"') -> Any:
    headers = {"HTTP_IF_MATCH": etag} if etag is not None else {}
    return client.patch(
        f"/api/v1/figures/{figure.pk}", json.dumps(body), content_type="application/json", **headers
    )


def step(
    client: Any, figure: Figure, name: str, etag: str | None, body: dict[str, Any] | None = None
) -> Any:
    headers = {"HTTP_IF_MATCH": etag} if etag is not None else {}
    data = json.dumps(body).encode() if body is not None else b""
    return client.generic(
        "POST", f"/api/v1/figures/{figure.pk}/{name}", data, "application/json", **headers
    )


def problem(response: Any) -> dict[str, Any]:
    assert response["Content-Type"] == "application/problem+json"
    return dict(json.loads(response.content))


def test_a_correction_with_if_match_is_saved_with_its_reason_and_new_etag(
    api_client: Any, grdp: Figure, user: Any
) -> None:
    response = patch(api_client("sokhdt"), grdp, {"value": "8,3", "reason": "Số liệu mới của Cục"})
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"v2"' and response.json()["value"] == "8.3"
    grdp.refresh_from_db()
    assert (grdp.value, grdp.version) == (Decimal("8.3"), 2)
    revision = FigureRevision.objects.get(figure=grdp, version=2)
    assert (revision.action, revision.actor, revision.reason) == (
        Action.UPDATE, user("sokhdt"), "Số liệu mới của Cục"
    )  # fmt: skip


def test_without_if_match_the_answer_is_428_and_nothing_changes(api_client, grdp) -> None:
    response = patch(api_client("sokhdt"), grdp, {"value": "9", "reason": "x"}, etag=None)
    assert response.status_code == 428
    assert problem(response)["code"] == "if_match_required"
    grdp.refresh_from_db()
    assert grdp.value == Decimal("8")


def test_a_stale_if_match_is_412_naming_who_changed_it_and_nothing_changes(
    api_client, grdp, store
) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.2"),
        actor=None, expected_version=1, reason="Sửa theo Cục Thống kê",
    )  # fmt: skip
    response = patch(api_client("tonghop"), grdp, {"value": "9", "reason": "x"}, etag='"v1"')
    assert response.status_code == 412
    body = problem(response)
    assert body["code"] == "version_conflict"
    assert "vừa được hệ thống thay đổi lúc" in body["detail"] and "8,2" in body["detail"]
    assert response["ETag"] == '"v2"'
    grdp.refresh_from_db()
    assert (grdp.value, grdp.version) == (Decimal("8.2"), 2)


def test_a_new_value_needs_a_reason_as_on_the_form(api_client, grdp) -> None:
    response = patch(api_client("sokhdt"), grdp, {"value": "9"})
    body = problem(response)
    assert response.status_code == 422 and body["code"] == "reason_required"
    assert body["errors"][0]["field"] == "reason"


def test_a_value_that_does_not_read_is_refused_with_the_imports_message(api_client, grdp) -> None:
    response = patch(api_client("sokhdt"), grdp, {"value": "328,096", "reason": "x"})
    body = problem(response)
    assert response.status_code == 422 and body["code"] == "ambiguous"
    assert body["errors"][0]["field"] == "value"
    assert "“328,096” đọc được hai cách" in body["errors"][0]["message"]


def test_an_impossible_value_is_refused(api_client, grdp) -> None:
    response = patch(api_client("sokhdt"), grdp, {"value": "-150", "reason": "x"})
    body = problem(response)
    assert response.status_code == 422 and body["code"] == "implausible_value"
    assert body["errors"][0]["code"] == "below_minimum"


def test_a_locked_figure_is_refused_with_why(api_client, grdp, user) -> None:
    submit_figure(grdp, actor=user("sokhdt"))
    response = patch(api_client("sokhdt"), grdp, {"source": "Khác"}, etag='"v2"')
    assert response.status_code == 409 and problem(response)["code"] == "locked"
    assert "Đang chờ duyệt" in problem(response)["detail"]


# -- review steps -------------------------------------------------------------------------


def test_submit_then_approve_each_with_the_new_etag(api_client, grdp, user) -> None:
    submitted = step(api_client("sokhdt"), grdp, "submit", '"v1"')
    assert submitted.status_code == 200 and submitted["ETag"] == '"v2"'
    revision = FigureRevision.objects.get(figure=grdp, version=2)
    assert (revision.action, revision.actor) == (Action.SUBMIT, user("sokhdt"))
    approved = step(api_client("tonghop"), grdp, "approve", '"v2"', {"comment": "Khớp niên giám"})
    assert approved.status_code == 200 and approved.json()["review_state"] == ReviewState.APPROVED
    revision = FigureRevision.objects.get(figure=grdp, version=3)
    assert (revision.action, revision.actor, revision.reason) == (
        Action.APPROVE, user("tonghop"), "Khớp niên giám"
    )  # fmt: skip


def test_return_needs_a_reason_named_as_the_field(api_client, grdp, user) -> None:
    submit_figure(grdp, actor=user("sokhdt"))
    empty = step(api_client("tonghop"), grdp, "return", '"v2"', {"reason": "  "})
    body = problem(empty)
    assert empty.status_code == 422 and body["errors"][0]["field"] == "reason"
    assert body["errors"][0]["message"] == "Trả lại số liệu phải ghi rõ lý do."
    done = step(api_client("tonghop"), grdp, "return", '"v2"', {"reason": "Sai nguồn"})
    assert done.status_code == 200 and done.json()["review_state"] == ReviewState.RETURNED
    assert FigureRevision.objects.get(figure=grdp, version=3).reason == "Sai nguồn"


def test_a_review_step_without_or_with_a_stale_if_match_changes_nothing(api_client, grdp) -> None:
    client = api_client("tonghop")
    assert step(client, grdp, "approve", None).status_code == 428
    assert step(client, grdp, "approve", '"v7"').status_code == 412
    assert step(client, grdp, "approve", "garbage").status_code == 412
    grdp.refresh_from_db()
    assert (grdp.review_state, grdp.version) == (ReviewState.DRAFT, 1)


def test_a_step_that_does_not_fit_the_state_is_409(api_client, grdp) -> None:
    response = step(api_client("tonghop"), grdp, "return", '"v1"', {"reason": "Sai"})
    assert response.status_code == 409 and problem(response)["code"] == "not_submitted"


def test_an_unknown_figure_is_404(api_client, store) -> None:
    response = step(api_client("tonghop"), Figure(pk=999), "approve", '"v1"')
    assert response.status_code == 404


def test_an_id_beyond_any_database_key_is_404_not_a_server_error(api_client, store) -> None:
    response = step(api_client("tonghop"), Figure(pk=2**70), "approve", '"v1"')
    assert response.status_code == 404
