"""The users page: the administrator lists, adds, locks users and sets role, department and
password from the web, each change audited as `chitieu users` does; nobody else gets in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import Client

from tests.web.audit.helpers import new_entries

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]


def test_the_administrator_sees_every_user_with_role_and_department(
    client: Client, user: UserFactory
) -> None:
    for name in ("quantri", "tonghop", "soyte", "xem"):
        user(name)
    client.force_login(user("quantri"))
    response = client.get("/nguoi-dung/")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("quantri", "tonghop", "soyte", "xem"):
        assert f'data-username="{name}"' in body
    assert "Nhập liệu (sở, ngành)" in body and "Sở Y tế" in body


@pytest.mark.parametrize("username", ["tonghop", "soyte", "xem"])
def test_no_one_else_opens_the_users_page(client: Client, user: UserFactory, username: str) -> None:
    client.force_login(user(username))
    assert client.get("/nguoi-dung/").status_code == 403
    assert client.post("/nguoi-dung/", {"new-username": "x"}).status_code == 403


def test_the_administrator_adds_a_department_user_who_can_then_sign_in(
    client: Client, user: UserFactory
) -> None:
    admin = user("quantri")
    client.force_login(admin)
    form = {
        "new-username": "soyte2",
        "new-role": "nhap_lieu",
        "new-department": "so_y_te",
        "new-password": "mat-khau-moi",
    }
    with new_entries() as written:
        response = client.post("/nguoi-dung/", form)
    assert response.status_code == 302
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (admin, "tao_nguoi_dung", "soyte2")
    created = authenticate(username="soyte2", password="mat-khau-moi")
    assert created is not None and created.profile.department.code == "so_y_te"
    assert "Đã tạo người dùng soyte2" in client.get("/nguoi-dung/").content.decode()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"new-username": "moi", "new-role": "nhap_lieu", "new-password": "12345678"},
         "Vai trò nhập liệu cần chọn sở, ngành phụ trách."),
        ({"new-username": "xem", "new-role": "xem", "new-password": "12345678"},
         "Đã có người dùng “xem”."),
        ({"new-username": "moi", "new-role": "xem", "new-password": "123"},
         "Mật khẩu cần ít nhất 10 ký tự."),
        ({"new-username": "co dau cach", "new-role": "xem", "new-password": "12345678"},
         "Tên đăng nhập chỉ gồm chữ, số"),
    ],
)  # fmt: skip
def test_a_wrong_new_user_is_refused_beside_its_field_and_changes_nothing(
    client: Client, user: UserFactory, form: dict[str, str], message: str
) -> None:
    user("xem")
    client.force_login(user("quantri"))
    users = get_user_model().objects.count()
    with new_entries() as written:
        response = client.post("/nguoi-dung/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert written == [] and get_user_model().objects.count() == users


def test_the_administrator_changes_role_department_password_and_locks_a_user(
    client: Client, user: UserFactory
) -> None:
    admin, viewer = user("quantri"), user("xem")
    client.force_login(admin)
    form = {
        f"u{viewer.pk}-role": "nhap_lieu",
        f"u{viewer.pk}-department": "so_tai_chinh",
        f"u{viewer.pk}-password": "mat-khau-moi",
    }  # "active" unticked: locked
    with new_entries() as written:
        response = client.post(f"/nguoi-dung/{viewer.pk}/", form)
    assert response.status_code == 302
    assert [(e.action, e.actor) for e in written] == [
        ("doi_vai_tro", admin),
        ("khoa_mo_nguoi_dung", admin),
        ("doi_mat_khau", admin),
    ]
    viewer.refresh_from_db()
    assert (viewer.profile.role, viewer.profile.department.code) == ("nhap_lieu", "so_tai_chinh")
    assert not viewer.is_active
    assert authenticate(username="xem", password="mat-khau-moi") is None  # locked
    body = client.get("/nguoi-dung/").content.decode()
    assert "Đã lưu người dùng xem: Nhập liệu (sở, ngành), Sở Tài chính, đã khoá." in body


def test_the_administrator_cannot_lock_themself_out_from_the_page(
    client: Client, user: UserFactory
) -> None:
    admin = user("quantri")
    client.force_login(admin)
    with new_entries() as written:
        response = client.post(f"/nguoi-dung/{admin.pk}/", {f"u{admin.pk}-role": "tong_hop"})
    assert response.status_code == 400
    assert "Không thể tự khoá tài khoản của chính mình." in response.content.decode()
    admin.refresh_from_db()
    assert written == [] and admin.is_active and admin.profile.role == "quan_tri"


def test_the_admin_user_pages_lead_to_the_users_page(client: Client, user: UserFactory) -> None:
    admin = user("quantri")
    client.force_login(admin)
    index = client.get("/admin/").content.decode()
    assert "/admin/auth/user/" in index, "the admin index offers users"
    response = client.get("/admin/auth/user/")
    assert (response.status_code, response["Location"]) == (302, "/nguoi-dung/")
    change = client.get(f"/admin/auth/user/{admin.pk}/change/")
    assert change["Location"] == f"/nguoi-dung/#nguoi-dung-{admin.pk}"
    client.force_login(user("tonghop"))
    assert client.get("/admin/auth/user/")["Location"].startswith("/admin/login/")
