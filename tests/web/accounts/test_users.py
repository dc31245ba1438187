"""put_user: the one way the command line and a profile's demo users put a user in place."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from chitieu.profile.model import Role
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures


def test_the_role_words_are_those_a_profile_may_write() -> None:
    from chitieu.web.accounts.users import ROLES

    assert set(ROLES) == set(get_args(Role))


@pytest.mark.django_db
def test_a_user_is_created_then_given_a_new_role(store: dict[str, Any]) -> None:
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Role as StoredRole
    from chitieu.web.accounts.permissions import role_of
    from chitieu.web.accounts.users import put_user

    assert put_user("an", role=StoredRole.VIEWER, actor=None) == "Đã tạo người dùng an: Chỉ xem."
    done = put_user("an", role=StoredRole.DEPARTMENT, department="so_y_te", actor=None)
    assert done == "Đã đổi vai trò của người dùng an: Nhập liệu (sở, ngành), Sở Y tế."
    assert role_of(get_user_model().objects.get(username="an")) is StoredRole.DEPARTMENT
