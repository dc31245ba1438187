"""Watching the audit trail around a change: the entries written inside a block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import Max

from chitieu.web.audit.models import AuditEntry


@contextmanager
def new_entries() -> Iterator[list[AuditEntry]]:
    """with new_entries() as written: ... → `written` holds the entries added in the block,
    oldest first, also when the block raised (a refused change must have written none)."""
    last = AuditEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    written: list[AuditEntry] = []
    try:
        yield written
    finally:
        written.extend(AuditEntry.objects.filter(pk__gt=last).order_by("pk"))
