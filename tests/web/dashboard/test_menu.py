"""The main menu (base.html): each role sees the links of what it may do; the current
section is marked with aria-current="page"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

LINKS = {
    "Tổng quan": "/",
    "Nhiệm vụ": "/nhiem-vu/",
    "Nhập liệu": "/nhap-lieu/",
    "Duyệt số liệu": "/nhap-lieu/duyet/",
    "Nhập tệp Excel": "/nhap-lieu/nhap-tep/",
    "Phân công": "/phan-cong/",
    "Người dùng": "/nguoi-dung/",
    "Quản trị": "/admin/",
    "Nhật ký thay đổi": "/admin/audit/auditentry/",
}
ROLE_LINKS = {
    "quantri": set(LINKS),
    "tonghop": set(LINKS) - {"Người dùng", "Quản trị", "Nhật ký thay đổi"},
    "sokhdt": {"Tổng quan", "Nhiệm vụ", "Nhập liệu", "Nhập tệp Excel"},
    "xem": {"Tổng quan", "Nhiệm vụ"},
}
_MENU_LINK = re.compile(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>')


def _menu(client: Any, path: str) -> dict[str, tuple[str, bool]]:
    """name -> (href, current) of the main menu's links on the page at `path`."""
    body = client.get(path).content.decode()
    nav = body.split('aria-label="Điều hướng chính"', 1)[1].split("</nav>", 1)[0]
    return {name: (href, bool(current)) for href, current, name in _MENU_LINK.findall(nav)}


@pytest.mark.parametrize(("username", "expected"), ROLE_LINKS.items())
def test_each_role_sees_the_links_of_what_it_may_do(
    client: Any, user: Callable[[str], Any], username: str, expected: set[str]
) -> None:
    client.force_login(user(username))
    menu = _menu(client, "/")
    assert {name for name in menu if name in LINKS} == expected
    assert all(menu[name][0] == LINKS[name] for name in expected)


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", "Tổng quan"),
        ("/nhiem-vu/", "Nhiệm vụ"),
        ("/nhap-lieu/", "Nhập liệu"),
        ("/nhap-lieu/duyet/", "Duyệt số liệu"),
        ("/nhap-lieu/nhap-tep/", "Nhập tệp Excel"),
        ("/phan-cong/", "Phân công"),
    ],
)
def test_the_current_section_alone_is_marked(
    client: Any, user: Callable[[str], Any], path: str, current: str
) -> None:
    client.force_login(user("tonghop"))
    menu = _menu(client, path)
    assert [name for name, (_, marked) in menu.items() if marked] == [current]
