"""`chitieu parse`: one JSON object per expression, exit 2 for input that is no target."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.cli import main


def run(*args: str) -> Any:
    result = CliRunner().invoke(main, ["parse", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# (expression, kind, low, high, low_inclusive, high_inclusive, unit)
EXAMPLES = [
    ("10%-11%", "range", 10, 11, True, True, "pct"),
    ("7,5-8", "range", 7.5, 8, True, True, None),
    ("50-60", "range", 50, 60, True, True, None),
    ("9-10", "range", 9, 10, True, True, None),
    ("<1 %", "max", None, 1, True, False, "pct"),
    ("< 1", "max", None, 1, True, False, None),
    (">70", "min", 70, None, False, True, None),
    ("> 90", "min", 90, None, False, True, None),
    ("Dưới 1,5%", "max", None, 1.5, True, False, "pct"),
    ("Trên 15 bác sỹ", "min", 15, None, False, True, "bac_sy_per_10k"),
    ("80 trở lên", "min", 80, None, True, True, None),
    ("Từ 3%/tổng số đảng viên trở lên", "min", 3, None, True, True, "pct"),
    ("ít nhất 15%", "min", 15, None, True, True, "pct"),
    ("tối thiểu 70 tuổi", "min", 70, None, True, True, "tuoi"),
    ("không quá 5%", "max", None, 5, True, True, "pct"),
    ("tối đa 5%", "max", None, 5, True, True, "pct"),
    ("không dưới 50%", "min", 50, None, True, True, "pct"),
    ("Khoảng 600.000 tỷ đồng", "approx", 600000, 600000, True, True, "ty_dong"),
    ("gần 50%", "approx", 50, 50, True, True, "pct"),
    ("xấp xỉ 10%", "approx", 10, 10, True, True, "pct"),
    ("Nhóm 10 tỉnh dẫn đầu", "rank", None, 10, True, True, "hang"),
    (
        "Thuộc nhóm 10 tỉnh, thành phố trực thuộc Trung ương dẫn đầu",
        "rank",
        None,
        10,
        True,
        True,
        "hang",
    ),
    ("100 %", "point", 100, 100, True, True, "pct"),
    ("60 - 70%", "range", 60, 70, True, True, "pct"),
    ("10-11%/năm", "range", 10, 11, True, True, "pct_per_year"),
    ("15 %", "point", 15, 15, True, True, "pct"),
    ("0,79", "point", 0.79, 0.79, True, True, None),
    ("180 triệu đồng", "point", 180, 180, True, True, "trieu_dong"),
    ("Khoảng 180 triệu đồng/năm", "approx", 180, 180, True, True, "trieu_dong_per_year"),
    ("99% dân số", "point", 99, 99, True, True, "pct"),
    ("-2,5%", "point", -2.5, -2.5, True, True, "pct"),
    ("1.100.000", "point", 1100000, 1100000, True, True, None),
    ("Bảo đảm vững chắc an ninh chính trị", "text", None, None, True, True, None),
]


@pytest.mark.parametrize(
    ("expression", "kind", "low", "high", "low_inclusive", "high_inclusive", "unit"), EXAMPLES
)
def test_parse_prints_the_target_as_json(
    expression: str,
    kind: str,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    unit: str | None,
) -> None:
    printed = run("--", expression)  # "--": "-2,5%" is an expression, not an option
    assert printed["text"] == expression
    assert (printed["kind"], printed["low"], printed["high"]) == (kind, low, high)
    assert (printed["low_inclusive"], printed["high_inclusive"]) == (low_inclusive, high_inclusive)
    assert printed["unit"] == unit
    assert printed["ambiguous"] is False and printed["readings"] == []


@pytest.mark.parametrize(("expression", "ratio"), [("1/3", 1 / 3), ("30/77", 30 / 77)])
def test_a_ratio_prints_its_decimal_value(expression: str, ratio: float) -> None:
    printed = run(expression)
    assert printed["kind"] == "ratio"
    assert printed["low"] == pytest.approx(ratio)


def test_an_ambiguous_number_prints_both_readings() -> None:
    printed = run("328,096", "--unit", "ty_dong")
    assert printed["ambiguous"] is True
    assert (printed["low"], printed["high"], printed["unit"]) == (None, None, "ty_dong")
    assert [(r["value"], r["convention"]) for r in printed["readings"]] == [
        (328.096, "vi"),
        (328096, "en"),
    ]
    assert all(r["note"] for r in printed["readings"])


def test_the_unit_option_is_the_default_unit() -> None:
    assert run("250.000", "--unit", "ty_dong")["unit"] == "ty_dong"


def test_vietnamese_text_is_printed_unescaped() -> None:
    result = CliRunner().invoke(main, ["parse", "Dưới 1,5%"])
    assert "Dưới" in result.stdout


@pytest.mark.parametrize("expression", ["", "...", "1,2,3", "12..5", '"'])
def test_input_that_is_no_target_exits_2_with_a_vietnamese_message(expression: str) -> None:
    result = CliRunner().invoke(main, ["parse", expression])
    assert result.exit_code == 2
    assert "không phải là chỉ tiêu" in result.stderr
    assert result.stdout == ""


def test_an_unknown_unit_code_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse", "5", "--unit", "furlong"])
    assert result.exit_code == 2
    assert "Không có đơn vị" in result.stderr
