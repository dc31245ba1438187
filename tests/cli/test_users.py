"""`chitieu users add`: a user with a role, through accounts.services."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures


def invoke(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, ["users", "add", *args], input=stdin)


def test_a_planner_is_created_with_a_password_from_stdin(store: dict[str, Any]) -> None:
    from django.contrib.auth import authenticate

    from chitieu.web.accounts.permissions import role_of

    result = invoke("tonghop2", "--role", "planner", "--password-stdin", stdin="mat-khau-so-1\n")
    assert result.exit_code == 0, result.output
    assert "Đã tạo người dùng tonghop2: Tổng hợp." in result.output
    found = authenticate(username="tonghop2", password="mat-khau-so-1")
    assert found is not None and role_of(found).value == "tong_hop"  # type: ignore[union-attr]


def test_a_department_user_belongs_to_its_department(store: dict[str, Any]) -> None:
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.permissions import department_of

    result = invoke("yte2", "--role", "department", "--department", "so_y_te")
    assert result.exit_code == 0, result.output
    department = department_of(get_user_model().objects.get(username="yte2"))
    assert department is not None and department.code == "so_y_te"


def test_a_department_user_needs_a_department(store: dict[str, Any]) -> None:
    result = invoke("yte3", "--role", "department")
    assert result.exit_code == 1 and "cần chọn sở, ngành" in result.output


def test_an_unknown_department_is_refused(store: dict[str, Any]) -> None:
    result = invoke("yte3", "--role", "department", "--department", "so_khong_co")
    assert result.exit_code == 1 and "Không có sở, ngành mã “so_khong_co”" in result.output


def test_an_existing_user_gets_the_new_role(store: dict[str, Any], user: Any) -> None:
    from chitieu.web.accounts.permissions import role_of

    user("xem")
    result = invoke("xem", "--role", "planner")
    assert result.exit_code == 0 and "Đã đổi vai trò của người dùng xem" in result.output
    assert role_of(user("xem")).value == "tong_hop"  # type: ignore[union-attr]


def test_only_an_administrator_adds_users(store: dict[str, Any], user: Any) -> None:
    user("tonghop")
    result = invoke("moi", "--role", "viewer", "--user", "tonghop")
    assert result.exit_code == 1 and "không có quyền quản trị" in result.output


def test_a_new_password_for_an_existing_user_goes_through_the_service(
    store: dict[str, Any], user: Any
) -> None:
    """The command only parses and prints: the role and the password change are audited."""
    from django.contrib.auth import authenticate

    from tests.web.audit.helpers import new_entries

    user("xem")
    with new_entries() as written:
        result = invoke("xem", "--role", "planner", "--password-stdin", stdin="mat-khau-so-2\n")
    assert result.exit_code == 0, result.output
    assert [e.action for e in written] == ["doi_vai_tro", "doi_mat_khau"]
    assert authenticate(username="xem", password="mat-khau-so-2") is not None


def test_a_weak_password_is_refused_with_its_reason(store: dict[str, Any]) -> None:
    from django.contrib.auth import get_user_model

    result = invoke("xem2", "--role", "viewer", "--password-stdin", stdin="1\n")
    assert result.exit_code != 0
    assert "cần ít nhất 10 ký tự" in result.output and "Traceback" not in result.output
    assert not get_user_model().objects.filter(username="xem2").exists()


def test_the_demo_refuses_to_run_in_production(tmp_path: Any) -> None:
    database = tmp_path / "that.sqlite3"
    database.write_bytes(b"du lieu that")
    result = CliRunner().invoke(
        main, ["demo", "--no-serve", "--db", str(database)], env={"CHITIEU_PRODUCTION": "1"}
    )
    assert result.exit_code != 0 and "CHITIEU_PRODUCTION=1" in result.output
    assert database.read_bytes() == b"du lieu that"  # refused before touching anything
