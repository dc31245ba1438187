"""The localities CSV: any order, every problem reported, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.plans.localities import LocalityFileError, load_localities, read_localities
from chitieu.web.plans.models import Locality

pytestmark = pytest.mark.django_db

HEADER = "code,name,parent_code,kind"


def rows(*lines: str) -> Any:
    return read_localities("\n".join([HEADER, *lines]).encode(), name="dia_ban.csv")


def test_children_may_come_before_their_parent(db: Any) -> None:
    load_localities(
        rows("phuong_hien_nam,Phường Hiến Nam,hung_yen,phường", "hung_yen,Tỉnh Hưng Yên,,tinh"),
        actor=None,
    )
    ward = Locality.objects.get(code="phuong_hien_nam")
    assert (ward.kind, ward.parent.code) == ("phuong", "hung_yen")  # type: ignore[union-attr]


def test_a_parent_already_stored_is_accepted(store: dict[str, Any]) -> None:
    created, _ = load_localities(rows("xa_moi,Xã Mới,hung_yen,xa"), actor=None)
    assert created == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("xa_a,Xã A,khong_co,xa", "không có địa bàn cha"),
        ("xa_a,Xã A,,thon", "loại “thon” không hợp lệ"),
        ("xa_a,,,xa", "thiếu mã hoặc tên"),
        ("xa_a,Xã A,xa_a,xa", "vòng lặp"),
    ],
)
def test_a_bad_row_is_reported_with_its_line(db: Any, line: str, message: str) -> None:
    with pytest.raises(LocalityFileError) as caught:
        rows("hung_yen,Tỉnh Hưng Yên,,tinh", line)
    (problem,) = caught.value.problems
    assert problem.startswith("dòng 3:") and message in problem


def test_a_repeated_code_is_reported(db: Any) -> None:
    with pytest.raises(LocalityFileError, match="lặp lại"):
        rows("hung_yen,Tỉnh Hưng Yên,,tinh", "hung_yen,Hưng Yên,,tinh")


@pytest.mark.parametrize("username", ["tonghop", "sokhdt", "xem"])
def test_only_the_administrator_loads_localities(
    store: dict[str, Any], user: Callable[[str], Any], username: str
) -> None:
    with pytest.raises(PermissionDenied):
        load_localities(rows("xa_moi,Xã Mới,hung_yen,xa"), actor=user(username))
    assert not Locality.objects.filter(code="xa_moi").exists()
