"""Tasks that have left the catalogue: listed apart with their notes, closed to new notes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.dashboard.tasks import NoteError, record_task_note, task_tree
from chitieu.web.plans.models import Plan, Task
from chitieu.web.plans.services import load_catalogue
from tests.web.builders import web_catalogue

pytestmark = pytest.mark.django_db

PLAN = "hung_yen_2025_2030"


@pytest.fixture
def gone(store: dict[str, Any], user: Callable[[str], Any]) -> Task:
    """Task vi.1.1 with a note, then dropped by a reload."""
    record_task_note(Task.objects.get(code="vi.1.1"), "2026", "Đã khởi công", actor=user("tonghop"))
    load_catalogue(dataclasses.replace(web_catalogue(), tasks=()), actor=None)
    return Task.objects.get(code="vi.1.1")


def test_an_inactive_task_is_listed_last_with_its_notes(gone: Task) -> None:
    sections = task_tree(Plan.objects.get(code=PLAN))
    assert [(s.kind, s.label) for s in sections] == [
        ("inactive", "Không còn trong danh mục (giữ ghi chú tiến độ)")
    ]
    (node,) = sections[0].nodes
    assert node.task == gone and [n.text for n in node.notes] == ["Đã khởi công"]


def test_an_inactive_task_takes_no_new_note(gone: Task, user: Callable[[str], Any]) -> None:
    with pytest.raises(NoteError) as caught:
        record_task_note(gone, "2027", "Tiếp tục", actor=user("tonghop"))
    assert caught.value.code == "inactive" and gone.notes.count() == 1


def test_the_pages_say_the_task_left_the_catalogue(
    gone: Task, client: Any, user: Callable[[str], Any]
) -> None:
    client.force_login(user("tonghop"))
    listing = client.get("/nhiem-vu/").content.decode()
    assert "Không còn trong danh mục" in listing and "Đã khởi công" in listing
    page = client.get(f"/nhiem-vu/{gone.pk}/").content.decode()
    assert 'id="khong-con"' in page and "Đã khởi công" in page
    assert "Lưu ghi chú" not in page
    response = client.post(f"/nhiem-vu/{gone.pk}/", {"period": "2027", "text": "Tiếp tục"})
    assert response.status_code == 400 and "không còn trong danh mục" in response.content.decode()
    indicator = client.get("/chi-tieu/kt.grdp.tang_truong/").content.decode()
    assert 'Tái cơ cấu công nghiệp</a> <small class="muted">(không còn trong danh mục)' in indicator


def test_an_active_child_of_an_inactive_task_is_listed_at_the_top(store: dict[str, Any]) -> None:
    plan = Plan.objects.get(code=PLAN)
    parent = Task.objects.get(code="vi.1.1")
    Task.objects.create(
        plan=plan, code="vi.1.1.a", kind="area", number="a", heading="Con",
        line_start=1, line_end=1, parent_code="vi.1.1", position=1,
    )  # fmt: skip
    parent.active = False
    parent.save(update_fields=["active"])
    sections = {s.kind: [n.task.code for n in s.nodes] for s in task_tree(plan)}
    assert sections == {"area": ["vi.1.1.a"], "inactive": ["vi.1.1"]}
