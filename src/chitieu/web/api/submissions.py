"""Sending figures through the API: the JSON rows read and checked exactly like an import.

The rows become a `FiguresFile` through the import's own cell readers
(`read_records`), then go through `import_figures`: the same codes, localities,
periods, statuses, units, Vietnamese numbers, locks, department scope,
plausibility rules and store limits, the same messages, all or nothing, the same history rows
(with "Nhập qua API" as where the value came from).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chitieu.ingest.figures_file import FigureRow, read_records
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import PermissionDenied, role_of
from chitieu.web.figures.import_guard import guarded
from chitieu.web.figures.imports import ImportReport, import_figures
from chitieu.web.figures.models import Figure

API_SOURCE = "Nhập qua API"  # the history says where the value came from
REQUEST_NAME = "gửi qua API"  # what the import's messages call the "file"


@dataclass(frozen=True)
class Written:
    """One row of the request and the figure it created, updated or left unchanged."""

    row: int
    action: str
    figure: Figure | None  # None for a row a dry run would create


@dataclass
class Submission:
    report: ImportReport
    figures: list[Written] = field(default_factory=list)


def require_entry(user: Any) -> None:
    """A viewer sends nothing: refused as a whole, like the import page."""
    if role_of(user) in (None, Role.VIEWER):
        name = user.get_username() if user is not None else "?"
        raise PermissionDenied(
            f"Người dùng {name} chỉ được xem, không được nhập số liệu.", code="read_only"
        )


def submit_figures(
    records: Sequence[Mapping[str, Any]],
    *,
    actor: Any,
    dry_run: bool = False,
    confirm_warnings: str = "",
) -> Submission:
    """Check every row, then write all of them or none (ImportRejected, WarningsUnconfirmed)."""
    require_entry(actor)
    with guarded(REQUEST_NAME):
        report = import_figures(
            read_records(records, name=REQUEST_NAME),
            actor=actor,
            dry_run=dry_run,
            description=API_SOURCE,
            confirm_warnings=confirm_warnings,
        )
    stored = _stored([change.row for change in report.changes])
    return Submission(
        report,
        [
            Written(change.row.place.row, change.action, stored.get(change.row.key))
            for change in report.changes
        ],
    )


def _stored(rows: list[FigureRow]) -> dict[tuple[str, str, str, str], Figure]:
    if not rows:
        return {}
    keys = {row.key for row in rows}
    figures = Figure.objects.filter(
        indicator__code__in={key[0] for key in keys},
        locality__code__in={key[1] for key in keys},
        period__in={key[2] for key in keys},
    ).select_related("indicator", "locality")
    found = {(f.indicator.code, f.locality.code, f.period, f.status): f for f in figures}
    return {key: figure for key, figure in found.items() if key in keys}
