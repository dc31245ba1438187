"""Which figures count where: one rule for the dashboard, the indicator page and reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.visibility import (
    ViewMode,
    counted,
    counted_states,
    default_mode,
    is_official,
    may_see_working,
    mode_for,
    parse_mode,
    report_mode,
)
from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("state", "official", "working"),
    [
        (ReviewState.DRAFT, False, True),
        (ReviewState.SUBMITTED, False, True),
        (ReviewState.APPROVED, True, True),
        (ReviewState.PUBLISHED, True, True),
        (ReviewState.RETURNED, False, False),
    ],
)
def test_each_state_counts_in_its_modes(state: ReviewState, official: bool, working: bool) -> None:
    assert (state.value in counted_states(ViewMode.OFFICIAL)) is official
    assert (state.value in counted_states(ViewMode.WORKING)) is working
    assert is_official(state.value) is official


def test_a_returned_figure_is_counted_in_no_mode(store: dict[str, Any]) -> None:
    from chitieu.web.figures.services import return_figure, submit_figure

    figure = submit_figure(put(store["doctors"], store["province"], 2026, "16"), actor=None)
    return_figure(figure, actor=None, comment="Sai đơn vị")
    for mode in ViewMode:
        assert not counted(Figure.objects.all(), mode).exists()


@pytest.mark.parametrize(
    ("username", "default", "switch"),
    [
        ("quantri", ViewMode.WORKING, True),
        ("tonghop", ViewMode.WORKING, True),
        ("sokhdt", ViewMode.WORKING, True),
        ("xem", ViewMode.OFFICIAL, False),
    ],
)
def test_each_role_opens_its_view(
    user: Callable[[str], Any], username: str, default: ViewMode, switch: bool
) -> None:
    account = user(username)
    assert default_mode(account) is default
    assert may_see_working(account) is switch
    assert mode_for(account, "chinh-thuc") is ViewMode.OFFICIAL
    assert mode_for(account, "du-thao") is (ViewMode.WORKING if switch else ViewMode.OFFICIAL)
    assert mode_for(account, "") is default


def test_a_report_is_official_unless_the_draft_is_asked_for(user: Callable[[str], Any]) -> None:
    assert report_mode(user("tonghop"), None) is ViewMode.OFFICIAL
    assert report_mode(user("tonghop"), "du-thao") is ViewMode.WORKING
    assert report_mode(user("xem"), "du-thao") is ViewMode.OFFICIAL


def test_an_unknown_mode_falls_back() -> None:
    assert parse_mode("khong-co") is ViewMode.OFFICIAL
    assert parse_mode(None, ViewMode.WORKING) is ViewMode.WORKING
