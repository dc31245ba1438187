"""Figures are shown, never edited, in the admin: every change goes through services."""

from typing import Any

from django.contrib import admin

from chitieu.web.accounts.admin import is_administrator
from chitieu.web.figures.models import Figure, FigureRevision


class RevisionInline(admin.TabularInline):
    model = FigureRevision
    extra = 0
    can_delete = False
    readonly_fields = (
        "version", "action", "old_value", "new_value", "review_state", "reason", "actor", "at",
    )  # fmt: skip
    fields = readonly_fields

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = (
        "indicator",
        "locality",
        "period",
        "status",
        "value",
        "review_state",
        "version",
    )
    list_filter = (
        "status",
        "review_state",
        "locality",
    )
    search_fields = (
        "indicator__code",
        "indicator__name",
    )
    inlines = (RevisionInline,)

    def has_module_permission(self, request: Any) -> bool:
        return is_administrator(request)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
