"""The Django admin is for administrators only (the role, not the staff flag alone).

`AdministratorOnly` gives an administrator every model permission in the admin
(roles, not Django's per-model permissions, decide who may do what), and the
site itself refuses anyone else, even a staff user whose role was lowered.

Users are managed on the users page (/nguoi-dung/), where every change goes through
accounts.services and is audited. Django's own user admin asked for Django's per-model
permissions, which no chitieu administrator has (only a superuser), so
/admin/auth/user/ answered 403; its pages now lead to the users page.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from chitieu.web.accounts.models import Profile, Role
from chitieu.web.accounts.permissions import role_of


def is_administrator(request: Any) -> bool:
    user = request.user
    return bool(user.is_active and user.is_authenticated and role_of(user) is Role.ADMIN)


def _site_permission(request: Any) -> bool:
    return is_administrator(request)


admin.site.has_permission = _site_permission
admin.site.site_header = "chitieu · quản trị danh mục"
admin.site.site_title = "chitieu · quản trị"
admin.site.index_title = "Danh mục và người dùng"


class AdministratorOnly(admin.ModelAdmin):
    def has_module_permission(self, request: Any) -> bool:
        return is_administrator(request)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_add_permission(self, request: Any) -> bool:
        return is_administrator(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return is_administrator(request)


@admin.register(Profile)
class ProfileAdmin(AdministratorOnly):
    list_display = ("user", "role", "department")
    list_filter = ("role", "department")
    search_fields = ("user__username",)


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class UserAdmin(AdministratorOnly):
    """The admin's entry for users: every page of it leads to the audited users page."""

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # a user who acted stays in the history; lock them out instead

    def changelist_view(self, request: Any, extra_context: Any = None) -> HttpResponse:
        return redirect("accounts:users")

    def add_view(self, request: Any, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return redirect(reverse("accounts:users") + "#them-nguoi-dung")

    def change_view(
        self, request: Any, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        return redirect(reverse("accounts:users") + f"#nguoi-dung-{object_id}")
