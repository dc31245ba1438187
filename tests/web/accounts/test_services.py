"""Users, roles and passwords: each change writes one audit entry, a refused one none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import authenticate

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, role_of
from chitieu.web.accounts.services import (
    AccountError,
    create_user,
    set_active,
    set_password,
    set_role,
)
from chitieu.web.plans.models import Department
from tests.web.audit.helpers import new_entries

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]


def test_creating_a_user_is_recorded(store: dict[str, Any], user: UserFactory) -> None:
    admin = user("quantri")
    health = Department.objects.get(code="so_y_te")
    with new_entries() as written:
        create_user("yte2", role=Role.DEPARTMENT, department=health, actor=admin)
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (admin, "tao_nguoi_dung", "yte2")
    assert entry.changes == {"role": "nhap_lieu", "department": "so_y_te"}
    assert entry.summary == "Tạo người dùng yte2 với vai trò Nhập liệu (sở, ngành), Sở Y tế."


def test_a_role_change_records_old_and_new_role_and_department(
    store: dict[str, Any], user: UserFactory
) -> None:
    admin, viewer = user("quantri"), user("xem")
    with new_entries() as written:
        set_role(
            viewer,
            role=Role.DEPARTMENT,
            department=Department.objects.get(code="so_tai_chinh"),
            actor=admin,
        )
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (admin, "doi_vai_tro", "xem")
    assert entry.changes == {"role": ["xem", "nhap_lieu"], "department": [None, "so_tai_chinh"]}
    assert "từ Chỉ xem sang Nhập liệu (sở, ngành), Sở Tài chính" in entry.summary


def test_a_role_given_again_unchanged_writes_nothing(
    store: dict[str, Any], user: UserFactory
) -> None:
    viewer, admin = user("xem"), user("quantri")
    with new_entries() as written:
        set_role(viewer, role=Role.VIEWER, actor=admin)
    assert written == []


def test_a_refused_role_writes_nothing(store: dict[str, Any], user: UserFactory) -> None:
    """The check fails inside the transaction: no role change, no entry."""
    viewer, admin = user("xem"), user("quantri")
    with new_entries() as written, pytest.raises(AccountError):
        set_role(viewer, role=Role.DEPARTMENT, actor=admin)
    assert written == [] and role_of(viewer) is Role.VIEWER


def test_only_the_administrator_changes_roles(store: dict[str, Any], user: UserFactory) -> None:
    viewer, planner = user("xem"), user("tonghop")
    with new_entries() as written, pytest.raises(PermissionDenied):
        set_role(viewer, role=Role.ADMIN, actor=planner)
    assert written == []


def test_a_password_change_is_recorded_without_the_password(
    store: dict[str, Any], user: UserFactory
) -> None:
    admin, viewer = user("quantri"), user("xem")
    with new_entries() as written:
        set_password(viewer, "mat-khau-moi", actor=admin)
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject, entry.changes) == (
        admin,
        "doi_mat_khau",
        "xem",
        {},
    )
    assert "mat-khau-moi" not in entry.summary
    assert authenticate(username="xem", password="mat-khau-moi") == viewer


def test_a_user_changes_their_own_password(store: dict[str, Any], user: UserFactory) -> None:
    viewer = user("xem")
    with new_entries() as written:
        set_password(viewer, "cua-toi-rieng-2026", actor=viewer)
    assert [e.actor for e in written] == [viewer]


def test_no_one_else_changes_a_password(store: dict[str, Any], user: UserFactory) -> None:
    viewer, planner = user("xem"), user("tonghop")
    with new_entries() as written, pytest.raises(PermissionDenied):
        set_password(viewer, "cua-nguoi-khac", actor=planner)
    assert written == [] and authenticate(username="xem", password="cua-nguoi-khac") is None


def test_an_empty_password_is_refused(store: dict[str, Any], user: UserFactory) -> None:
    viewer = user("xem")
    with new_entries() as written, pytest.raises(AccountError, match="không được để trống"):
        set_password(viewer, "", actor=None)
    assert written == []


def test_locking_a_user_out_is_recorded_and_stops_the_sign_in(
    store: dict[str, Any], user: UserFactory
) -> None:
    admin, viewer = user("quantri"), user("xem")
    set_password(viewer, "mat-khau-xem", actor=admin)
    with new_entries() as written:
        set_active(viewer, False, actor=admin)
        set_active(viewer, False, actor=admin)  # unchanged: no second entry
    (entry,) = written
    assert (entry.actor, entry.action, entry.subject) == (admin, "khoa_mo_nguoi_dung", "xem")
    assert (entry.summary, entry.changes) == ("Khoá người dùng xem.", {"active": [True, False]})
    assert authenticate(username="xem", password="mat-khau-xem") is None
    set_active(viewer, True, actor=admin)
    assert authenticate(username="xem", password="mat-khau-xem") == viewer


def test_an_administrator_cannot_lock_themself_out(
    store: dict[str, Any], user: UserFactory
) -> None:
    admin = user("quantri")
    with new_entries() as written, pytest.raises(AccountError, match="tự khoá"):
        set_active(admin, False, actor=admin)
    assert written == [] and admin.is_active


def test_only_the_administrator_locks_users(store: dict[str, Any], user: UserFactory) -> None:
    with pytest.raises(PermissionDenied):
        set_active(user("xem"), False, actor=user("tonghop"))
