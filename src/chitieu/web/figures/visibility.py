"""Which figures count where: the one rule for the dashboard, the indicator page and reports.

Two views of the same store:

- the official view (chính thức): approved and published figures only. A signed report
  uses it, and a viewer sees nothing else;
- the working view (dự thảo): everything entered except returned figures, each value not
  yet approved marked as such (reports: "*" and the word "DỰ THẢO" on every page).

A returned figure (trả lại) never counts, in either view: the planner sent it back with a
reason, so no page, box or report may quote it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import role_of
from chitieu.web.choices import Labelled
from chitieu.web.figures.models import Figure, ReviewState


class ViewMode(Labelled):
    OFFICIAL = "chinh-thuc", "Chính thức (chỉ số liệu đã duyệt, đã công bố)"
    WORKING = "du-thao", "Dự thảo (mọi số liệu đã nhập, trừ số liệu bị trả lại)"


OFFICIAL_STATES = (ReviewState.APPROVED, ReviewState.PUBLISHED)
COUNTED_STATES = {
    ViewMode.OFFICIAL: OFFICIAL_STATES,
    ViewMode.WORKING: (ReviewState.DRAFT, ReviewState.SUBMITTED, *OFFICIAL_STATES),
}
DRAFT_MARK = "*"
DRAFT_LEGEND = "* Số liệu chưa duyệt"
# Roles that only ever see the official view; the others open the working view and may switch.
OFFICIAL_ONLY_ROLES = (Role.VIEWER,)


def counted_states(mode: ViewMode) -> tuple[str, ...]:
    """The review states counted in `mode`.

    >>> counted_states(ViewMode.OFFICIAL)
    ('da_duyet', 'cong_bo')
    >>> "tra_lai" in counted_states(ViewMode.WORKING)
    False
    """
    return tuple(state.value for state in COUNTED_STATES[mode])


def counted(figures: QuerySet[Figure], mode: ViewMode) -> QuerySet[Figure]:
    """The figures of `figures` that count in `mode`."""
    return figures.filter(review_state__in=counted_states(mode))


def is_official(state: str) -> bool:
    """Whether a figure in this review state stands in a signed report.

    >>> is_official("cong_bo"), is_official("cho_duyet")
    (True, False)
    """
    return state in counted_states(ViewMode.OFFICIAL)


def parse_mode(text: str | None, default: ViewMode = ViewMode.OFFICIAL) -> ViewMode:
    """A mode from an address or an option; `default` when absent or unknown.

    >>> parse_mode("du-thao"), parse_mode(""), parse_mode("khac", ViewMode.WORKING)
    (<ViewMode.WORKING: 'du-thao'>, <ViewMode.OFFICIAL: 'chinh-thuc'>, <ViewMode.WORKING: 'du-thao'>)
    """
    try:
        return ViewMode(text) if text else default
    except ValueError:
        return default


def other_mode(mode: ViewMode) -> ViewMode:
    """The view a page's switch leads to.

    >>> other_mode(ViewMode.WORKING)
    <ViewMode.OFFICIAL: 'chinh-thuc'>
    """
    return ViewMode.OFFICIAL if mode is ViewMode.WORKING else ViewMode.WORKING


def may_see_working(user: Any | None) -> bool:
    """Viewers see the official view only; the office (planner, departments, administrator)
    also the working view."""
    return role_of(user) not in OFFICIAL_ONLY_ROLES


def default_mode(user: Any | None) -> ViewMode:
    """What a user's pages open with: the working view for those who enter and review
    figures, the official view for viewers."""
    return ViewMode.WORKING if may_see_working(user) else ViewMode.OFFICIAL


def mode_for(user: Any | None, requested: str | None) -> ViewMode:
    """The mode a page shows `user`: the one requested when the role allows it, else the
    role's default (a viewer asking for the working view gets the official one)."""
    mode = parse_mode(requested, default_mode(user))
    return mode if may_see_working(user) else ViewMode.OFFICIAL


def report_mode(user: Any | None, requested: str | None) -> ViewMode:
    """A report's mode: official unless the working draft is asked for by someone whose
    role may see it (a signed report is the default; a viewer only ever gets it)."""
    mode = parse_mode(requested, ViewMode.OFFICIAL)
    return mode if may_see_working(user) else ViewMode.OFFICIAL
