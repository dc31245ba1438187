"""Catalogue maintenance by administrators (see accounts.admin.AdministratorOnly)."""

from typing import Any

from django.contrib import admin

from chitieu.web.accounts.admin import AdministratorOnly, is_administrator
from chitieu.web.plans import models


@admin.register(models.Locality)
class LocalityAdmin(AdministratorOnly):
    list_display = ("code", "name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("code", "name")


@admin.register(models.Plan)
class PlanAdmin(AdministratorOnly):
    list_display = ("code", "name", "kind", "term_start", "term_end")
    list_filter = ("kind",)
    search_fields = ("code", "name")


@admin.register(models.Group)
class GroupAdmin(AdministratorOnly):
    list_display = ("code", "numeral", "name", "plan", "position")
    list_filter = ("plan",)
    search_fields = ("code", "name")


class TargetInline(admin.TabularInline):
    model = models.Target
    extra = 0
    fields = ("plan", "period_start", "period_end", "aggregation", "text", "kind", "low", "high")

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)


@admin.register(models.Indicator)
class IndicatorAdmin(AdministratorOnly):
    list_display = ("code", "stt", "name", "unit", "direction", "plan", "group", "active")
    list_filter = ("plan", "group", "active")
    search_fields = ("code", "name")
    inlines = (TargetInline,)
    readonly_fields = ("plausibility",)  # changed on the rule page, which writes the audit


@admin.register(models.Target)
class TargetAdmin(AdministratorOnly):
    list_display = ("indicator", "plan", "text", "kind", "period_start", "period_end")
    list_filter = ("plan", "kind", "aggregation")
    search_fields = ("indicator__code", "indicator__name", "text")


class TaskIndicatorInline(admin.TabularInline):
    """Read-only: links are confirmed, added and removed on the task page, with their audit."""

    model = models.TaskIndicator
    extra = 0
    fields = ("indicator", "state", "decided_by", "decided_at")
    readonly_fields = fields

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(models.Task)
class TaskAdmin(AdministratorOnly):
    list_display = ("code", "number", "heading", "plan")
    list_filter = ("plan", "kind")
    search_fields = ("code", "heading", "text")
    inlines = (TaskIndicatorInline,)


@admin.register(models.Department)
class DepartmentAdmin(AdministratorOnly):
    list_display = ("code", "name")
    search_fields = ("code", "name")
    filter_horizontal = ("indicators", "localities")
