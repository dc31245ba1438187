"""Task–target links in a real Chromium: the planner confirms one suggestion and removes
another on the task page, and the progress report then lists only the confirmed one."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.profiles import seed_profile
from tests.web.browser import browser, login, page, screenshot

__all__ = ["browser", "page"]  # fixtures used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PLAN = "hung_yen_2025_2030"
TASK = "vi.3.7"  # "Tăng cường củng cố, xây dựng tổ chức cơ sở đảng …"
KEEP = "xdd.ket_nap_dang_vien"
DROP = "xdd.to_chuc_co_so_dang"


@pytest.fixture
def demo() -> None:
    """The demo store of the seed profile (users with the demo password)."""
    from chitieu.web.dashboard.demo import build_demo

    build_demo(seed_profile())


def related_in_report(page: Any, number: str) -> Any:
    """The "Chỉ tiêu liên quan" cell of a task in the 2026 progress workbook."""
    response = page.request.get(f"/bao-cao/{PLAN}/tien-do-2026.xlsx")
    assert response.ok, response.status
    rows = load_workbook(BytesIO(response.body()))["Nhiệm vụ"].iter_rows(values_only=True)
    return next(row for row in rows if row[0] == number)[3]


def test_the_planner_confirms_one_link_removes_another_and_the_report_follows(
    page: Any, demo: None
) -> None:
    from chitieu.web.plans.models import Indicator, LinkState, Task, TaskIndicator

    task = Task.objects.get(plan__code=PLAN, code=TASK)
    keep, drop = (Indicator.objects.get(code=code) for code in (KEEP, DROP))
    login(page, "tonghop")
    assert not related_in_report(page, task.number)  # suggestions are not reported

    page.goto(f"/nhiem-vu/{task.pk}/")
    suggested = page.locator("#lien-ket-goi-y li")
    assert sorted(suggested.evaluate_all("els => els.map(e => e.dataset.chiTieu)")) == sorted(
        [KEEP, DROP]
    )
    screenshot(page, "task-links-suggested")
    with page.expect_navigation():
        page.get_by_role("button", name=f"Xác nhận liên kết với {keep.name}").click()
    assert page.get_by_role("status").filter(has_text="Đã xác nhận liên kết").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=f"Bỏ gợi ý {drop.name}").click()

    confirmed = page.locator("#lien-ket-xac-nhan li")
    assert confirmed.count() == 1 and confirmed.first.get_attribute("data-chi-tieu") == KEEP
    assert "tonghop" in confirmed.first.inner_text()
    assert page.locator("#lien-ket-goi-y").count() == 0
    page.locator("#lien-ket-da-bo summary").click()
    assert page.locator(f"#lien-ket-da-bo li[data-chi-tieu='{DROP}']").is_visible()
    screenshot(page, "task-links-decided")

    assert dict(
        TaskIndicator.objects.filter(task=task).values_list("indicator__code", "state")
    ) == {KEEP: LinkState.CONFIRMED, DROP: LinkState.REMOVED}
    assert related_in_report(page, task.number) == keep.name
