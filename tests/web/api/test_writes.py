"""Sending figures through the API: the import's checks and messages, all or nothing, history."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Action, Figure, FigureRevision

pytestmark = pytest.mark.django_db

GRDP = "kt.grdp.tang_truong"
DOCTORS = "xh.y_te.bac_si"


def row(indicator: str = GRDP, **fields: Any) -> dict[str, Any]:
    base = {"indicator": indicator, "locality": "hung_yen", "period": "2026", "status": "ước"}
    return {**base, "value": "8,1", **fields}


def post(client: Any, rows: list[dict[str, Any]], **options: Any) -> Any:
    body = json.dumps({"rows": rows, **options})
    return client.post("/api/v1/figures", body, content_type="application/json")


def problem(response: Any) -> dict[str, Any]:
    assert response["Content-Type"] == "application/problem+json"
    return dict(json.loads(response.content))


def test_many_rows_are_written_with_their_ids_etags_and_history(api_client, user) -> None:
    rows = [
        row(),
        row(period="2026-Q1", value="7,2"),
        row(DOCTORS, value="11,5", status="chính thức"),
    ]
    response = post(api_client("tonghop"), rows)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["updated"], body["written"]) == (3, 0, True)
    grdp = Figure.objects.get(indicator__code=GRDP, period="2026")
    assert grdp.value == Decimal("8.1") and grdp.source_text == "8,1"
    first = body["figures"][0]
    assert (first["row"], first["id"], first["etag"]) == (1, grdp.pk, '"v1"')
    revision = FigureRevision.objects.get(figure=grdp)
    assert revision.action == Action.CREATE and revision.actor == user("tonghop")
    assert revision.reason == "Nhập qua API, dòng 1"


def test_one_bad_row_among_good_ones_writes_nothing_and_names_its_row_and_field(
    api_client, store
) -> None:
    rows = [row(), row(period="2026-Q1"), row(value="tám"), row(locality="xa_khong_co")]
    response = post(api_client("tonghop"), rows)
    assert response.status_code == 422
    body = problem(response)
    assert body["code"] == "import_rejected"
    places = [(e["row"], e["field"], e["code"]) for e in body["errors"]]
    assert places == [(3, "value", "not_a_number"), (4, "locality", "unknown_locality")]
    assert body["errors"][1]["message"] == "không có địa bàn mã “xa_khong_co”."
    assert not Figure.objects.exists()


@pytest.mark.parametrize(
    ("fields", "code", "field", "message"),
    [
        ({"value": "328,096"}, "ambiguous", "value", "“328,096” đọc được hai cách"),
        ({"period": "2035"}, "period_outside_plan", "period", "kỳ 2035 nằm ngoài thời kỳ"),
        ({"period": "2026-Q5"}, "bad_period", "period", ""),
        ({"status": "dự kiến"}, "bad_status", "status", ""),
        ({"unit": "tỷ đồng"}, "unit_mismatch", "unit", "đơn vị “tỷ đồng” khác đơn vị"),
        ({"indicator": "kt.khong_co"}, "unknown_indicator", "indicator", "không có chỉ tiêu"),
        ({"value": "-150", "period": "2027"}, "below_minimum", "value", "-150 nhỏ hơn mức thấp"),
        ({"value": ""}, "missing_value", "value", "thiếu giá trị."),
        ({"indicator": ""}, "missing", "indicator", "thiếu mã chỉ tiêu."),
    ],
)
def test_each_check_of_the_import_answers_with_its_code_place_and_message(
    api_client, store, fields, code, field, message
) -> None:
    response = post(api_client("tonghop"), [row(period="2026-Q1"), row(**fields)])
    (error,) = problem(response)["errors"]
    assert (error["code"], error["row"], error["field"]) == (code, 2, field)
    assert message in error["message"]
    assert not Figure.objects.exists()


def test_a_repeated_row_is_reported_with_the_first_one(api_client, store) -> None:
    (error,) = problem(post(api_client("tonghop"), [row(), row(value="8,2")]))["errors"]
    assert (error["code"], error["row"]) == ("duplicate", 2) and "dòng 1" in error["message"]


def test_a_json_number_is_read_exactly_not_through_a_float(api_client, store) -> None:
    """A float keeps about 17 significant digits: 8.100000000000000000001 would become 8.1."""
    template = (
        '{"rows": [{"indicator": "GRDP", "locality": "hung_yen", "period": 2026,'
        ' "status": "uoc", "value": NUMBER}], "confirm_warnings": "kiểm thử"}'
    ).replace("GRDP", GRDP)
    client = api_client("tonghop")

    def send(number: str) -> Any:
        body = template.replace("NUMBER", number)
        return client.post("/api/v1/figures", body, content_type="application/json")

    (error,) = problem(send("8.100000000000000000001"))["errors"]
    assert error["code"] == "beyond_store_decimals", "a float would have read 8.1 silently"
    assert send("9876543210987.65").status_code == 200
    # 15 significant digits (the most the store keeps exactly on both databases), 2 decimals
    # (the most a percentage is written with).
    stored = Figure.objects.get()
    assert (stored.value, stored.source_text) == (Decimal("9876543210987.65"), "9876543210987.65")


def test_a_dry_run_says_what_would_change_and_writes_nothing(api_client, store) -> None:
    client = api_client("tonghop")
    post(client, [row()])
    response = post(client, [row(value="8,3"), row(period="2026-Q1")], dry_run=True)
    body = response.json()
    assert (body["dry_run"], body["written"], body["created"], body["updated"]) == (
        True,
        False,
        1,
        1,
    )
    assert [f["action"] for f in body["figures"]] == ["update", "create"]
    assert body["figures"][1]["id"] is None
    assert Figure.objects.get().value == Decimal("8.1")
    assert FigureRevision.objects.count() == 1, "a dry run leaves no history"


def test_a_changed_row_updates_the_figure_with_the_senders_history_row(api_client, user) -> None:
    post(api_client("tonghop"), [row()])
    response = post(api_client("sokhdt"), [row(value="8,4", source="Cục Thống kê")])
    body = response.json()
    assert (body["created"], body["updated"]) == (0, 1)
    figure = Figure.objects.get()
    assert body["figures"][0]["etag"] == '"v2"' and figure.value == Decimal("8.4")
    revision = FigureRevision.objects.get(figure=figure, version=2)
    assert (revision.action, revision.actor, revision.old_value, revision.reason) == (
        Action.UPDATE, user("sokhdt"), Decimal("8.1"), "Nhập qua API, dòng 1"
    )  # fmt: skip
    again = post(api_client("sokhdt"), [row(value="8,4", source="Cục Thống kê")]).json()
    assert again["unchanged"] == 1 and FigureRevision.objects.count() == 2


def test_unusual_values_wait_for_a_confirming_note(api_client, store) -> None:
    client = api_client("tonghop")
    rows = [row(period="2025", status="chính thức"), row(value="162")]
    response = post(client, rows)
    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "warnings_unconfirmed"
    (warning,) = body["errors"]
    assert (warning["code"], warning["row"], warning["field"]) == ("jump_from_last", 2, "value")
    assert "gấp 20 lần số liệu kỳ trước" in warning["message"]
    assert not Figure.objects.exists()
    confirmed = post(client, rows, confirm_warnings="Đã kiểm tra với Cục Thống kê")
    assert confirmed.status_code == 200 and len(confirmed.json()["warnings"]) == 1
    reason = FigureRevision.objects.get(figure__period="2026").reason
    assert (
        reason == "Nhập qua API, dòng 2. Xác nhận số liệu bất thường: Đã kiểm tra với Cục Thống kê"
    )


def test_a_locked_figure_is_refused_with_why(api_client, store) -> None:
    department, client = api_client("sokhdt"), api_client("tonghop")
    post(department, [row()])
    figure = Figure.objects.get()
    sent = department.generic(
        "POST", f"/api/v1/figures/{figure.pk}/submit", b"", HTTP_IF_MATCH='"v1"'
    )
    assert sent.status_code == 200
    approved = client.generic(
        "POST", f"/api/v1/figures/{figure.pk}/approve", b"", HTTP_IF_MATCH=sent["ETag"]
    )
    assert approved.status_code == 200
    (error,) = problem(post(client, [row(value="9")]))["errors"]
    assert error["code"] == "locked" and "duyệt" in error["message"]


def test_a_nul_character_is_refused_before_the_database(api_client, store) -> None:
    response = post(api_client("tonghop"), [row(note="a\x00b")])
    assert response.status_code == 422 and problem(response)["code"] == "invalid_request"
    assert not Figure.objects.exists()


def test_an_unforeseen_error_is_a_422_file_unreadable_and_writes_nothing(
    api_client: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import boundary (web/figures/import_guard.py) on the API's path."""
    from chitieu.web.figures import imports
    from chitieu.web.figures.models import FigureRevision

    real = imports._write

    def write_then_fail(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr(imports, "_write", write_then_fail)
    response = post(api_client("tonghop"), [row()])
    assert response.status_code == 422
    assert problem(response)["errors"][0]["code"] == "file_unreadable"
    assert not Figure.objects.exists() and not FigureRevision.objects.exists()


def test_a_body_over_the_size_limit_is_a_413_problem(api_client, store, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    response = post(api_client("tonghop"), [row(note="x" * 100) for _ in range(30)])
    assert response.status_code == 413
    body = problem(response)
    assert body["type"].endswith("request_too_large") and "2.000 byte" in body["detail"]
    assert Figure.objects.count() == 0
