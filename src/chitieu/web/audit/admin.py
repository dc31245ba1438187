"""The audit trail for the administrator: read-only, newest first.

No one adds, edits or deletes an entry by hand, not even an administrator: a trail
that can be edited is no proof of what happened.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from chitieu.web.accounts.admin import AdministratorOnly
from chitieu.web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(AdministratorOnly):
    list_display = ("at", "actor", "action", "subject", "summary")
    list_filter = ("action", ("actor", admin.RelatedOnlyFieldListFilter))
    search_fields = ("subject", "summary")
    date_hierarchy = "at"
    ordering = ("-at", "-pk")
    readonly_fields = ("at", "actor", "action", "subject", "summary", "changes")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
