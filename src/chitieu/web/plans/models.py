"""Plans (a resolution, an annual plan, a past term), indicators, targets, tasks, localities.

Rows are written by services.load_catalogue from a catalogue file; the file is
the source of truth, so these models hold what it says and nothing derived.
"""

from __future__ import annotations

from django.db import models

from chitieu.catalog.model import Aggregation, Direction
from chitieu.quantity.target import TargetKind
from chitieu.web.accounts.fields import person_field
from chitieu.web.choices import Labelled

VALUE_DIGITS = {"max_digits": 20, "decimal_places": 6}


class LocalityKind(Labelled):
    PROVINCE = "tinh", "Tỉnh"
    CITY = "thanh_pho", "Thành phố trực thuộc Trung ương"
    FORMER_PROVINCE = "tinh_cu", "Tỉnh (cũ, trước sáp nhập)"
    COMMUNE = "xa", "Xã"
    WARD = "phuong", "Phường"
    SPECIAL_ZONE = "dac_khu", "Đặc khu"
    OTHER = "khac", "Khác"


class PlanKind(Labelled):
    RESOLUTION = "resolution", "Nghị quyết"
    ANNUAL_PLAN = "annual_plan", "Kế hoạch năm"
    FIVE_YEAR_PLAN = "five_year_plan", "Kế hoạch 5 năm"
    PAST_TERM = "past_term", "Kết quả nhiệm kỳ trước"
    CONTEXT = "context", "Số liệu bối cảnh"  # series without targets (population, prices …)


