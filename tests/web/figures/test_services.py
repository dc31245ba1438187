"""The life of a figure: history, optimistic locking, roles, approval and locks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.figures.models import Action, Figure, FigureRevision, ReviewState
from chitieu.web.figures.services import (
    ConflictError,
    LockedError,
    ReasonRequiredError,
    ReviewError,
    approve_figure,
    lock_reason,
    record_figure,
    reopen_figure,
    return_figure,
    submit_figure,
)

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]


def grdp_2026(store: dict[str, Any], actor: Any, value: str, version: int | None = None) -> Figure:
    return record_figure(
        store["grdp"],
        store["province"],
        "2026",
        "uoc",
        Decimal(value),
        actor=actor,
        expected_version=version,
        source="Báo cáo Sở Tài chính",
        reason="" if version is None else "Sở Tài chính báo cáo lại",
        source_text=value.replace(".", ","),
    )


# -- history -------------------------------------------------------------------


def test_a_new_figure_writes_a_create_revision(store: dict[str, Any], user: UserFactory) -> None:
    figure = grdp_2026(store, user("sokhdt"), "8.1")
    (revision,) = figure.revisions.all()
    assert (revision.action, revision.old_value, revision.new_value) == (
        Action.CREATE,
        None,
        Decimal("8.1"),
    )
    assert revision.actor == user("sokhdt")


def test_a_change_keeps_the_old_value_in_history(store: dict[str, Any], user: UserFactory) -> None:
    first = grdp_2026(store, user("sokhdt"), "8.1")
    changed = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.3"),
        actor=user("tonghop"), expected_version=first.version, reason="Số liệu Cục Thống kê",
    )  # fmt: skip
    assert changed.value == Decimal("8.3")
    assert changed.version == first.version + 1
    last = changed.revisions.order_by("version").last()
    assert last is not None
    assert (last.old_value, last.new_value, last.reason, last.actor) == (
        Decimal("8.1"),
        Decimal("8.3"),
        "Số liệu Cục Thống kê",
        user("tonghop"),
    )


def test_recording_the_same_value_again_adds_no_revision(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = grdp_2026(store, user("sokhdt"), "8.1")
    again = grdp_2026(store, user("sokhdt"), "8.1", version=figure.version)
    assert again.version == figure.version
    assert FigureRevision.objects.count() == 1


def test_estimate_and_official_of_the_same_year_are_two_figures(
    store: dict[str, Any], user: UserFactory
) -> None:
    grdp_2026(store, user("tonghop"), "8.1")
    record_figure(
        store["grdp"], store["province"], "2026", "chinh_thuc", Decimal("8.05"),
        actor=user("tonghop"), expected_version=None,
    )  # fmt: skip
    assert Figure.objects.count() == 2


# -- optimistic locking --------------------------------------------------------


def test_the_second_editor_is_told_both_values(store: dict[str, Any], user: UserFactory) -> None:
    seen = grdp_2026(store, user("tonghop"), "8.1")
    grdp_2026(store, user("sokhdt"), "8.2", version=seen.version)
    with pytest.raises(ConflictError) as caught:
        grdp_2026(store, user("tonghop"), "8.4", version=seen.version)
    error = caught.value
    assert (error.current_value, error.your_value) == (Decimal("8.2"), Decimal("8.4"))
    assert "8,2" in str(error) and "8,4" in str(error) and "sokhdt" in str(error)
    assert Figure.objects.get().value == Decimal("8.2")


def test_creating_a_figure_that_someone_else_just_created_is_a_conflict(
    store: dict[str, Any], user: UserFactory
) -> None:
    grdp_2026(store, user("sokhdt"), "8.2")
    with pytest.raises(ConflictError):
        grdp_2026(store, user("tonghop"), "8.4", version=None)


def test_a_review_step_on_a_stale_copy_is_a_conflict(
    store: dict[str, Any], user: UserFactory
) -> None:
    stale = grdp_2026(store, user("sokhdt"), "8.1")
    grdp_2026(store, user("sokhdt"), "8.2", version=stale.version)
    with pytest.raises(ConflictError):
        submit_figure(stale, actor=user("sokhdt"))
    assert Figure.objects.get().review_state == ReviewState.DRAFT


# -- roles ---------------------------------------------------------------------


@pytest.mark.parametrize("username", ["quantri", "tonghop", "sokhdt"])
def test_roles_that_may_enter_grdp(store: dict[str, Any], user: UserFactory, username: str) -> None:
    assert grdp_2026(store, user(username), "8.1").value == Decimal("8.1")


@pytest.mark.parametrize(("username", "code"), [("xem", "read_only"), ("soyte", "not_assigned")])
def test_roles_that_may_not_enter_grdp(
    store: dict[str, Any], user: UserFactory, username: str, code: str
) -> None:
    with pytest.raises(PermissionDenied) as caught:
        grdp_2026(store, user(username), "8.1")
    assert caught.value.code == code
    assert not Figure.objects.exists()


def test_a_department_enters_only_its_localities(store: dict[str, Any], user: UserFactory) -> None:
    with pytest.raises(PermissionDenied) as caught:
        record_figure(
            store["grdp"], store["commune"], "2026", "uoc", Decimal(7),
            actor=user("sokhdt"), expected_version=None,
        )  # fmt: skip
    assert "Xã Tân Hưng" in str(caught.value)


@pytest.mark.parametrize("username", ["sokhdt", "xem"])
def test_only_the_planner_and_administrator_approve(
    store: dict[str, Any], user: UserFactory, username: str
) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    with pytest.raises(PermissionDenied) as caught:
        approve_figure(figure, actor=user(username))
    assert caught.value.code == "not_planner"
    assert Figure.objects.get().review_state == ReviewState.SUBMITTED


@pytest.mark.parametrize("username", ["tonghop", "quantri"])
def test_planner_and_administrator_approve(
    store: dict[str, Any], user: UserFactory, username: str
) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    approved = approve_figure(figure, actor=user(username))
    assert (approved.review_state, approved.reviewed_by) == (ReviewState.APPROVED, user(username))


def test_a_department_may_not_submit_another_departments_figure(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = grdp_2026(store, user("sokhdt"), "8.1")
    with pytest.raises(PermissionDenied):
        submit_figure(figure, actor=user("soyte"))


def test_a_department_may_not_reopen(store: dict[str, Any], user: UserFactory) -> None:
    figure = approve_figure(grdp_2026(store, user("tonghop"), "8.1"), actor=None)
    with pytest.raises(PermissionDenied):
        reopen_figure(figure, actor=user("sokhdt"), reason="sai số")


# -- approval and locks ----------------------------------------------------------


def test_an_approved_figure_is_locked_for_everyone(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = approve_figure(
        submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt")),
        actor=user("tonghop"),
    )
    for username in ("sokhdt", "tonghop"):
        with pytest.raises(LockedError) as caught:
            grdp_2026(store, user(username), "9", version=figure.version)
        assert "tonghop duyệt" in caught.value.reason
    assert Figure.objects.get().value == Decimal("8.1")


def test_a_submitted_figure_is_locked_pending_review(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    with pytest.raises(LockedError) as caught:
        grdp_2026(store, user("sokhdt"), "9", version=figure.version)
    assert caught.value.reason.startswith("Đang chờ duyệt (do sokhdt gửi")


def test_lock_reason_is_none_for_a_draft(store: dict[str, Any], user: UserFactory) -> None:
    assert lock_reason(grdp_2026(store, user("sokhdt"), "8.1")) is None


def test_a_returned_figure_can_be_edited_and_resubmitted(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    returned = return_figure(figure, actor=user("tonghop"), comment="Kiểm tra lại với Cục Thống kê")
    assert returned.review_comment == "Kiểm tra lại với Cục Thống kê"
    edited = grdp_2026(store, user("sokhdt"), "8.2", version=returned.version)
    assert submit_figure(edited, actor=user("sokhdt")).review_state == ReviewState.SUBMITTED


def test_returning_needs_a_comment(store: dict[str, Any], user: UserFactory) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    with pytest.raises(ReviewError) as caught:
        return_figure(figure, actor=user("tonghop"), comment="  ")
    assert caught.value.code == "comment_required"


def test_a_returned_figure_cannot_be_approved_before_resubmission(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = submit_figure(grdp_2026(store, user("sokhdt"), "8.1"), actor=user("sokhdt"))
    returned = return_figure(figure, actor=user("tonghop"), comment="Sai đơn vị")
    with pytest.raises(ReviewError):
        approve_figure(returned, actor=user("tonghop"))


def test_reopening_unlocks_and_records_why(store: dict[str, Any], user: UserFactory) -> None:
    figure = approve_figure(grdp_2026(store, user("tonghop"), "8.1"), actor=None)
    reopened = reopen_figure(figure, actor=user("tonghop"), reason="Cục Thống kê công bố lại")
    assert lock_reason(reopened) is None
    changed = grdp_2026(store, user("sokhdt"), "8.0", version=reopened.version)
    actions = list(changed.revisions.order_by("version").values_list("action", flat=True))
    assert actions == [Action.CREATE, Action.APPROVE, Action.REOPEN, Action.UPDATE]
    assert changed.revisions.get(action=Action.REOPEN).reason == "Cục Thống kê công bố lại"


# -- a reason for every change ---------------------------------------------------------


def test_changing_a_value_without_a_reason_is_refused(
    store: dict[str, Any], user: UserFactory
) -> None:
    first = grdp_2026(store, user("sokhdt"), "8.1")
    with pytest.raises(ReasonRequiredError) as caught:
        record_figure(
            store["grdp"], store["province"], "2026", "uoc", Decimal("8.3"),
            actor=user("sokhdt"), expected_version=first.version, reason="  ",
        )  # fmt: skip
    assert caught.value.code == "reason_required"
    assert "phải ghi lý do sửa" in str(caught.value) and "8,1" in str(caught.value)
    assert Figure.objects.get().value == Decimal("8.1")
    assert FigureRevision.objects.count() == 1


def test_the_reason_of_a_change_is_kept_in_history(
    store: dict[str, Any], user: UserFactory
) -> None:
    first = grdp_2026(store, user("sokhdt"), "8.1")
    grdp_2026(store, user("sokhdt"), "8.3", version=first.version)
    last = FigureRevision.objects.order_by("version").last()
    assert last is not None and last.reason == "Sở Tài chính báo cáo lại"


def test_a_new_figure_and_a_new_note_need_no_reason(
    store: dict[str, Any], user: UserFactory
) -> None:
    first = grdp_2026(store, user("sokhdt"), "8.1")
    changed = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.1"),
        actor=user("sokhdt"), expected_version=first.version,
        source="Báo cáo Sở Tài chính", note="số liệu 11 tháng",
    )  # fmt: skip
    assert (changed.version, changed.note) == (2, "số liệu 11 tháng")
