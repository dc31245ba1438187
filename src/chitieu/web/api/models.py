"""Personal API tokens. Rows change only through api.services.

Only a token's SHA-256 digest is stored: the token itself is shown once, when it is
issued. A token acts as its user, with the user's role and department scope.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chitieu.web.accounts.fields import person_field


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="api_tokens",
        verbose_name="người dùng",
    )
    name = models.CharField("tên", max_length=100, help_text="Dùng cho việc gì, ở đâu.")
    prefix = models.CharField(
        "đầu mã", max_length=12, help_text="Vài ký tự đầu của mã, để nhận ra mã trong danh sách."
    )
    digest = models.CharField("mã băm", max_length=64, unique=True)
    created_at = models.DateTimeField("lúc cấp")
    created_by = person_field("người cấp")
    last_used_at = models.DateTimeField("lần dùng gần nhất", null=True, blank=True)
    revoked_at = models.DateTimeField("lúc thu hồi", null=True, blank=True)
    revoked_by = person_field("người thu hồi")

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user}, {self.name})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
