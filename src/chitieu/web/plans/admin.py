from django.contrib import admin

from chitieu.web.plans import models


@admin.register(models.Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "kind",
        "parent",
    )
    list_filter = ("kind",)
    search_fields = (
        "code",
        "name",
    )


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "kind",
        "term_start",
        "term_end",
    )


class TargetInline(admin.TabularInline):
    model = models.Target
    extra = 0
    fields = (
        "plan",
        "period_start",
        "period_end",
        "aggregation",
        "text",
        "kind",
        "low",
        "high",
    )


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "unit",
        "plan",
        "group",
        "active",
    )
    list_filter = (
        "plan",
        "active",
    )
    search_fields = (
        "code",
        "name",
    )
    inlines = (TargetInline,)


@admin.register(models.Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "number",
        "heading",
        "plan",
    )
    list_filter = (
        "plan",
        "kind",
    )


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
    )
    filter_horizontal = (
        "indicators",
        "localities",
    )