class Locality(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("loại", max_length=10, choices=LocalityKind.choices())
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="thuộc"
    )

    class Meta:
        verbose_name = "địa bàn"
        verbose_name_plural = "địa bàn"
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=300)
    issuer = models.CharField("cơ quan ban hành", max_length=200, blank=True)
    kind = models.CharField("loại", max_length=20, choices=PlanKind.choices())
    term_start = models.PositiveSmallIntegerField("từ năm")
    term_end = models.PositiveSmallIntegerField("đến năm")
    document = models.CharField("văn bản nguồn", max_length=300, blank=True)
    locality = models.ForeignKey(
        Locality, models.PROTECT, null=True, blank=True, verbose_name="địa bàn"
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, verbose_name="thuộc nghị quyết"
    )

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ("-term_start", "code")

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="groups", verbose_name="kế hoạch")
    code = models.SlugField("mã", max_length=80)
    name = models.CharField("tên", max_length=200)
    numeral = models.CharField("số thứ tự", max_length=10, blank=True)
    position = models.PositiveIntegerField("vị trí", default=0)

    class Meta:
        verbose_name = "nhóm chỉ tiêu"
        verbose_name_plural = "nhóm chỉ tiêu"
        ordering = ("plan", "position")
        constraints = (models.UniqueConstraint(fields=["plan", "code"], name="group_code_in_plan"),)

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """A measured thing with a stable code; figures attach to it whatever plan sets its target."""

    code = models.CharField("mã", max_length=120, unique=True)
    plan = models.ForeignKey(
        Plan, models.PROTECT, related_name="indicators", verbose_name="kế hoạch"
    )
    group = models.ForeignKey(Group, models.SET_NULL, null=True, blank=True, verbose_name="nhóm")
    parent = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, verbose_name="chỉ tiêu cha"
    )
    name = models.TextField("tên")
    unit = models.CharField("đơn vị", max_length=40, blank=True)
    direction = models.CharField(
        "chiều tốt",
        max_length=10,
        choices=[(d.value, d.label) for d in Direction],
        default=Direction.HIGHER.value,
    )
    stt = models.CharField("STT", max_length=20, blank=True)
    position = models.PositiveIntegerField("vị trí", default=0)
    active = models.BooleanField(
        "còn trong danh mục",
        default=True,
        help_text="Bỏ chọn khi danh mục nạp lại không còn chỉ tiêu này; số liệu vẫn giữ.",
    )
    source_document = models.CharField("văn bản", max_length=300, blank=True)
    source_line = models.PositiveIntegerField("dòng", null=True, blank=True)
    source_line_end = models.PositiveIntegerField("đến dòng", null=True, blank=True)
    source_text = models.TextField("nguyên văn", blank=True)
    plausibility = models.JSONField(
        "quy tắc kiểm tra số liệu",
        default=dict,
        blank=True,
        help_text="Chỉ những mức bộ phận tổng hợp đặt riêng (minimum, maximum, max_ratio); "
        "null là không kiểm tra; thiếu là theo mặc định của đơn vị (assess.plausibility).",
    )

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ("plan", "position")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Target(models.Model):
    """One target of an indicator in a plan, its expression stored field by field."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="targets", verbose_name="kế hoạch")
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="targets", verbose_name="chỉ tiêu"
    )
    position = models.PositiveSmallIntegerField("vị trí", default=0)
    period_start = models.PositiveSmallIntegerField("từ năm")
    period_end = models.PositiveSmallIntegerField("đến năm")
    aggregation = models.CharField(
        "cách tính",
        max_length=20,
        blank=True,
        choices=[(a.value, a.label) for a in Aggregation],
        help_text="Để trống khi văn bản không nói (kết quả nhiệm kỳ trước).",
    )
    text = models.TextField("nguyên văn")
    kind = models.CharField("loại", max_length=10, choices=[(k.value, k.value) for k in TargetKind])
    low = models.DecimalField("cận dưới", null=True, blank=True, **VALUE_DIGITS)
    high = models.DecimalField("cận trên", null=True, blank=True, **VALUE_DIGITS)
    low_inclusive = models.BooleanField(default=True)
    high_inclusive = models.BooleanField(default=True)
    unit = models.CharField("đơn vị", max_length=40, blank=True)
    ratio_numerator = models.IntegerField(null=True, blank=True)
    ratio_denominator = models.IntegerField(null=True, blank=True)
    ambiguous = models.BooleanField("đọc được nhiều cách", default=False)
    readings = models.JSONField("các cách đọc", default=list, blank=True)
    flags = models.JSONField("ghi chú cho người soát", default=list, blank=True)
    official_assessment = models.CharField("đánh giá chính thức", max_length=40, blank=True)
    source_document = models.CharField("văn bản", max_length=300, blank=True)
    source_line = models.PositiveIntegerField("dòng", null=True, blank=True)
    source_line_end = models.PositiveIntegerField("đến dòng", null=True, blank=True)
    source_text = models.TextField("nguyên văn nguồn", blank=True)

    class Meta:
        verbose_name = "mục tiêu"
        verbose_name_plural = "mục tiêu"
        ordering = ("plan", "indicator", "position")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.text} ({self.period_start}-{self.period_end})"


class Task(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="tasks", verbose_name="kế hoạch")
    code = models.CharField("mã", max_length=80)
    kind = models.CharField("loại", max_length=20)
    number = models.CharField("số", max_length=20, blank=True)
    heading = models.TextField("tiêu đề")
    text = models.TextField("nội dung", blank=True)
    line_start = models.PositiveIntegerField("từ dòng")
    line_end = models.PositiveIntegerField("đến dòng")
    parent_code = models.CharField("nhiệm vụ cha", max_length=80, blank=True)
    position = models.PositiveIntegerField("vị trí", default=0)
    active = models.BooleanField(
        "còn trong danh mục",
        default=True,
        help_text="Bỏ chọn khi danh mục nạp lại không còn nhiệm vụ này; ghi chú tiến độ vẫn giữ.",
    )
    indicators = models.ManyToManyField(
        Indicator, blank=True, through="TaskIndicator", verbose_name="chỉ tiêu liên quan"
    )

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ("plan", "position")
        constraints = (models.UniqueConstraint(fields=["plan", "code"], name="task_code_in_plan"),)

    def __str__(self) -> str:
        return f"{self.number} {self.heading}"


class LinkState(Labelled):
    SUGGESTED = "goi_y", "Gợi ý (bộ đọc)"
    CONFIRMED = "xac_nhan", "Đã xác nhận"
    REMOVED = "da_bo", "Đã bỏ"


class TaskIndicator(models.Model):
    """A task–target link: suggested by the reader, confirmed, added or removed by a person.

    A removed link keeps its row, so reloading the catalogue does not suggest it again;
    only confirmed links go into reports (plans.task_links holds the services).
    """

    task = models.ForeignKey(Task, models.CASCADE, related_name="links", verbose_name="nhiệm vụ")
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="task_links", verbose_name="chỉ tiêu"
    )
    state = models.CharField(
        "trạng thái", max_length=10, choices=LinkState.choices(), default=LinkState.SUGGESTED
    )
    decided_by = person_field("người quyết định")
    decided_at = models.DateTimeField("lúc quyết định", null=True, blank=True)

    class Meta:
        db_table = "plans_task_indicators"  # the table of the plain many-to-many it replaced
        verbose_name = "liên kết nhiệm vụ – chỉ tiêu"
        verbose_name_plural = "liên kết nhiệm vụ – chỉ tiêu"
        unique_together = (("task", "indicator"),)

    def __str__(self) -> str:
        return f"{self.task.code} → {self.indicator.code} ({self.get_state_display()})"


class Department(models.Model):
    """A department that enters figures: only its indicators, only its localities."""

    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=200)
    indicators = models.ManyToManyField(Indicator, blank=True, verbose_name="chỉ tiêu được giao")
    localities = models.ManyToManyField(Locality, blank=True, verbose_name="địa bàn được giao")
    rules = models.JSONField(
        "quy tắc giao mặc định",
        default=dict,
        blank=True,
        help_text="Từ hồ sơ địa phương: indicators, topics, groups, default. Trống: không giao tự động.",
    )

    class Meta:
        verbose_name = "sở, ngành"
        verbose_name_plural = "sở, ngành"
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name


class ManualAssignment(models.Model):
    """An indicator whose departments a person chose: the profile's defaults leave it alone."""

    indicator = models.OneToOneField(
        Indicator, models.CASCADE, related_name="manual_assignment", verbose_name="chỉ tiêu"
    )
    by = person_field("người giao")
    at = models.DateTimeField("lúc")

    class Meta:
        verbose_name = "phân công do người giao"
        verbose_name_plural = "phân công do người giao"
        ordering = ("indicator__code",)

    def __str__(self) -> str:
        return self.indicator.code
