"""Failed sign-ins are throttled per user name and per address (django-axes), in Vietnamese."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from chitieu.web.accounts.services import set_password

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dung-2026"


@pytest.fixture
def viewer(user: Callable[[str], Any]) -> Any:
    viewer = user("xem")
    set_password(viewer, PASSWORD, actor=viewer)
    return viewer


def _sign_in(client: Client, password: str, username: str = "xem") -> Any:
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_after_the_limit_even_the_right_password_is_refused_for_a_while(
    viewer: Any, client: Client
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "sai-mat-khau").status_code == 200  # the form again, with an error
    assert _sign_in(client, "sai-mat-khau").status_code == 429  # the last failure locks
    locked = _sign_in(client, PASSWORD)
    body = locked.content.decode()
    assert locked.status_code == 429 and "Tạm khoá đăng nhập" in body
    assert f"trong {settings.AXES_COOLOFF_TIME.seconds // 60} phút" in body
    assert "_auth_user_id" not in client.session


def test_the_right_password_before_the_limit_signs_in_and_resets_the_count(
    viewer: Any, client: Client
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "sai-mat-khau")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "sai-mat-khau")
    assert _sign_in(client, PASSWORD).status_code == 302


def test_one_address_trying_many_user_names_is_locked(viewer: Any, client: Client) -> None:
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "sai-mat-khau", username=f"khong-co-{n}")
    assert _sign_in(client, PASSWORD).status_code == 429


def test_sessions_end_after_a_working_day_without_activity() -> None:
    assert settings.SESSION_COOKIE_AGE <= 10 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST
