"""One rule for who writes which status and who approves what (figures.rights), checked on the
form's service and on the import alike, role by role and status by status."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.catalog.model import FigureStatus
from chitieu.ingest.figures_file import read_csv
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.services import (
    ReviewError,
    approve_figure,
    record_figure,
    submit_figure,
)

pytestmark = pytest.mark.django_db

UserFactory = Callable[[str], Any]
HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú"
# The department "sokhdt" is given GRDP in the province; "xem" is a viewer.
MAY_WRITE = {
    "quantri": set(FigureStatus),
    "tonghop": set(FigureStatus),
    "sokhdt": {FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL},
    "xem": set(),
}
CASES = [(name, status) for name in MAY_WRITE for status in FigureStatus]


def _by_form(store: dict[str, Any], actor: Any, status: FigureStatus) -> bool:
    try:
        record_figure(
            store["grdp"], store["province"], "2026", status, Decimal("8"),
            actor=actor, expected_version=None,
        )  # fmt: skip
    except PermissionDenied:
        return False
    return True


def _by_import(actor: Any, status: FigureStatus) -> bool:
    line = f"kt.grdp.tang_truong;hung_yen;2026;8;{status.label};;;"
    data = "\n".join([HEADER, line]).encode()
    try:
        import_figures(read_csv(data, name="so_lieu.csv"), actor=actor)
    except ImportRejected as error:
        codes = {p.code for p in error.problems}
        assert codes <= {"status_not_allowed", "not_allowed"}, codes
        if "status_not_allowed" in codes:
            (problem,) = error.problems
            assert problem.place.column == "“Loại số liệu”"
        return False
    return True


@pytest.mark.parametrize(("username", "status"), CASES)
def test_form_and_import_apply_the_same_rule(
    store: dict[str, Any], user: UserFactory, username: str, status: FigureStatus
) -> None:
    allowed = status in MAY_WRITE[username]
    assert _by_import(user(username), status) is allowed
    Figure.objects.all().delete()
    assert _by_form(store, user(username), status) is allowed
    assert Figure.objects.exists() is allowed


def test_a_department_cannot_overwrite_a_plan_value_by_import(
    store: dict[str, Any], user: UserFactory
) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", FigureStatus.PLAN, Decimal("8"),
        actor=user("tonghop"), expected_version=None,
    )  # fmt: skip
    line = "kt.grdp.tang_truong;hung_yen;2026;9;kế hoạch;;;"
    with pytest.raises(ImportRejected) as caught:
        import_figures(read_csv(f"{HEADER}\n{line}".encode(), name="x.csv"), actor=user("sokhdt"))
    assert [p.code for p in caught.value.problems] == ["status_not_allowed"]
    assert Figure.objects.get().value == Decimal("8")


def _entered_by(store: dict[str, Any], actor: Any) -> Figure:
    return record_figure(
        store["grdp"], store["province"], "2026", FigureStatus.ESTIMATE, Decimal("8"),
        actor=actor, expected_version=None,
    )  # fmt: skip


def test_a_draft_that_was_never_sent_cannot_be_approved(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = _entered_by(store, user("sokhdt"))
    with pytest.raises(ReviewError) as caught:
        approve_figure(figure, actor=user("tonghop"))
    assert caught.value.code == "not_reviewable" and "gửi duyệt trước" in str(caught.value)


def test_nobody_approves_their_own_entry(store: dict[str, Any], user: UserFactory) -> None:
    figure = submit_figure(_entered_by(store, user("tonghop")), actor=user("tonghop"))
    with pytest.raises(ReviewError) as caught:
        approve_figure(figure, actor=user("tonghop"))
    assert caught.value.code == "own_entry" and "bốn mắt" in str(caught.value)
    approved = approve_figure(Figure.objects.get(), actor=user("quantri"))
    assert approved.review_state == ReviewState.APPROVED


def test_another_persons_submitted_entry_is_approved(
    store: dict[str, Any], user: UserFactory
) -> None:
    figure = submit_figure(_entered_by(store, user("sokhdt")), actor=user("sokhdt"))
    assert approve_figure(figure, actor=user("tonghop")).review_state == ReviewState.APPROVED
