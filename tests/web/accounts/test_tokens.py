"""API tokens on the users page: the administrator issues (the token shown once) and
revokes them, each change audited; nobody else may."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.web.audit.helpers import new_entries

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]
TOKEN = re.compile(r'<code class="token-text">(ctk_[\w-]+)</code>')


def _issue(client: Client, username: str, name: str = "Cục Thống kê") -> Any:
    return client.post("/nguoi-dung/ma-api/", {"token-user": username, "token-name": name})


def test_the_administrator_issues_a_token_shown_once_that_then_works(
    client: Client, user: UserFactory
) -> None:
    admin = user("quantri")
    user("tonghop")
    client.force_login(admin)
    with new_entries() as written:
        response = _issue(client, "tonghop")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    body = response.content.decode()
    (text,) = TOKEN.findall(body)
    assert "mã sẽ không được hiển thị lại" in body
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (admin, "cap_ma_api", "tonghop")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")
    assert api.get("/api/v1/plans").status_code == 200
    again = client.get("/nguoi-dung/").content.decode()
    assert text not in again and text[:10] + "…" in again


def test_a_token_needs_a_user_and_a_purpose(client: Client, user: UserFactory) -> None:
    from chitieu.web.api.models import ApiToken

    client.force_login(user("quantri"))
    response = _issue(client, "khong_co", name="")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Không có người dùng này." in body and "Ghi mã dùng cho việc gì." in body
    assert not ApiToken.objects.exists()


def test_the_administrator_revokes_a_token(client: Client, user: UserFactory) -> None:
    from chitieu.web.api.models import ApiToken

    admin = user("quantri")
    user("xem")
    client.force_login(admin)
    (text,) = TOKEN.findall(_issue(client, "xem").content.decode())
    token = ApiToken.objects.get()
    with new_entries() as written:
        response = client.post(f"/nguoi-dung/ma-api/{token.pk}/thu-hoi/")
    assert response.status_code == 302
    (entry,) = written
    assert entry.action == "thu_hoi_ma_api" and entry.actor == admin
    assert Client(HTTP_AUTHORIZATION=f"Bearer {text}").get("/api/v1/plans").status_code == 401
    assert "Đã thu hồi" in client.get("/nguoi-dung/").content.decode()


@pytest.mark.parametrize("username", ["tonghop", "sokhdt", "soyte", "xem"])
def test_no_one_else_issues_or_revokes(client: Client, user: UserFactory, username: str) -> None:
    from chitieu.web.api.models import ApiToken
    from chitieu.web.api.services import issue_token

    token, _ = issue_token(user("xem"), "có sẵn", actor=None)
    client.force_login(user(username))
    assert _issue(client, username).status_code == 403
    assert client.post(f"/nguoi-dung/ma-api/{token.pk}/thu-hoi/").status_code == 403
    assert ApiToken.objects.get().active and ApiToken.objects.count() == 1
