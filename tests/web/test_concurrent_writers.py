"""Twenty writers at once while an import runs (issue 16, item 3), on SQLite and PostgreSQL.

Each thread has its own database connection, as each request of a threaded server has:
the entry form's service edits one figure (read the version, write with it), and the task
page's service adds notes. Meanwhile a file of a few thousand rows is imported. Nothing
may fail with a database error ("database is locked"), no accepted edit may be missing from
the history, a stale edit is a ConflictError, and the import lands whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection

from chitieu.ingest.figures_file import read_csv
from chitieu.web.dashboard.models import TaskNote
from chitieu.web.dashboard.tasks import record_task_note
from chitieu.web.figures.imports import import_figures
from chitieu.web.figures.models import Figure, FigureRevision
from chitieu.web.figures.services import ConflictError, record_figure
from chitieu.web.plans.models import Locality, LocalityKind, Task

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WRITERS = 20
EDITS_EACH = 10
COMMUNES = 500  # × 4 quarters: 2.000 rows in the import
HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú"


def big_file() -> bytes:
    province = Locality.objects.get(code="hung_yen")
    Locality.objects.bulk_create(
        Locality(code=f"xa_{n:04}", name=f"Xã {n:04}", kind=LocalityKind.COMMUNE, parent=province)
        for n in range(COMMUNES)
    )
    lines = [
        f"xh.y_te.bac_si;xa_{n:04};2026-Q{q};1{q},{n % 10};ước;bác sỹ/vạn dân;Sở Y tế;"
        for n in range(COMMUNES)
        for q in range(1, 5)
    ]
    return "\n".join([HEADER, *lines]).encode()


def test_twenty_writers_and_an_import_lose_nothing_and_fail_nothing(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    writer, planner = user("sokhdt"), user("tonghop")
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("5.0"),
        actor=writer, expected_version=None, source="Sở Tài chính",
    )  # fmt: skip
    task = Task.objects.get(code="vi.1.1")
    contents = big_file()
    accepted: list[Decimal] = []
    conflicts: list[int] = []
    notes: list[str] = []
    errors: list[BaseException] = []
    imported: list[int] = []
    start = threading.Barrier(WRITERS + 1)
    guard = threading.Lock()

    def run(body: Callable[[], None]) -> None:
        try:
            start.wait()
            body()
        except BaseException as error:  # every failure is the finding
            with guard:
                errors.append(error)
        finally:
            connection.close()

    def edit(n: int) -> None:
        for i in range(EDITS_EACH):
            value = Decimal(6) + Decimal(n * EDITS_EACH + i) / 100  # unique, never 5.0
            seen = Figure.objects.get(pk=figure.pk)
            try:
                record_figure(
                    store["grdp"], store["province"], "2026", "uoc", value,
                    actor=writer, expected_version=seen.version, source="Sở Tài chính", reason="sửa",
                )  # fmt: skip
            except ConflictError:
                with guard:
                    conflicts.append(n)
            else:
                with guard:
                    accepted.append(value)
            text = f"Ghi chú {n}-{i}"
            record_task_note(task, "2026", text, actor=planner)
            with guard:
                notes.append(text)

    def load() -> None:
        report = import_figures(
            read_csv(contents, name="lon.csv"), actor=None, confirm_warnings="kiểm thử"
        )
        imported.append(report.count("create"))

    threads = [threading.Thread(target=run, args=(lambda n=n: edit(n),)) for n in range(WRITERS)]
    threads.append(threading.Thread(target=run, args=(load,)))
    # The barrier counts the writers and the import: WRITERS + 1 parties.
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors[:3]
    assert imported == [COMMUNES * 4]
    assert Figure.objects.filter(locality__code__startswith="xa_").count() == COMMUNES * 4
    history = list(
        FigureRevision.objects.filter(figure=figure)
        .order_by("version")
        .values_list("new_value", flat=True)
    )
    assert sorted(history[1:]) == sorted(accepted), "every accepted edit is in the history"
    assert len(accepted) + len(conflicts) == WRITERS * EDITS_EACH
    assert Figure.objects.get(pk=figure.pk).value == history[-1]
    assert sorted(TaskNote.objects.filter(task=task).values_list("text", flat=True)) == sorted(
        notes
    )
    assert len(notes) == WRITERS * EDITS_EACH


def test_sqlite_connections_are_in_wal_mode_and_begin_immediate() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite settings; PostgreSQL has row locks of its own")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
    assert connection.transaction_mode == "IMMEDIATE"
