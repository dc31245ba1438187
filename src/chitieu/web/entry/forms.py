"""Forms of the entry pages: a figure row, a review step, an upload.

Numbers are read the Vietnamese way (chitieu.quantity.parse_number); a value
that reads two ways, or is written the English way, is refused with a message
that says how to write it so that it reads one way only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from chitieu.assess.plausibility import Finding
from chitieu.catalog.model import FigureStatus
from chitieu.ingest.figures_file import export_value
from chitieu.quantity import NumberFormatError, parse_number
from chitieu.quantity.numbers import ENGLISH_DECIMAL, ENGLISH_THOUSANDS
from chitieu.web.entry.services import ENTRY_STATUSES, REVIEW_ACTIONS, Change, EntryRow
from chitieu.web.figures.models import Figure
from chitieu.web.figures.plausibility import Plausibility
from chitieu.web.figures.services import ConflictError
from chitieu.web.plans.models import VALUE_DIGITS

MAX_DECIMALS = VALUE_DIGITS["decimal_places"]
LIMIT = Decimal(10) ** (VALUE_DIGITS["max_digits"] - MAX_DECIMALS)
REASON_LENGTH = 500
SOURCE_LENGTH = Figure._meta.get_field("source").max_length


def read_number(text: str) -> Decimal:
    """A value typed the Vietnamese way, or ValidationError with a code and a Vietnamese message.

    >>> read_number("1.234,5"), read_number("9,9"), read_number("-2")
    (Decimal('1234.5'), Decimal('9.9'), Decimal('-2'))
    """
    written = text.strip()
    try:
        parsed = parse_number(written)
    except NumberFormatError as error:
        hint = f" Có phải là: {' hoặc '.join(error.suggestions)}?" if error.suggestions else ""
        raise ValidationError(error.message + hint, code="invalid_number") from None
    if parsed.value is None:
        readings = " hoặc ".join(f"{r.note}" for r in parsed.readings)
        ways = " hoặc ".join(f"“{export_value(r.value)}”" for r in parsed.readings)
        raise ValidationError(
            f"“{written}” đọc được hai cách: {readings}. "
            f"Hãy viết sao cho chỉ đọc được một cách: {ways}.",
            code="ambiguous_number",
        )
    if ENGLISH_DECIMAL in parsed.flags or ENGLISH_THOUSANDS in parsed.flags:
        raise ValidationError(
            f"“{written}” viết theo kiểu tiếng Anh; hãy viết theo kiểu Việt Nam "
            f"(dấu phẩy thập phân, dấu chấm hàng nghìn): “{export_value(parsed.value)}”.",
            code="english_format",
        )
    value = parsed.value
    if abs(value) >= LIMIT:
        raise ValidationError(f"“{written}” lớn quá mức lưu được.", code="out_of_range")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise ValidationError(
            f"“{written}” có quá {MAX_DECIMALS} chữ số thập phân.", code="too_precise"
        )
    return value


class VietnameseNumberField(forms.CharField):
    """A text box for a number written 1.234,5; cleans to a Decimal (None when empty)."""

    def to_python(self, value: Any) -> Decimal | None:
        text = super().to_python(value)
        return read_number(text) if text else None

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "inputmode": "decimal",
                "autocomplete": "off",
                "spellcheck": "false",
                "maxlength": "40",
            }
        )
        return attrs


STATUS_LABELS = {s.value: s.label.capitalize() for s in FigureStatus}


class FigureRowForm(forms.Form):
    """One row of the entry form: value, status, source, reason; the versions the user saw."""

    value = VietnameseNumberField(label="Giá trị", required=False)
    status = forms.ChoiceField(label="Loại số liệu")
    source = forms.CharField(label="Nguồn", required=False, max_length=SOURCE_LENGTH)
    reason = forms.CharField(label="Lý do sửa", required=False, max_length=REASON_LENGTH)
    confirm = forms.BooleanField(label="Tôi xác nhận số liệu này đúng", required=False)
    confirm_note = forms.CharField(
        label="Ghi chú xác nhận", required=False, max_length=REASON_LENGTH
    )

    def __init__(
        self, *args: Any, row: EntryRow, checks: Plausibility | None = None, **kwargs: Any
    ) -> None:
        self.row = row
        self.checks = checks
        current = row.current if row.lock is None else None
        kwargs.setdefault("prefix", row.prefix)
        kwargs.setdefault(
            "initial",
            {
                "value": export_value(current.value) if current else "",
                "status": current.status if current else row.statuses[0].value,
                "source": current.source if current else "",
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, STATUS_LABELS[s.value]) for s in row.statuses]
        for status in ENTRY_STATUSES:
            self.fields[f"v_{status.value}"] = forms.IntegerField(
                required=False, widget=forms.HiddenInput, min_value=1
            )
            self.initial.setdefault(f"v_{status.value}", row.version_of(status.value))
        self.change: Change | None = None
        self.conflict: ConflictError | None = None  # set by the view to show both values
        self.warnings: list[Finding] = []  # unusual but possible: saved once confirmed

    def set_seen_version(self, status: str, version: int) -> None:
        """After a conflict: the next save is made against the version now shown."""
        data = self.data.copy()
        data[self.add_prefix(f"v_{status}")] = str(version)
        setattr(self, "data", data)  # noqa: B010 (Form.data is untyped; mypy cannot follow it)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        value, status = data.get("value"), data.get("status")
        if "value" in self.errors or not status:
            return data
        figure = self.row.figures.get(status)
        seen = data.get(f"v_{status}")
        if value is None:
            if figure is not None and figure is self.row.current and self.row.lock is None:
                self.add_error(
                    "value",
                    ValidationError(
                        "Không xoá được số liệu đã có; hãy nhập giá trị "
                        "(muốn bỏ số liệu này, hãy đề nghị bộ phận tổng hợp).",
                        code="required",
                    ),
                )
            return data
        source = data.get("source", "").strip()
        if figure is not None and (figure.value, figure.source) == (value, source):
            return data  # nothing to record
        reason = data.get("reason", "").strip()
        if figure is not None and figure.value != value and figure.version == seen and not reason:
            self.add_error(
                "reason",
                ValidationError("Sửa số liệu đã có phải ghi lý do sửa.", code="reason_required"),
            )
            return data
        reason = self._plausible(value, FigureStatus(status), data, reason)
        if reason is None:
            return data
        self.change = Change(
            prefix=self.prefix or self.row.prefix,
            indicator=self.row.indicator,
            locality=self.row.locality,
            period=self.row.period,
            status=FigureStatus(status),
            value=value,
            value_text=self.data.get(self.add_prefix("value"), "").strip(),
            source=source,
            note=figure.note if figure is not None else "",
            reason=reason,
            expected_version=seen,
        )
        return data

    def _plausible(
        self, value: Decimal, status: FigureStatus, data: dict[str, Any], reason: str
    ) -> str | None:
        """The reason to store (with the confirmation note), or None when the value is refused
        or its warnings are not yet confirmed (the errors are then on the form)."""
        row = self.row
        checks = self.checks or Plausibility([row.indicator], [row.locality])
        findings = checks.check(row.indicator, row.locality, row.period, status, value)
        refused = [f for f in findings if f.refused]
        for finding in refused:
            self.add_error("value", ValidationError(finding.message, code=finding.code))
        if refused:
            return None
        self.warnings = [f for f in findings if not f.refused]
        if not self.warnings:
            return reason
        note = data.get("confirm_note", "").strip()
        if not data.get("confirm") or not note:
            self.add_error(
                "confirm_note",
                ValidationError(
                    "Số liệu bất thường: đánh dấu xác nhận và ghi chú vì sao số liệu này đúng.",
                    code="confirmation_required",
                ),
            )
            return None
        confirmed = f"Xác nhận số liệu bất thường: {note}"
        return f"{reason}. {confirmed}" if reason else confirmed


def page_checks(rows: list[EntryRow], data: Any) -> Plausibility | None:
    """The plausibility checks of a posted page, with every value typed on it counted as
    stored: a total and its sub-item entered together are checked against each other."""
    if not rows:
        return None
    checks = Plausibility([row.indicator for row in rows], [rows[0].locality])
    statuses = {s.value for s in FigureStatus}
    for row in rows:
        text = str(data.get(f"{row.prefix}-value", "")).strip()
        status = data.get(f"{row.prefix}-status")
        if not text or status not in statuses:
            continue
        try:
            value = read_number(text)
        except ValidationError:
            continue  # the row's own form reports it
        checks.pending(row.indicator, row.locality, row.period, status, value)
    return checks


class ReviewForm(forms.Form):
    """One review step on one figure; the service says whether a comment is required."""

    action = forms.ChoiceField(choices=[(a, a) for a in REVIEW_ACTIONS], widget=forms.HiddenInput)
    comment = forms.CharField(label="Ý kiến", required=False, max_length=REASON_LENGTH)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EntryChoiceForm(forms.Form):
    """The index page: which department, period and locality to open."""

    department = forms.ChoiceField(label="Sở, ngành")
    period = forms.CharField(label="Kỳ", max_length=10, help_text="2026, 2026-H1, 2026-Q2, 2026-03")

    def __init__(self, *args: Any, departments: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = departments

    def clean_period(self) -> str:
        from chitieu.catalog.period import Period, PeriodError

        try:
            return str(Period.parse(self.cleaned_data["period"]))
        except PeriodError as error:
            raise ValidationError(str(error), code="bad_period") from None


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp số liệu (.xlsx, .csv kể cả SDMX-CSV, hoặc .json kể cả SDMX-JSON)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xlsm,.csv,.json"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".xlsm", ".csv", ".json")):
            raise ValidationError("Chỉ nhận tệp .xlsx, .csv hoặc .json.", code="bad_extension")
        from chitieu.web.entry.uploads import too_large

        refusal = too_large(upload.size)
        if refusal is not None:
            raise ValidationError(refusal, code="file_too_large")
        return upload


class ImportConfirmForm(forms.Form):
    """Confirming a checked file; unusual values need the box ticked and a note."""

    token = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="Tôi xác nhận các số liệu bất thường trên là đúng", required=False
    )
    note = forms.CharField(label="Ghi chú xác nhận", required=False, max_length=REASON_LENGTH)

    def __init__(self, *args: Any, warnings: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warnings = warnings

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["note"] = data.get("note", "").strip()
        if self.warnings and not (data.get("confirm") and data["note"]):
            self.add_error(
                "note",
                ValidationError(
                    f"Tệp có {self.warnings} số liệu bất thường: đánh dấu xác nhận và ghi chú "
                    "vì sao các số liệu này đúng.",
                    code="confirmation_required",
                ),
            )
        if not self.warnings:
            data["note"] = ""
        return data


NO_CHECK_WORDS = ("không", "khong", "-")


class RuleField(forms.CharField):
    """A bound of a plausibility rule: empty is the default, "không" no check, else a number."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"maxlength": "40", "inputmode": "decimal"})
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | str | None:
        text = super().to_python(value).strip()
        if not text:
            return "default"
        if text.lower() in NO_CHECK_WORDS:
            return None
        return read_number(text)


class RuleForm(forms.Form):
    """The planner's overrides of an indicator's plausibility rule."""

    minimum = RuleField(label="Mức thấp nhất")
    maximum = RuleField(label="Mức cao nhất")
    max_ratio = RuleField(label="Số lần tối đa so với kỳ trước")

    def overrides(self) -> dict[str, Decimal | None]:
        """The fields set (a number, or None for no check); a field left empty is the default."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if not (isinstance(value, str) and value == "default")
        }


class TemplateForm(forms.Form):
    plan = forms.ChoiceField(label="Kế hoạch")
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)

    def __init__(self, *args: Any, plans: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = plans
