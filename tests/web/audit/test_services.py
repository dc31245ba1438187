"""record_audit: one entry per change, committed (or rolled back) with the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from chitieu.web.audit.models import AuditAction, AuditEntry
from chitieu.web.audit.services import record_audit
from tests.web.audit.helpers import new_entries

pytestmark = pytest.mark.django_db


def test_an_entry_keeps_who_when_what_and_the_changes(user: Callable[[str], Any]) -> None:
    admin = user("quantri")
    before = timezone.now()
    entry = record_audit(
        actor=admin,
        action=AuditAction.ROLE_CHANGED,
        subject="xem",
        summary="Đổi vai trò của xem từ Chỉ xem sang Tổng hợp.",
        changes={"role": ["xem", "tong_hop"]},
    )
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor, stored.action, stored.subject) == (admin, "doi_vai_tro", "xem")
    assert stored.get_action_display() == "Đổi vai trò"
    assert stored.changes == {"role": ["xem", "tong_hop"]}
    assert before <= stored.at <= timezone.now()


def test_the_system_acts_without_a_person_and_changes_default_to_empty() -> None:
    entry = record_audit(
        actor=None,
        action=AuditAction.PROFILE_APPLIED,
        subject="hung-yen",
        summary="Áp dụng hồ sơ địa phương hung-yen.",
    )
    assert (entry.actor, entry.changes, entry.action) == (None, {}, "ap_dung_ho_so")


def test_an_entry_rolls_back_with_the_change_it_describes() -> None:
    """Not atomic on its own: inside a failing service, the entry goes with the change."""
    with new_entries() as written, pytest.raises(RuntimeError), transaction.atomic():
        record_audit(actor=None, action=AuditAction.USER_CREATED, subject="moi", summary="Tạo moi.")
        raise RuntimeError("the change failed after the entry was written")
    assert written == []


def test_every_action_has_a_vietnamese_label() -> None:
    assert all(action.label for action in AuditAction)
    assert AuditAction.PROFILE_APPLIED.label == "Áp dụng hồ sơ địa phương"


def test_entries_list_newest_first() -> None:
    first = record_audit(actor=None, action=AuditAction.USER_CREATED, subject="a", summary="a")
    second = record_audit(actor=None, action=AuditAction.USER_CREATED, subject="b", summary="b")
    assert list(AuditEntry.objects.filter(pk__in=[first.pk, second.pk])) == [second, first]
