"""A figure and its history. Rows change only through figures.services.

A figure is one (indicator, locality, period, status) value: the plan value,
the estimate and the official figure of the same year are three figures, as in
the official report columns (Kế hoạch | Ước thực hiện | Chính thức).
`version` is the optimistic lock; every change adds a FigureRevision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chitieu.catalog.model import FigureStatus as Status
from chitieu.web.accounts.fields import person_field
from chitieu.web.choices import Labelled
from chitieu.web.plans.models import VALUE_DIGITS, Indicator, Locality


class ReviewState(Labelled):
    """Where a figure is in its review, which decides where it counts (figures.visibility).

    PUBLISHED is a figure taken from a publication (the resolution itself, a statistical
    yearbook): nobody in the office reviews it, its source line is its ground, and it counts
    as official like an approved figure. It is locked like an approved one (the planner
    reopens it to change it); a newer publication may overwrite it.
    """

    DRAFT = "nhap", "Đang nhập"
    SUBMITTED = "cho_duyet", "Chờ duyệt"
    APPROVED = "da_duyet", "Đã duyệt"
    RETURNED = "tra_lai", "Trả lại"
    PUBLISHED = "cong_bo", "Đã công bố"


class Action(Labelled):
    CREATE = "tao", "Tạo mới"
    UPDATE = "sua", "Sửa"
    SUBMIT = "gui", "Gửi duyệt"
    APPROVE = "duyet", "Duyệt"
    RETURN = "tra_lai", "Trả lại"
    REOPEN = "mo_lai", "Mở lại"
    PUBLISH = "cong_bo", "Ghi số liệu công bố"


class Figure(models.Model):
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="figures", verbose_name="chỉ tiêu"
    )
    locality = models.ForeignKey(
        Locality, models.PROTECT, related_name="figures", verbose_name="địa bàn"
    )
    period = models.CharField("kỳ", max_length=10, help_text="2026, 2026-H1, 2026-Q2, 2026-03")
    year = models.PositiveSmallIntegerField("năm")
    status = models.CharField(
        "loại số liệu", max_length=12, choices=[(s.value, s.label) for s in Status]
    )
    value = models.DecimalField("giá trị", **VALUE_DIGITS)
    source_text = models.CharField("giá trị như đã ghi", max_length=100, blank=True)
    source = models.CharField("nguồn", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    review_state = models.CharField(
        "trạng thái duyệt",
        max_length=12,
        choices=ReviewState.choices(),
        default=ReviewState.DRAFT.value,
    )
    review_comment = models.TextField("ý kiến duyệt", blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)
    entered_by = person_field("người nhập")
    entered_at = models.DateTimeField("lúc nhập")
    reviewed_by = person_field("người duyệt")
    reviewed_at = models.DateTimeField("lúc duyệt", null=True, blank=True)

    class Meta:
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        ordering = ("indicator", "locality", "year", "period", "status")
        constraints = (
            models.UniqueConstraint(
                fields=["indicator", "locality", "period", "status"], name="one_figure_per_key"
            ),
        )

    def __str__(self) -> str:
        return (
            f"{self.indicator.code} {self.locality.code} {self.period} {self.status}: {self.value}"
        )


class FigureRevision(models.Model):
    """One change of a figure: who, when, the old and the new value, and why."""

    figure = models.ForeignKey(
        Figure, models.CASCADE, related_name="revisions", verbose_name="số liệu"
    )
    version = models.PositiveIntegerField("phiên bản sau thay đổi")
    action = models.CharField("thao tác", max_length=10, choices=Action.choices())
    old_value = models.DecimalField("giá trị cũ", null=True, blank=True, **VALUE_DIGITS)
    new_value = models.DecimalField("giá trị mới", null=True, blank=True, **VALUE_DIGITS)
    old_source = models.CharField("nguồn cũ", max_length=300, blank=True)
    new_source = models.CharField("nguồn mới", max_length=300, blank=True)
    review_state = models.CharField("trạng thái sau", max_length=12, choices=ReviewState.choices())
    reason = models.TextField("lý do", blank=True)
    actor = person_field("người thực hiện")
    at = models.DateTimeField("lúc")

    class Meta:
        verbose_name = "lịch sử số liệu"
        verbose_name_plural = "lịch sử số liệu"
        ordering = ("figure", "version")
        constraints = (
            models.UniqueConstraint(fields=["figure", "version"], name="one_revision_per_version"),
        )

    def __str__(self) -> str:
        return f"{self.figure_id} v{self.version} {self.action}"


class FigureConflict(models.Model):
    """A second source for the same figure key with another value: kept beside the figure."""

    figure = models.ForeignKey(
        Figure, models.CASCADE, related_name="conflicts", verbose_name="số liệu"
    )
    value = models.DecimalField("giá trị khác", **VALUE_DIGITS)
    source = models.CharField("nguồn", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    recorded_by = person_field("người ghi")
    at = models.DateTimeField("lúc")

    class Meta:
        verbose_name = "nguồn khác nhau"
        verbose_name_plural = "nguồn khác nhau"
        ordering = ("figure", "at", "pk")

    def __str__(self) -> str:
        return f"{self.figure_id}: {self.value} ({self.source})"


class JobState(Labelled):
    QUEUED = "cho", "Đang chờ"
    RUNNING = "dang_chay", "Đang xử lý"
    DONE = "xong", "Đã xong"
    FAILED = "loi", "Không thành công"


class ImportJob(models.Model):
    """A web import of before jobs.Job (kept read-only; jobs.0002 copied its rows into Job)."""

    token = models.CharField("mã", max_length=64, unique=True)
    name = models.CharField("tệp", max_length=255)
    state = models.CharField(
        "trạng thái", max_length=12, choices=JobState.choices(), default=JobState.QUEUED.value
    )
    total = models.PositiveIntegerField("số dòng cần ghi", default=0)
    done = models.PositiveIntegerField("đã ghi", default=0)
    message = models.TextField("thông báo", blank=True)
    result = models.JSONField("kết quả", default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người nhập",
    )
    created_at = models.DateTimeField("lúc tạo")
    finished_at = models.DateTimeField("lúc xong", null=True, blank=True)

    class Meta:
        verbose_name = "lượt nhập tệp"
        verbose_name_plural = "lượt nhập tệp"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({self.state})"
