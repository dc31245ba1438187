"""Entry orchestration: rows of a page, and a page saved all or nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.web.entry.services import Change, entry_rows, save_entry
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.services import (
    ConflictError,
    ReasonRequiredError,
    approve_figure,
    record_figure,
)
from chitieu.web.plans.models import Department
from tests.web.entry.helpers import grdp_figure

pytestmark = pytest.mark.django_db


def change(store: dict[str, Any], key: str, value: str, version: int | None) -> Change:
    return Change(
        prefix=key, indicator=store[key], locality=store["province"], period=Period.parse("2026"),
        status=FigureStatus.ESTIMATE, value=Decimal(value), value_text=value, source="",
        note="", reason="sửa", expected_version=version,
    )  # fmt: skip


def test_one_conflicting_row_keeps_the_whole_page_unsaved(store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    grdp_figure(store, "8.4")  # version 2; the page below was read at version 1
    outcome = save_entry(
        [change(store, "doctors", "11.5", None), change(store, "grdp", "8.3", 1)], actor=None
    )
    assert isinstance(outcome.errors["grdp"], ConflictError)
    assert outcome.saved == 0
    assert not Figure.objects.filter(indicator=store["doctors"]).exists()


def test_a_change_without_a_reason_is_shown_beside_its_row_not_raised(
    store: dict[str, Any],
) -> None:
    """The form asks for the reason first; should one slip past it, the service still refuses
    and the page reports it beside the row instead of failing."""
    figure = grdp_figure(store, "8.1")
    missing = replace(change(store, "grdp", "8.3", figure.version), reason="")
    outcome = save_entry([missing], actor=None)
    assert isinstance(outcome.errors["grdp"], ReasonRequiredError)
    assert Figure.objects.get(pk=figure.pk).value == Decimal("8.1")


def test_saving_and_submitting_sends_every_draft_of_the_page(store: dict[str, Any]) -> None:
    finance = Department.objects.get(code="so_tai_chinh")
    rows = entry_rows(finance, store["province"], Period.parse("2026"))
    outcome = save_entry([change(store, "grdp", "8.1", None)], actor=None, submit=rows)
    assert (outcome.saved, outcome.submitted) == (1, 1)
    assert Figure.objects.get(indicator=store["grdp"]).review_state == ReviewState.SUBMITTED


def test_a_row_shows_the_most_authoritative_figure_and_last_years_best(
    store: dict[str, Any],
) -> None:
    for period, status, value in [
        ("2025", "uoc", "9"), ("2025", "chinh_thuc", "9.17"),
        ("2026", "uoc", "8"), ("2026", "so_bo", "8.2"), ("2026", "ke_hoach", "8.5"),
    ]:  # fmt: skip
        record_figure(store["grdp"], store["province"], period, status, Decimal(value),
                      actor=None, expected_version=None)  # fmt: skip
    finance = Department.objects.get(code="so_tai_chinh")
    (row,) = entry_rows(finance, store["province"], Period.parse("2026"))
    assert row.current is not None and row.current.status == "so_bo"
    assert [f.status for f in row.others] == ["uoc"]
    assert row.previous is not None and row.previous.value == Decimal("9.17")
    assert row.plan_figure is not None and row.plan_figure.value == Decimal("8.5")
    assert [t.text for t in row.targets] == ["10%-11%"]


def test_an_approved_official_figure_leaves_nothing_to_enter(store: dict[str, Any]) -> None:
    approve_figure(grdp_figure(store, "8.1", status="chinh_thuc"), actor=None)
    finance = Department.objects.get(code="so_tai_chinh")
    (row,) = entry_rows(finance, store["province"], Period.parse("2026"))
    assert row.lock is not None and row.statuses == ()
