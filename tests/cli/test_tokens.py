"""`chitieu tokens`: issue (shown once), list, revoke by prefix, through api.services."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, ["tokens", *args])


def _issued_text(output: str) -> str:
    (text,) = [line for line in output.splitlines() if line.startswith("ctk_")]
    return text


def test_an_issued_token_is_printed_once_and_works(store: dict[str, Any], user: Any) -> None:
    from chitieu.web.api.models import ApiToken
    from chitieu.web.api.services import user_for_token

    user("tonghop")
    result = invoke("issue", "tonghop", "--name", "Cục Thống kê")
    assert result.exit_code == 0, result.output
    text = _issued_text(result.output)
    assert "không được hiển thị lại" in result.output
    assert user_for_token(text).username == "tonghop"
    stored = ApiToken.objects.get()
    assert stored.name == "Cục Thống kê" and text not in (stored.digest, stored.prefix)


def test_a_non_administrator_may_not_issue(store: dict[str, Any], user: Any) -> None:
    from chitieu.web.api.models import ApiToken

    user("tonghop")
    result = invoke("issue", "tonghop", "--name", "x", "--user", "tonghop")
    assert result.exit_code == 1 and not ApiToken.objects.exists()


def test_an_unknown_user_is_refused(store: dict[str, Any]) -> None:
    result = invoke("issue", "khong_co", "--name", "x")
    assert result.exit_code == 1 and "Không có người dùng “khong_co”" in result.output


def test_list_then_revoke_by_the_prefix_shown(store: dict[str, Any], user: Any) -> None:
    from chitieu.web.api.services import user_for_token

    user("xem")
    text = _issued_text(invoke("issue", "xem", "--name", "Báo cáo tỉnh").output)
    listed = invoke("list")
    assert listed.exit_code == 0
    (line,) = listed.output.splitlines()
    assert line.startswith(text[:10] + "…") and "xem" in line and "còn hiệu lực" in line
    user("quantri")
    revoked = invoke("revoke", text[:10], "--user", "quantri")
    assert revoked.exit_code == 0, revoked.output
    assert "Đã thu hồi" in revoked.output and user_for_token(text) is None
    assert "đã thu hồi" in invoke("list").output
    assert invoke("list", "--active").output.strip() == "Chưa có mã truy cập API nào."


def test_revoking_an_unknown_prefix_says_so(store: dict[str, Any]) -> None:
    result = invoke("revoke", "ctk_khongco")
    assert result.exit_code == 1 and "Không có mã truy cập nào" in result.output
