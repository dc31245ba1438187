"""A progress note on a task for a period; a change adds a row, so the history stays."""

from __future__ import annotations

from django.db import models

from chitieu.web.accounts.fields import person_field
from chitieu.web.plans.models import Task


class TaskNote(models.Model):
    # PROTECT: a note is what a person entered; a task that leaves the catalogue is marked
    # inactive (plans.services), so deleting a task with notes is a bug and must fail loudly.
    task = models.ForeignKey(Task, models.PROTECT, related_name="notes", verbose_name="nhiệm vụ")
    period = models.CharField("kỳ", max_length=10, help_text="2026, 2026-H1, 2026-Q2")
    text = models.TextField("tiến độ")
    author = person_field("người ghi")
    at = models.DateTimeField("lúc ghi")

    class Meta:
        verbose_name = "ghi chú tiến độ nhiệm vụ"
        verbose_name_plural = "ghi chú tiến độ nhiệm vụ"
        ordering = ("task", "period", "-at", "-pk")
        indexes = (models.Index(fields=["task", "period", "at"], name="task_note_latest"),)

    def __str__(self) -> str:
        return f"{self.task.code} {self.period}: {self.text[:40]}"
