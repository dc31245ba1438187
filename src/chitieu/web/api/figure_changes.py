"""Changing one figure through the API: its value, source or note, and its review steps.

The same services as the entry form and the review page (figures.services
record_figure, submit_figure, approve_figure, return_figure), behind the version
the client saw (`If-Match`): a figure changed since raises the form's ConflictError.
A new value meets the same plausibility checks as the form and the import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from chitieu.web.accounts.permissions import require_edit, require_planner
from chitieu.web.entry.services import review_figure
from chitieu.web.figures.imports import CONFIRMED
from chitieu.web.figures.models import Figure
from chitieu.web.figures.plausibility import check_figure
from chitieu.web.figures.services import ConflictError, record_figure, submit_figure

REVIEW_STEPS = ("submit", "approve", "return")


class ImplausibleValue(ValueError):
    """The plausibility rules refuse the value, or warn and no confirming note was given."""

    def __init__(self, findings: list[Any], *, refused: bool) -> None:
        self.findings = findings
        self.refused = refused
        super().__init__("; ".join(finding.message for finding in findings))


def _require_version(figure: Figure, expected_version: int, value: Decimal | None) -> None:
    if figure.version != expected_version:
        raise ConflictError(figure, expected_version=expected_version, your_value=value)


@transaction.atomic
def change_figure(
    figure: Figure,
    *,
    actor: Any,
    expected_version: int,
    value: Decimal | None = None,
    value_text: str = "",
    source: str | None = None,
    note: str | None = None,
    reason: str = "",
    confirm_warnings: str = "",
) -> Figure:
    """Change what is given (None keeps the stored value) on the version the client saw.

    Raises PermissionDenied, ConflictError, ImplausibleValue, LockedError or
    ReasonRequiredError (a new value needs a reason, as on the form).
    """
    require_edit(actor, figure.indicator, figure.locality)
    _require_version(figure, expected_version, value)
    new_value = figure.value if value is None else value
    reason = reason.strip()
    if new_value != figure.value:
        findings = check_figure(
            figure.indicator, figure.locality, figure.period, figure.status, new_value
        )
        refused = [finding for finding in findings if finding.refused]
        if refused:
            raise ImplausibleValue(refused, refused=True)
        note_text = confirm_warnings.strip()
        if findings and not note_text:
            raise ImplausibleValue(findings, refused=False)
        if findings:
            confirmed = f"{CONFIRMED}: {note_text}"
            reason = f"{reason}. {confirmed}" if reason else confirmed
    return record_figure(
        figure.indicator,
        figure.locality,
        figure.period,
        figure.status,
        new_value,
        actor=actor,
        expected_version=expected_version,
        source=figure.source if source is None else source.strip(),
        note=figure.note if note is None else note.strip(),
        source_text=(value_text or figure.source_text)[:100]
        if value is not None
        else figure.source_text,
        reason=reason,
    )


@transaction.atomic
def review_step(
    figure: Figure, step: str, *, actor: Any, expected_version: int, comment: str = ""
) -> Figure:
    """Submit, approve or return the version the client saw; rights are checked first."""
    if step == "submit":
        require_edit(actor, figure.indicator, figure.locality)
        _require_version(figure, expected_version, None)
        return submit_figure(figure, actor=actor)
    action = {"approve": "duyệt số liệu", "return": "trả lại số liệu"}[step]
    require_planner(actor, action)
    return review_figure(
        figure, step, comment=comment.strip(), expected_version=expected_version, actor=actor
    )
