from django.contrib import admin

from chitieu.web.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "state", "stage", "done", "total", "started_by", "created_at")
    list_filter = ("kind", "state")
    search_fields = ("name", "token")
    readonly_fields = tuple(field.name for field in Job._meta.fields)
