"""The dashboard's filter form submits the plan it shows and keeps the valid choices."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


class _FilterForm(HTMLParser):
    """The values a browser would submit from the filter form: each select's selected
    option, else its first one (what a browser does), and checked boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._in_form = False
        self._select: str | None = None
        self._selected: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and found.get("aria-label") == "Lọc chỉ tiêu":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "select":
            self._select = found.get("name")
        elif tag == "option" and self._select is not None:
            name = self._select
            if name not in self.values or ("selected" in found and name not in self._selected):
                self.values[name] = found.get("value") or ""
            if "selected" in found:
                self._selected.add(name)
        elif tag == "input" and found.get("type") == "checkbox" and "checked" in found:
            self.values[found.get("name") or ""] = found.get("value") or "on"

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def _submitted(body: str) -> dict[str, str]:
    parser = _FilterForm()
    parser.feed(body)
    return parser.values


@pytest.fixture
def viewer(client: Any, user: Callable[[str], Any], store: dict[str, Any]) -> Any:
    """A viewer, with an annual plan listed before the resolution the dashboard opens
    (as in the demo, where the year's plan sorts first)."""
    from chitieu.web.dashboard.services import default_plan
    from chitieu.web.plans.models import Plan, PlanKind

    shown = default_plan()
    assert shown is not None
    Plan.objects.create(
        code="a_ke_hoach_nam",
        name="Kế hoạch năm đầu",
        kind=PlanKind.ANNUAL_PLAN,
        term_start=shown.term_start,
        term_end=shown.term_start,
        locality=shown.locality,
        parent=shown,
    )
    assert Plan.objects.first() != shown
    client.force_login(user("xem"))
    return client


def test_the_form_submits_the_plan_it_shows(viewer: Any) -> None:
    from chitieu.web.dashboard.services import default_plan

    shown = default_plan()
    assert shown is not None
    values = _submitted(viewer.get("/").content.decode())
    assert values["ke_hoach"] == shown.code


def test_choosing_a_group_keeps_the_plan_and_the_group(viewer: Any) -> None:
    from chitieu.web.dashboard.services import default_plan

    shown = default_plan()
    assert shown is not None
    values = _submitted(viewer.get("/").content.decode()) | {"nhom": "xa_hoi"}
    response = viewer.get("/", values)
    body = response.content.decode()
    assert response.context["plan"] == shown
    assert 'data-code="xh.y_te.bac_si"' in body and 'data-code="kt.grdp.tang_truong"' not in body
    # The next submission still carries both.
    assert _submitted(body)["ke_hoach"] == shown.code
    assert _submitted(body)["nhom"] == "xa_hoi"


def test_a_link_with_a_group_only_keeps_the_plan_selected(viewer: Any) -> None:
    from chitieu.web.dashboard.services import default_plan

    shown = default_plan()
    assert shown is not None
    body = viewer.get("/", {"nhom": "xa_hoi"}).content.decode()
    assert _submitted(body)["ke_hoach"] == shown.code


def test_an_invalid_choice_leaves_the_other_filters_in_force(viewer: Any) -> None:
    body = viewer.get("/", {"nhom": "xa_hoi", "dia_ban": "khong_co"}).content.decode()
    assert 'data-code="xh.y_te.bac_si"' in body and 'data-code="kt.grdp.tang_truong"' not in body
