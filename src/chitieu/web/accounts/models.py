"""A role per user, on a profile: explicit, one field, checked by the services."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chitieu.web.choices import Labelled


class Role(Labelled):
    ADMIN = "quan_tri", "Quản trị"
    PLANNER = "tong_hop", "Tổng hợp"
    DEPARTMENT = "nhap_lieu", "Nhập liệu (sở, ngành)"
    VIEWER = "xem", "Chỉ xem"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="profile",
        verbose_name="người dùng",
    )
    role = models.CharField(
        "vai trò", max_length=20, choices=Role.choices(), default=Role.VIEWER.value
    )
    department = models.ForeignKey(
        "plans.Department",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name="sở, ngành",
        help_text="Bắt buộc với vai trò nhập liệu.",
    )
    must_change_password = models.BooleanField(
        "phải đổi mật khẩu",
        default=False,
        help_text="Mật khẩu do người khác đặt (mật khẩu tạm thời): đổi ở lần đăng nhập tới.",
    )

    class Meta:
        verbose_name = "hồ sơ người dùng"
        verbose_name_plural = "hồ sơ người dùng"
        ordering = ("user__username",)
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(role="nhap_lieu") | models.Q(department__isnull=False),
                name="department_user_has_department",
            ),
        )

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
