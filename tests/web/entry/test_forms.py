"""Entry forms: Vietnamese numbers, rejections with a code, reason on change, locked rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from chitieu.catalog.period import Period
from chitieu.web.entry.forms import FigureRowForm, read_number
from chitieu.web.entry.services import EntryRow, entry_rows
from chitieu.web.figures.services import record_figure, submit_figure
from chitieu.web.plans.models import Department
from tests.web.entry.helpers import grdp_figure, poverty_indicator, row_post


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("9,9", Decimal("9.9")),
        ("1.100.000", Decimal("1100000")),
        ("328.283", Decimal("328283")),  # the thousands dot of Phụ lục 1A
        ("-2,5", Decimal("-2.5")),
        (" 8 ", Decimal("8")),
        ("328,0960", Decimal("328.096")),  # the unambiguous way to write three decimals
    ],
)
def test_a_number_typed_the_vietnamese_way_is_read(text: str, value: Decimal) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("328,096", "ambiguous_number"),  # the result cell of Phụ lục 1A
        ("26.55", "english_format"),
        ("1,234,567", "english_format"),
        ("tám", "invalid_number"),
        ("1,2,3", "invalid_number"),
        ("8,1234567", "too_precise"),
        ("100.000.000.000.000", "out_of_range"),
    ],
)
def test_a_wrong_number_is_refused_with_its_code(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_number(text)
    assert caught.value.code == code


def test_an_ambiguous_number_names_both_readings_and_how_to_write_each() -> None:
    with pytest.raises(ValidationError) as caught:
        read_number("328,096")
    message = caught.value.messages[0]
    assert "hai cách" in message
    assert "“328,0960”" in message and "“328.096”" in message


def test_an_english_number_is_refused_with_the_vietnamese_spelling() -> None:
    with pytest.raises(ValidationError) as caught:
        read_number("26.55")
    assert "“26,55”" in caught.value.messages[0]


def _row(store: dict[str, Any]) -> EntryRow:
    (row,) = entry_rows(
        Department.objects.get(code="so_tai_chinh"), store["province"], Period.parse("2026")
    )
    return row


def _bound(store: dict[str, Any], **post: Any) -> FigureRowForm:
    row = _row(store)
    return FigureRowForm(row_post(row.prefix, **post), row=row)


@pytest.mark.django_db
def test_a_new_figure_needs_no_reason(store: dict[str, Any]) -> None:
    form = _bound(store, value="8,1")
    assert form.is_valid(), form.errors
    assert form.change is not None
    assert (form.change.value, form.change.expected_version, form.change.value_text) == (
        Decimal("8.1"), None, "8,1"
    )  # fmt: skip


@pytest.mark.django_db
def test_changing_an_existing_value_requires_a_reason(store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    form = _bound(store, value="8,3", versions={"uoc": 1})
    assert not form.is_valid()
    assert form.has_error("reason", code="reason_required")


@pytest.mark.django_db
def test_a_change_with_a_reason_is_accepted_against_the_version_seen(store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    form = _bound(store, value="8,3", versions={"uoc": 1}, reason="Cục Thống kê điều chỉnh")
    assert form.is_valid(), form.errors
    assert form.change is not None and form.change.expected_version == 1


@pytest.mark.django_db
def test_the_same_value_again_is_no_change(store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    form = _bound(store, value="8,1", versions={"uoc": 1})
    assert form.is_valid() and form.change is None


@pytest.mark.django_db
def test_clearing_an_existing_value_is_refused(store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    form = _bound(store, value="", versions={"uoc": 1})
    assert form.has_error("value", code="required")


@pytest.mark.django_db
def test_an_ambiguous_value_is_an_error_beside_the_value_field(store: dict[str, Any]) -> None:
    form = _bound(store, value="328,096")
    assert form.has_error("value", code="ambiguous_number")


@pytest.mark.django_db
def test_the_form_shows_the_stored_value_so_that_it_reads_back_exactly(
    store: dict[str, Any],
) -> None:
    grdp_figure(store, "328.096")  # three decimals: "328,096" would read two ways
    form = FigureRowForm(row=_row(store))
    assert form["value"].value() == "328,0960"
    assert read_number(form["value"].value()) == Decimal("328.096")


@pytest.mark.django_db
def test_a_locked_figure_offers_only_the_more_authoritative_statuses(
    store: dict[str, Any], user: Any
) -> None:
    finance = user("sokhdt")
    submit_figure(grdp_figure(store, "8.1", actor=finance), actor=finance)
    row = _row(store)
    assert row.lock is not None and "chờ duyệt" in row.lock
    form = FigureRowForm(row_post(row.prefix, value="8,2", status="uoc"), row=row)
    assert form.has_error("status", code="invalid_choice")
    assert [value for value, _ in form.fields["status"].choices] == ["so_bo", "chinh_thuc"]


def test_the_examples_in_the_forms_docstrings_hold() -> None:
    import doctest

    from chitieu.web.entry import forms

    result = doctest.testmod(forms)
    assert result.attempted >= 1 and result.failed == 0


# -- plausibility (chitieu.assess.plausibility through figures.plausibility) ---------------


def _poverty_form(store: dict[str, Any], **post: Any) -> FigureRowForm:
    poverty_indicator(store)
    rows = entry_rows(
        Department.objects.get(code="so_tai_chinh"), store["province"], Period.parse("2026")
    )
    row = next(r for r in rows if r.indicator.code == "xh.ho_ngheo")
    return FigureRowForm(row_post(row.prefix, **post), row=row)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "Tỷ lệ phải nằm trong khoảng 0–100%; -5% nằm ngoài khoảng này."),
        ("1.234,5", "Tỷ lệ phải nằm trong khoảng 0–100%; 1.234,5% nằm ngoài khoảng này."),
    ],
)
def test_a_percentage_outside_0_100_is_refused_beside_the_value(
    store: dict[str, Any], value: str, message: str
) -> None:
    form = _poverty_form(store, value=value)
    assert not form.is_valid()
    assert form.has_error("value", code="pct_out_of_range")
    assert form.errors["value"] == [message]
    assert form.change is None


@pytest.mark.django_db
def test_a_growth_rate_may_be_negative(store: dict[str, Any]) -> None:
    form = _bound(store, value="-5")
    assert form.is_valid(), form.errors


def _last_year_grdp(store: dict[str, Any]) -> None:
    record_figure(
        store["grdp"], store["province"], "2025", "chinh_thuc", Decimal("8.1"),
        actor=None, expected_version=None,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_value_20_times_the_last_figure_needs_a_confirmation_and_a_note(
    store: dict[str, Any],
) -> None:
    _last_year_grdp(store)
    form = _bound(store, value="162")
    assert not form.is_valid()
    assert form.has_error("confirm_note", code="confirmation_required")
    assert [w.code for w in form.warnings] == ["jump_from_last"]
    assert "gấp 20 lần" in form.warnings[0].message
    row = _row(store)
    ticked = row_post(row.prefix, value="162") | {f"{row.prefix}-confirm": "on"}
    without_note = FigureRowForm(ticked, row=row)
    assert without_note.has_error("confirm_note", code="confirmation_required")


@pytest.mark.django_db
def test_a_confirmed_warning_keeps_its_note_as_the_reason(store: dict[str, Any]) -> None:
    _last_year_grdp(store)
    row = _row(store)
    data = row_post(row.prefix, value="162")
    data |= {f"{row.prefix}-confirm": "on", f"{row.prefix}-confirm_note": "Số của Cục Thống kê"}
    form = FigureRowForm(data, row=row)
    assert form.is_valid(), form.errors
    assert form.change is not None
    assert form.change.reason == "Xác nhận số liệu bất thường: Số của Cục Thống kê"
