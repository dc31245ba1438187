"""The planner's overrides of a plausibility rule: stored, validated, audited, planner only."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.audit.models import AuditAction, AuditEntry
from chitieu.web.figures.plausibility import rule_of
from chitieu.web.plans.rules import RuleError, set_plausibility_rule

pytestmark = pytest.mark.django_db


def test_the_planner_sets_a_rule_and_the_change_is_audited(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    planner = user("tonghop")
    grdp = set_plausibility_rule(
        store["grdp"], {"maximum": Decimal(30), "max_ratio": None}, actor=planner
    )
    assert grdp.plausibility == {"maximum": "30", "max_ratio": None}
    rule = rule_of(grdp)
    assert (rule.minimum, rule.maximum, rule.max_ratio) == (Decimal(-100), Decimal(30), None)
    assert rule.origin("maximum") == "riêng" and rule.origin("minimum") == "mặc định"
    (entry,) = AuditEntry.objects.filter(action=AuditAction.RULE_CHANGED)
    assert (entry.actor, entry.subject) == (planner, "kt.grdp.tang_truong")
    assert entry.summary == (
        "Đổi quy tắc kiểm tra số liệu của chỉ tiêu kt.grdp.tang_truong: "
        "mức cao nhất: mặc định → 30; số lần tối đa so với kỳ trước: mặc định → không kiểm tra."
    )
    assert entry.changes["maximum"] == {"cũ": "mặc định", "mới": "30"}


def test_going_back_to_the_default_is_audited_and_the_same_rule_again_is_not(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    planner = user("tonghop")
    set_plausibility_rule(store["grdp"], {"maximum": Decimal(30)}, actor=planner)
    set_plausibility_rule(store["grdp"], {"maximum": Decimal(30)}, actor=planner)
    grdp = set_plausibility_rule(store["grdp"], {}, actor=planner)
    assert grdp.plausibility == {}
    entries = AuditEntry.objects.filter(action=AuditAction.RULE_CHANGED).order_by("pk")
    assert [e.changes["maximum"]["mới"] for e in entries] == ["30", "mặc định"]


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"minimum": Decimal(50), "maximum": Decimal(10)}, "min_above_max"),
        ({"max_ratio": Decimal(1)}, "ratio_too_small"),
        ({"tolerance": Decimal(1)}, "unknown"),
    ],
)
def test_a_rule_that_cannot_hold_is_refused_with_its_code(
    store: dict[str, Any], user: Callable[[str], Any], overrides: dict[str, Decimal], code: str
) -> None:
    with pytest.raises(RuleError) as caught:
        set_plausibility_rule(store["grdp"], overrides, actor=user("tonghop"))
    assert caught.value.code == code
    assert not AuditEntry.objects.filter(action=AuditAction.RULE_CHANGED).exists()


def test_a_department_may_not_set_a_rule(store: dict[str, Any], user: Callable[[str], Any]) -> None:
    with pytest.raises(PermissionDenied):
        set_plausibility_rule(store["grdp"], {"maximum": Decimal(30)}, actor=user("sokhdt"))
