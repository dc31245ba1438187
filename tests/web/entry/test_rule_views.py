"""The planner's rule pages: the rule in force with where it comes from, and editing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from chitieu.web.audit.models import AuditAction, AuditEntry
from chitieu.web.plans.models import Indicator

pytestmark = pytest.mark.django_db

RULE = "/nhap-lieu/quy-tac/kt.grdp.tang_truong/"


@pytest.fixture
def planner(client: Client, user: Callable[[str], Any]) -> Client:
    client.force_login(user("tonghop"))
    return client


def test_the_rule_page_shows_the_default_of_the_unit(
    planner: Client, store: dict[str, Any]
) -> None:
    response = planner.get(RULE)
    assert response.status_code == 200
    text = response.text
    assert "Loại số liệu: tốc độ tăng, giảm (%)" in text
    assert '<td class="num value">-100</td>' in text and '<td class="origin">mặc định</td>' in text


def test_the_planner_edits_a_rule_and_sees_it_in_force(
    planner: Client, store: dict[str, Any]
) -> None:
    response = planner.post(RULE, {"minimum": "", "maximum": "30", "max_ratio": "không"})
    assert response.status_code == 302
    assert Indicator.objects.get(code="kt.grdp.tang_truong").plausibility == {
        "maximum": "30",
        "max_ratio": None,
    }
    page = planner.get(RULE).text
    assert '<tr data-field="maximum">' in page and "riêng" in page
    assert "không kiểm tra" in page
    assert AuditEntry.objects.filter(action=AuditAction.RULE_CHANGED).count() == 1
    listing = planner.get("/nhap-lieu/quy-tac/").text
    assert '30 <span class="small">(riêng)</span>' in listing


def test_a_wrong_bound_is_refused_beside_the_field(planner: Client, store: dict[str, Any]) -> None:
    response = planner.post(RULE, {"minimum": "50", "maximum": "10", "max_ratio": ""})
    assert response.status_code == 400
    assert "Mức thấp nhất (50) lớn hơn mức cao nhất (10)." in response.text
    response = planner.post(RULE, {"minimum": "", "maximum": "1,234,5", "max_ratio": ""})
    assert response.status_code == 400
    assert Indicator.objects.get(code="kt.grdp.tang_truong").plausibility == {}


@pytest.mark.parametrize("username", ["sokhdt", "xem"])
def test_only_the_planner_opens_the_rule_pages(
    client: Client, user: Callable[[str], Any], store: dict[str, Any], username: str
) -> None:
    client.force_login(user(username))
    assert client.get(RULE).status_code == 403
    assert client.get("/nhap-lieu/quy-tac/").status_code == 403
