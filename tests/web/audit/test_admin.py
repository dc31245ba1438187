"""The audit trail in the admin: the administrator reads and searches it; no one edits it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.audit.models import AuditAction, AuditEntry
from chitieu.web.audit.services import record_audit

pytestmark = pytest.mark.django_db

LIST = "/admin/audit/auditentry/"


@pytest.fixture
def entry(user: Callable[[str], Any]) -> AuditEntry:
    return record_audit(
        actor=user("quantri"),
        action=AuditAction.DEPARTMENT_ASSIGNED,
        subject="so_tai_chinh",
        summary="Đổi phân công của Sở Tài chính: chỉ tiêu thêm 1.",
        changes={"indicators": {"added": ["xh.y_te.bac_si"], "removed": []}},
    )


@pytest.fixture
def admin_client(client: Any, user: Callable[[str], Any]) -> Any:
    client.force_login(user("quantri"))
    return client


def test_the_administrator_reads_the_trail(admin_client: Any, entry: AuditEntry) -> None:
    body = admin_client.get(LIST).content.decode()
    assert "Nhật ký thay đổi" in body and "Đổi phân công của Sở Tài chính" in body
    assert "Tạo người dùng" in body  # the fixture's users were created through the service


def test_the_trail_filters_by_action_and_actor(admin_client: Any, entry: AuditEntry) -> None:
    body = admin_client.get(LIST, {"action__exact": "giao_so_nganh"}).content.decode()
    assert "Đổi phân công của Sở Tài chính" in body and "Tạo người dùng quantri" not in body
    body = admin_client.get(LIST, {"actor__id__exact": entry.actor_id}).content.decode()
    assert "Đổi phân công của Sở Tài chính" in body


def test_the_trail_searches_subject_and_summary(admin_client: Any, entry: AuditEntry) -> None:
    assert "Sở Tài chính" in admin_client.get(LIST, {"q": "so_tai_chinh"}).content.decode()
    body = admin_client.get(LIST, {"q": "không có ở đâu"}).content.decode()
    assert "Đổi phân công của Sở Tài chính" not in body


def test_an_entry_is_shown_read_only(admin_client: Any, entry: AuditEntry) -> None:
    response = admin_client.get(f"{LIST}{entry.pk}/change/")
    body = response.content.decode()
    assert response.status_code == 200 and "xh.y_te.bac_si" in body
    assert 'name="_save"' not in body and "/delete/" not in body


def test_no_one_adds_changes_or_deletes_an_entry(admin_client: Any, entry: AuditEntry) -> None:
    assert admin_client.get(f"{LIST}add/").status_code == 403
    assert admin_client.get(f"{LIST}{entry.pk}/delete/").status_code == 403
    admin_client.post(f"{LIST}{entry.pk}/change/", {"subject": "sửa"})
    assert AuditEntry.objects.get(pk=entry.pk).subject == "so_tai_chinh"
    response = admin_client.post(
        LIST, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("username", ["tonghop", "sokhdt", "xem"])
def test_only_the_administrator_sees_the_trail(
    client: Any, user: Callable[[str], Any], entry: AuditEntry, username: str
) -> None:
    client.force_login(user(username))
    assert client.get(LIST).status_code == 302
