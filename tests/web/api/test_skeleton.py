"""The API answers with a token, refuses without one as an RFC 9457 problem, and documents itself."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def test_a_token_reads_the_plans(api_client, store) -> None:
    response = api_client("xem").get("/api/v1/plans")
    assert response.status_code == 200
    assert [plan["code"] for plan in response.json()]


def test_without_a_token_the_answer_is_a_problem(client, store) -> None:
    response = client.get("/api/v1/plans")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == 401 and body["code"] == "unauthenticated"
    assert body["type"].endswith("/unauthenticated")


def test_a_revoked_token_is_refused(api_client, store) -> None:
    from chitieu.web.api.models import ApiToken
    from chitieu.web.api.services import revoke_token

    client = api_client("tonghop")
    revoke_token(ApiToken.objects.get(), actor=None)
    assert client.get("/api/v1/plans").status_code == 401


def test_only_the_digest_is_stored(api_client, store) -> None:
    from chitieu.web.api.models import ApiToken

    client = api_client("tonghop")
    stored = ApiToken.objects.get()
    assert client.token not in (stored.digest, stored.prefix) and len(stored.digest) == 64


def test_the_openapi_document_is_served(client, store) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/plans" in document["paths"]


def test_vietnamese_letters_are_sent_as_they_are(api_client, store) -> None:
    body = api_client("xem").get("/api/v1/plans").content.decode("utf-8")
    names = [plan["name"] for plan in json.loads(body)]
    assert any(ord(ch) > 127 for name in names for ch in name)
    assert "\\u" not in body and all(name in body for name in names)
