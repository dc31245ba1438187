"""What each role's token may write, and a figure sent through the API seen everywhere else."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.services import record_figure, submit_figure

pytestmark = pytest.mark.django_db

GRDP_ROW = {"indicator": "kt.grdp.tang_truong", "locality": "hung_yen", "period": "2026",
            "status": "ước", "value": "8,1"}  # fmt: skip
DOCTORS_ROW = {"indicator": "xh.y_te.bac_si", "locality": "hung_yen", "period": "2026",
               "status": "chính thức", "value": "16"}  # fmt: skip
COMMUNE_ROW = {**GRDP_ROW, "locality": "xa_tan_hung"}


def post(client: Any, *rows: dict[str, Any]) -> Any:
    body = json.dumps({"rows": list(rows)})
    return client.post("/api/v1/figures", body, content_type="application/json")


def review(client: Any, figure: Figure, name: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else b""
    return client.generic(
        "POST",
        f"/api/v1/figures/{figure.pk}/{name}",
        data,
        "application/json",
        HTTP_IF_MATCH=f'"v{figure.version}"',
    )


def errors(response: Any) -> list[tuple[int, str, str]]:
    return [(e["row"], e["field"], e["code"]) for e in json.loads(response.content)["errors"]]


@pytest.mark.parametrize("username", ["quantri", "tonghop"])
def test_administrator_and_planner_send_any_indicator_and_locality(api_client, username) -> None:
    response = post(api_client(username), GRDP_ROW, DOCTORS_ROW, COMMUNE_ROW)
    assert response.status_code == 200, response.content
    assert Figure.objects.count() == 3


def test_a_department_sends_only_its_indicators_in_its_localities(api_client, store) -> None:
    client = api_client("sokhdt")
    refused = post(client, GRDP_ROW, DOCTORS_ROW, COMMUNE_ROW)
    assert refused.status_code == 422
    assert errors(refused) == [(2, "indicator", "not_allowed"), (3, "indicator", "not_allowed")]
    message = json.loads(refused.content)["errors"][0]["message"]
    assert message == "bạn không được giao nhập chỉ tiêu xh.y_te.bac_si cho địa bàn hung_yen."
    assert not Figure.objects.exists()
    assert post(client, GRDP_ROW).status_code == 200


def test_the_health_department_sends_doctors_not_grdp(api_client, store) -> None:
    client = api_client("soyte")
    assert errors(post(client, GRDP_ROW)) == [(1, "indicator", "not_allowed")]
    assert post(client, DOCTORS_ROW).status_code == 200


def test_a_viewer_writes_nothing(api_client, store, user) -> None:
    client = api_client("xem")
    refused = post(client, GRDP_ROW)
    assert refused.status_code == 403 and json.loads(refused.content)["code"] == "read_only"
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None,
    )  # fmt: skip
    changed = client.patch(
        f"/api/v1/figures/{figure.pk}",
        json.dumps({"source": "x"}),
        content_type="application/json",
        HTTP_IF_MATCH='"v1"',
    )
    assert changed.status_code == 403
    for name in ("submit", "approve"):
        assert review(client, figure, name).status_code == 403
    assert review(client, figure, "return", {"reason": "x"}).status_code == 403
    assert Figure.objects.get().version == 1


@pytest.mark.parametrize(("username", "allowed"), [
    ("quantri", True), ("tonghop", True), ("sokhdt", False), ("soyte", False), ("xem", False),
])  # fmt: skip
def test_only_planner_and_administrator_approve_and_return(
    api_client, store, user, username, allowed
) -> None:
    figures = [
        submit_figure(
            record_figure(
                store["grdp"], store["province"], period, "uoc", Decimal("8"),
                actor=None, expected_version=None,
            ),
            actor=None,
        )
        for period in ("2026", "2027")
    ]  # fmt: skip
    client = api_client(username)
    approved = review(client, figures[0], "approve")
    returned = review(client, figures[1], "return", {"reason": "Thiếu nguồn"})
    expected = 200 if allowed else 403
    assert (approved.status_code, returned.status_code) == (expected, expected)
    if not allowed:
        assert json.loads(approved.content)["code"] == "not_planner"
        assert Figure.objects.filter(review_state="cho_duyet").count() == 2
    else:
        for figure in figures:
            assert FigureRevision.objects.filter(figure=figure).latest("version").actor == user(
                username
            )


def test_a_department_submits_only_its_own_figures(api_client, store) -> None:
    doctors = record_figure(
        store["doctors"], store["province"], "2026", "chinh_thuc", Decimal("16"),
        actor=None, expected_version=None,
    )  # fmt: skip
    refused = review(api_client("sokhdt"), doctors, "submit")
    assert refused.status_code == 403 and json.loads(refused.content)["code"] == "not_assigned"
    assert review(api_client("soyte"), doctors, "submit").status_code == 200


# -- a figure sent through the API is the same figure everywhere ---------------------------


def test_a_figure_sent_through_the_api_appears_in_the_dashboard_and_the_export(
    api_client, client, user
) -> None:
    assert post(api_client("soyte"), DOCTORS_ROW).status_code == 200
    client.force_login(user("tonghop"))
    page = client.get("/").content.decode()  # the planner's working view
    start = page.index('<tr data-code="xh.y_te.bac_si"')
    row = page[start : page.index("</tr>", start)]
    assert "<em>16 " in row and 'data-unapproved="true"' in row

    from chitieu.web.figures.exports import export_rows

    assert [
        "xh.y_te.bac_si", "hung_yen", "2026", "16", "chính thức", "bác sỹ/vạn dân", "", ""
    ] in list(export_rows())  # fmt: skip


def test_a_figure_sent_through_the_api_is_in_the_sdmx_file_read_by_sdmx1(api_client) -> None:
    import io

    import sdmx

    assert post(api_client("soyte"), DOCTORS_ROW).status_code == 200
    planner = api_client("tonghop")
    data = planner.get("/api/v1/exchange/figures?format=sdmx-csv&view=working").content
    structure = sdmx.read_sdmx(io.BytesIO(planner.get("/api/v1/exchange/structure").content))
    flow = next(iter(structure.dataflow.values()))
    message = sdmx.read_sdmx(io.BytesIO(data), format="CSV", structure=flow)
    observations = [
        (o.dimension["INDICATOR"].value, o.dimension["REF_AREA"].value, o.value)
        for o in message.data[0].obs
    ]
    assert ("xh-y_te-bac_si", "hung_yen", 16) in [(i, a, float(v)) for i, a, v in observations]
