"""A background job: what it is, where it stands, what it produced (jobs.services)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chitieu.web.choices import Labelled


class JobKind(Labelled):
    IMPORT = "import", "Nhập số liệu từ tệp"
    REPORT = "report", "Tạo báo cáo"
    RELOAD = "reload", "Nạp lại danh mục"


class JobState(Labelled):
    # The values are those of the former figures.ImportJob, so old rows read the same.
    QUEUED = "cho", "Đang chờ"
    RUNNING = "dang_chay", "Đang xử lý"
    DONE = "xong", "Đã xong"
    FAILED = "loi", "Không thành công"


FINISHED = (JobState.DONE.value, JobState.FAILED.value)


class Job(models.Model):
    """One job. Every field is written in short transactions of its own, never inside the
    job's work, so any server process reads the same progress."""

    token = models.CharField("mã", max_length=64, unique=True)
    kind = models.CharField("loại", max_length=12, choices=JobKind.choices())
    name = models.CharField("tên", max_length=255)
    params = models.JSONField("tham số", default=dict, blank=True)
    key = models.CharField(
        "khoá dùng lại", max_length=128, blank=True, db_index=True,
        help_text="Một báo cáo cùng loại trên cùng dữ liệu dùng lại tệp đã tạo.",
    )  # fmt: skip
    state = models.CharField(
        "trạng thái", max_length=12, choices=JobState.choices(), default=JobState.QUEUED.value
    )
    stage = models.CharField("bước", max_length=200, blank=True)
    done = models.PositiveIntegerField("đã xong", default=0)
    total = models.PositiveIntegerField("tổng", default=0)
    message = models.TextField("thông báo", blank=True)
    result = models.JSONField("kết quả", default=dict, blank=True)
    result_file = models.CharField(
        "tệp kết quả", max_length=500, blank=True, help_text="Đường dẫn trong thư mục tác vụ."
    )
    error = models.TextField("lỗi", blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người tạo",
    )
    created_at = models.DateTimeField("lúc tạo")
    started_at = models.DateTimeField("lúc bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("lúc xong", null=True, blank=True)
    heartbeat_at = models.DateTimeField("tín hiệu cuối", null=True, blank=True)
    task_id = models.CharField("mã trong hàng đợi", max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)

    class Meta:
        verbose_name = "tác vụ nền"
        verbose_name_plural = "tác vụ nền"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({JobState(self.state).label})"

    @property
    def finished(self) -> bool:
        return self.state in FINISHED
