"""Passwords: Django's validators on the web and the CLI, and a temporary password is changed
at the next sign-in before anything else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from chitieu.web.accounts.models import Profile, Role
from chitieu.web.accounts.services import AccountError, create_user, set_password

pytestmark = pytest.mark.django_db

TEMPORARY = "tam-thoi-2026-xyz"
OWN = "cua-rieng-toi-2026"


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("1", "cần ít nhất 10 ký tự"),
        ("a", "cần ít nhất 10 ký tự"),
        ("password123", "quá phổ biến"),
        ("1234567890123", "chỉ gồm chữ số"),
        ("nguoidung-moi", "quá giống tên đăng nhập"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(
    store: dict[str, Any], password: str, reason: str
) -> None:
    with pytest.raises(AccountError, match=reason):
        create_user("nguoidung-moi", role=Role.VIEWER, password=password, actor=None)


def test_a_password_set_by_the_administrator_must_be_changed_first(
    store: dict[str, Any], user: Callable[[str], Any], client: Client
) -> None:
    viewer = user("xem")
    set_password(viewer, TEMPORARY, actor=user("quantri"))
    assert Profile.objects.get(user=viewer).must_change_password
    client.post("/accounts/login/", {"username": "xem", "password": TEMPORARY})
    dashboard = client.get("/")
    assert dashboard.status_code == 302 and dashboard["Location"].startswith(
        "/nguoi-dung/doi-mat-khau/"
    )
    page = client.get(dashboard["Location"])
    assert "mật khẩu tạm thời" in page.content.decode()
    weak = client.post(
        "/nguoi-dung/doi-mat-khau/",
        {"old_password": TEMPORARY, "new_password1": "1", "new_password2": "1", "next": "/"},
    )
    assert weak.status_code == 400 and "cần ít nhất 10 ký tự" in weak.content.decode()
    done = client.post(
        "/nguoi-dung/doi-mat-khau/",
        {"old_password": TEMPORARY, "new_password1": OWN, "new_password2": OWN, "next": "/"},
    )
    assert done.status_code == 302 and done["Location"] == "/"
    assert not Profile.objects.get(user=viewer).must_change_password
    assert client.get("/").status_code == 200  # still signed in, no longer sent away


def test_a_new_user_with_a_password_changes_it_but_the_demo_users_do_not(
    store: dict[str, Any],
) -> None:
    created = create_user("canbo-moi", role=Role.VIEWER, password=TEMPORARY, actor=None)
    demo = create_user(
        "demo-xem", role=Role.VIEWER, password=TEMPORARY, temporary=False, actor=None
    )
    assert Profile.objects.get(user=created).must_change_password
    assert not Profile.objects.get(user=demo).must_change_password


def test_the_change_page_refuses_an_outside_next_address(
    store: dict[str, Any], user: Callable[[str], Any], client: Client
) -> None:
    viewer = user("xem")
    set_password(viewer, TEMPORARY, actor=viewer)
    client.force_login(viewer)
    done = client.post(
        "/nguoi-dung/doi-mat-khau/",
        {"old_password": TEMPORARY, "new_password1": OWN, "new_password2": OWN,
         "next": "https://ke-xau.invalid/"},
    )  # fmt: skip
    assert done["Location"] == "/"
