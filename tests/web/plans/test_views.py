"""The assignment page: the administrator changes who enters an indicator, the planner looks,
everyone else is refused; what nobody enters is listed and counted at the top."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]


def owners_of(code: str) -> list[str]:
    from chitieu.web.plans.models import Indicator

    found = Indicator.objects.get(code=code).department_set.values_list("code", flat=True)
    return sorted(found)


def test_the_planner_sees_every_indicator_and_what_is_unassigned_but_changes_nothing(
    client: Client, store: dict[str, Any], user: UserFactory
) -> None:
    from chitieu.web.plans.models import Indicator, Plan

    store["grdp"].department_set.clear()
    client.force_login(user("tonghop"))
    body = client.get("/phan-cong/").content.decode()
    plan = Plan.objects.get(kind="resolution")
    indicators = Indicator.objects.filter(plan=plan, active=True)
    assert len(indicators) > 1
    assert '<span data-testid="unassigned-count">1</span> chỉ tiêu' in body
    unassigned = body.split('id="chua-giao"', 1)[1].split("</section>", 1)[0]
    assert store["grdp"].code in unassigned and store["doctors"].code not in unassigned
    assert all(f'data-code="{i.code}"' in body for i in indicators)
    assert "Sở Y tế" in body and "Lưu phân công" not in body
    assert "Chỉ quản trị viên được đổi phân công." in body
    assert "được giữ nguyên khi áp dụng lại hồ sơ" in body


@pytest.mark.parametrize("username", ["sokhdt", "xem"])
def test_a_department_or_a_viewer_is_refused(
    client: Client, store: dict[str, Any], user: UserFactory, username: str
) -> None:
    client.force_login(user(username))
    assert client.get("/phan-cong/").status_code == 403


def test_the_administrator_reassigns_an_indicator_and_it_is_recorded(
    client: Client, store: dict[str, Any], user: UserFactory
) -> None:
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.plans.models import ManualAssignment

    admin = user("quantri")
    client.force_login(admin)
    doctors = store["doctors"]
    response = client.post(
        f"/phan-cong/{doctors.code}/",
        {"so_nganh": ["so_tai_chinh", "so_y_te"], "ke_hoach": doctors.plan.code},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?ke_hoach={doctors.plan.code}#ct-{doctors.pk}")
    assert owners_of(doctors.code) == ["so_tai_chinh", "so_y_te"]
    assert ManualAssignment.objects.get(indicator=doctors).by == admin
    entry = AuditEntry.objects.get(subject=doctors.code)
    assert entry.actor == admin and entry.changes["manual"] is True
    body = client.get(response["Location"]).content.decode()
    assert "Đã giao chỉ tiêu xh.y_te.bac_si cho Sở Tài chính, Sở Y tế." in body
    assert "Do quantri giao lúc" in body and "Trả về mặc định" in body


def test_the_administrator_hands_an_indicator_back_to_the_profile(
    client: Client, store: dict[str, Any], user: UserFactory
) -> None:
    from chitieu.web.plans.models import ManualAssignment

    client.force_login(user("quantri"))
    doctors = store["doctors"]
    client.post(f"/phan-cong/{doctors.code}/", {"so_nganh": []})
    assert owners_of(doctors.code) == []
    client.post(f"/phan-cong/{doctors.code}/", {"action": "restore"})
    assert not ManualAssignment.objects.exists()
    # the test departments have no rules: handing back keeps what a person left
    assert owners_of(doctors.code) == []


def test_the_planner_cannot_post_a_change(
    client: Client, store: dict[str, Any], user: UserFactory
) -> None:
    client.force_login(user("tonghop"))
    response = client.post(f"/phan-cong/{store['doctors'].code}/", {"so_nganh": ["so_tai_chinh"]})
    assert response.status_code == 403
    assert owners_of(store["doctors"].code) == ["so_y_te"]


def test_an_unknown_department_changes_nothing(
    client: Client, store: dict[str, Any], user: UserFactory
) -> None:
    client.force_login(user("quantri"))
    response = client.post(f"/phan-cong/{store['doctors'].code}/", {"so_nganh": ["so_khong_co"]})
    assert response.status_code == 404
    assert owners_of(store["doctors"].code) == ["so_y_te"]
