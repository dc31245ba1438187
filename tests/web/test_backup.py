"""backup → new database → restore → backup gives the same dump, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from chitieu.web.backup import RestoreError, backup_database, restore_database
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.services import approve_figure, record_figure, submit_figure
from chitieu.web.plans.models import Plan


def dump() -> str:
    stream = io.StringIO()
    backup_database(stream)
    return stream.getvalue()


@pytest.mark.django_db(transaction=True)
def test_backup_restore_backup_is_identical(
    store: dict[str, Any], user: Callable[[str], Any], tmp_path: Path
) -> None:
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.123456"),
        actor=user("sokhdt"), expected_version=None, source="Sở Tài chính", note="ghi chú",
    )  # fmt: skip
    approve_figure(submit_figure(figure, actor=user("sokhdt")), actor=user("tonghop"))
    user("xem")
    first = dump()
    path = tmp_path / "sao_luu.json"
    path.write_text(first, encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    assert not Figure.objects.exists()
    restore_database(path)
    assert dump() == first
    assert FigureRevision.objects.count() == 3
    assert Figure.objects.get().value == Decimal("8.123456")


@pytest.mark.django_db
def test_restore_refuses_a_database_with_data(store: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "sao_luu.json"
    path.write_text(dump(), encoding="utf-8")
    with pytest.raises(RestoreError, match="trống"):
        restore_database(path)


@pytest.mark.django_db(transaction=True)
def test_restore_keeps_every_microsecond_of_the_history(
    store: dict[str, Any], user: Callable[[str], Any], tmp_path: Path
) -> None:
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.1"),
        actor=user("sokhdt"), expected_version=None, source="Sở Tài chính",
    )  # fmt: skip
    # Under a millisecond: the case Django's own JSON encoder rounds away.
    written = datetime(2026, 3, 2, 9, 15, 7, 123, tzinfo=UTC)
    FigureRevision.objects.filter(figure=figure).update(at=written)
    path = tmp_path / "sao_luu.json"
    path.write_text(dump(), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    restore_database(path)
    assert FigureRevision.objects.get().at == written


def test_a_failed_backup_keeps_the_previous_good_file(
    store: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chitieu.web import backup

    good = tmp_path / "sao-luu.json"
    backup.backup_to_file(good)
    before = good.read_bytes()

    def half_written(stream: Any) -> None:
        stream.write('[{"model": "plans.plan", ')
        raise OSError("đĩa đầy")

    monkeypatch.setattr(backup, "backup_database", half_written)
    with pytest.raises(OSError):
        backup.backup_to_file(good)
    assert good.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["sao-luu.json"]  # no temporary file left


@pytest.mark.parametrize(
    "content",
    ['[{"model": "plans.plan", "pk": 1, "fi', '{"model": "plans.plan"}', "[1, 2]", "\x00\x01"],
    ids=["truncated", "not-a-list", "not-rows", "binary"],
)
def test_restore_reads_the_whole_file_before_touching_the_database(
    db: Any, tmp_path: Path, content: str
) -> None:
    damaged = tmp_path / "hong.json"
    damaged.write_text(content, encoding="utf-8")
    with pytest.raises(RestoreError, match="chưa khôi phục gì"):
        restore_database(damaged)
    assert not Plan.objects.exists()
