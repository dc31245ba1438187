"""The users page's forms: a new user, and the changes to one (role, department, state,
password). Each error has a code and sits beside its field, in Vietnamese."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordChangeForm

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.services import AccountError, check_password_strength
from chitieu.web.plans.models import Department

MIN_PASSWORD = 10  # settings.AUTH_PASSWORD_VALIDATORS; the service checks the rest


def _department_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Department.objects.order_by("name"),
        required=False,
        to_field_name="code",
        label="Sở, ngành",
        empty_label="(không)",
        help_text="Bắt buộc với vai trò nhập liệu.",
    )


def _password_field(label: str, *, required: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        error_messages={"required": "Nhập mật khẩu."},
    )


class _RoleForm(forms.Form):
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices(), initial=Role.VIEWER.value)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.DEPARTMENT.value and not data.get("department"):
            self.add_error(
                "department",
                forms.ValidationError(
                    "Vai trò nhập liệu cần chọn sở, ngành phụ trách.", code="department_required"
                ),
            )
        password = data.get("password")
        if password and len(password) < MIN_PASSWORD:
            self.add_error(
                "password",
                forms.ValidationError(
                    f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.", code="password_too_short"
                ),
            )
        return data

    @property
    def chosen_role(self) -> Role:
        return Role(self.cleaned_data["role"])


class NewUserForm(_RoleForm):
    username = forms.RegexField(
        label="Tên đăng nhập",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={
            "required": "Nhập tên đăng nhập.",
            "invalid": "Tên đăng nhập chỉ gồm chữ, số và . @ + - _ (không dấu cách).",
        },
    )
    department = _department_field()
    password = _password_field("Mật khẩu", required=True)
    field_order = ("username", "role", "department", "password")

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(f"Đã có người dùng “{username}”.", code="username_taken")
        return username


class UserForm(_RoleForm):
    department = _department_field()
    active = forms.BooleanField(label="Được đăng nhập", required=False)
    password = _password_field("Mật khẩu mới (để trống: giữ nguyên)", required=False)
    field_order = ("role", "department", "active", "password")


class OwnPasswordForm(PasswordChangeForm):
    """Django's change-password form, its strength check answered in our Vietnamese words."""

    def validate_password_for_user(
        self, user: Any, password_field_name: str = "new_password2"
    ) -> None:
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                check_password_strength(password, user)
            except AccountError as error:
                self.add_error(password_field_name, str(error))


class TokenForm(forms.Form):
    """A personal API token for a user (api.services.issue_token)."""

    user = forms.ModelChoiceField(
        get_user_model().objects.filter(is_active=True).order_by("username"),
        to_field_name="username",
        label="Người dùng",
        error_messages={
            "required": "Chọn người dùng.",
            "invalid_choice": "Không có người dùng này.",
        },
    )
    name = forms.CharField(
        label="Dùng cho",
        max_length=100,
        help_text="Việc gì, ở đâu: ví dụ “Cục Thống kê – nạp số liệu”.",
        error_messages={"required": "Ghi mã dùng cho việc gì."},
    )
