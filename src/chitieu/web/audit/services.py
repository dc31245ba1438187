"""Writing the audit trail.

record_audit is deliberately not atomic: every caller is an @transaction.atomic service,
so the entry commits or rolls back with the change it describes, and a refused change
leaves no trace of having happened.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from chitieu.web.audit.models import AuditAction, AuditEntry


def record_audit(
    *,
    actor: Any | None,
    action: AuditAction,
    subject: str,
    summary: str,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry; `actor=None` is the system (a CLI job)."""
    return AuditEntry.objects.create(
        at=timezone.now(),
        actor=actor,
        action=action.value,
        subject=subject,
        summary=summary,
        changes=changes or {},
    )
