from django.contrib import admin

from chitieu.web.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "role",
        "department",
    )
    list_filter = (
        "role",
        "department",
    )
    search_fields = ("user__username",)
