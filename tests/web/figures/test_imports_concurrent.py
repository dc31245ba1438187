"""An import checks its rows before the write transaction; a figure that moves in between
is checked again inside it (figures.imports.import_figures)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures import imports
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.services import approve_figure, record_figure, submit_figure
from tests.web.figures.test_imports import GOOD, figures

pytestmark = pytest.mark.django_db


def edit_between_check_and_write(
    monkeypatch: pytest.MonkeyPatch, edit: Callable[[], None]
) -> list[str]:
    calls: list[str] = []
    checked = imports._checked

    def checking(*args: Any, **kwargs: Any) -> Any:
        result = checked(*args, **kwargs)
        if not calls:
            edit()  # another writer, after the checks and before the write lock
        calls.append("checked")
        return result

    monkeypatch.setattr(imports, "_checked", checking)
    return calls


def test_a_figure_edited_after_the_checks_is_checked_again_and_the_import_lands(
    store: dict[str, Any], user: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = user("sokhdt")
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("7.5"),
        actor=writer, expected_version=None, source="Sở Tài chính",
    )  # fmt: skip

    def edit() -> None:
        record_figure(
            store["grdp"], store["province"], "2026", "uoc", Decimal("7.9"),
            actor=writer, expected_version=figure.version, source="Sở Tài chính", reason="sửa",
        )  # fmt: skip

    calls = edit_between_check_and_write(monkeypatch, edit)
    report = import_figures(figures(GOOD), actor=None)
    assert calls == ["checked", "checked"]
    assert report.written and report.changes[0].old_value == Decimal("7.9")
    values = FigureRevision.objects.filter(figure=figure).order_by("version")
    assert [r.new_value for r in values] == [Decimal("7.5"), Decimal("7.9"), Decimal("8.1")]


def test_a_figure_approved_after_the_checks_refuses_the_import_with_its_place(
    store: dict[str, Any], user: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = user("sokhdt")
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("7.5"),
        actor=writer, expected_version=None, source="Sở Tài chính",
    )  # fmt: skip
    edit_between_check_and_write(
        monkeypatch,
        lambda: approve_figure(submit_figure(figure, actor=writer), actor=user("tonghop")),
    )
    with pytest.raises(ImportRejected) as caught:
        import_figures(figures(GOOD), actor=None)
    assert caught.value.problems[0].place.row == 2
    assert Figure.objects.get(pk=figure.pk).value == Decimal("7.5")
