"""One row per administrative change. Rows are written only by audit.services.record_audit.

Figures keep their own history (figures.FigureRevision); this trail covers what sits
around them: the catalogue, the users and their roles, the departments, the profile.
"""

from __future__ import annotations

from django.db import models

from chitieu.web.accounts.fields import person_field
from chitieu.web.choices import Labelled


class AuditAction(Labelled):
    CATALOGUE_LOADED = "nap_danh_muc", "Nạp danh mục"
    CATALOGUE_RELOADED = "nap_lai_danh_muc", "Nạp lại danh mục"
    ROLE_CHANGED = "doi_vai_tro", "Đổi vai trò"
    USER_CREATED = "tao_nguoi_dung", "Tạo người dùng"
    PASSWORD_CHANGED = "doi_mat_khau", "Đổi mật khẩu"
    USER_ACTIVE_CHANGED = "khoa_mo_nguoi_dung", "Khoá hoặc mở lại người dùng"
    DEPARTMENT_DEFINED = "khai_bao_so_nganh", "Khai báo sở, ngành"
    DEPARTMENT_ASSIGNED = "giao_so_nganh", "Đổi phân công sở, ngành"
    PROFILE_APPLIED = "ap_dung_ho_so", "Áp dụng hồ sơ địa phương"
    TASK_LINK_CHANGED = "lien_ket_nhiem_vu", "Đổi liên kết nhiệm vụ – chỉ tiêu"
    RULE_CHANGED = "doi_quy_tac_kiem_tra", "Đổi quy tắc kiểm tra số liệu"
    TOKEN_ISSUED = "cap_ma_api", "Cấp mã truy cập API"
    TOKEN_REVOKED = "thu_hoi_ma_api", "Thu hồi mã truy cập API"


class AuditEntry(models.Model):
    at = models.DateTimeField("lúc", db_index=True)
    actor = person_field("người thực hiện")
    action = models.CharField("thao tác", max_length=20, choices=AuditAction.choices())
    subject = models.CharField(
        "đối tượng",
        max_length=200,
        help_text="Mã kế hoạch, tên đăng nhập, mã sở, ngành hoặc tên hồ sơ.",
    )
    summary = models.TextField("tóm tắt")
    changes = models.JSONField("nội dung thay đổi", default=dict, blank=True)

    class Meta:
        verbose_name = "mục nhật ký"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ("-at", "-pk")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}: {self.subject}"
