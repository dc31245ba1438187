"""Request validation errors (pydantic's) in Vietnamese, each with its code and field."""

from __future__ import annotations

from typing import Any

# pydantic's error type -> the Vietnamese message; {name} fields come from the error's ctx.
MESSAGES = {
    "missing": "Thiếu giá trị bắt buộc.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "int_from_float": "Phải là số nguyên (không có phần thập phân).",
    "float_parsing": "Phải là số.",
    "decimal_parsing": "Phải là số thập phân.",
    "bool_parsing": "Phải là true hoặc false.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "greater_than": "Phải lớn hơn {gt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "string_pattern_mismatch": "Không đúng dạng (mẫu {pattern}).",
    "string_too_long": "Dài quá {max_length} ký tự.",
    "string_too_short": "Cần ít nhất {min_length} ký tự.",
    "string_type": "Phải là chuỗi ký tự.",
    "literal_error": "Phải là một trong: {expected}.",
    "enum": "Phải là một trong: {expected}.",
    "datetime_parsing": "Phải là thời điểm theo ISO 8601, dạng YYYY-MM-DDThh:mm:ss+07:00.",
    "datetime_from_date_parsing": (
        "Phải là thời điểm theo ISO 8601, dạng YYYY-MM-DDThh:mm:ss+07:00."
    ),
    "datetime_type": "Phải là thời điểm theo ISO 8601, dạng YYYY-MM-DDThh:mm:ss+07:00.",
    "date_parsing": "Phải là ngày theo ISO 8601, dạng YYYY-MM-DD.",
    "date_from_datetime_parsing": "Phải là ngày theo ISO 8601, dạng YYYY-MM-DD.",
    "json_invalid": "Nội dung không phải JSON hợp lệ.",
    "list_type": "Phải là một danh sách.",
    "dict_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "too_short": "Cần ít nhất {min_length} phần tử.",
    "too_long": "Nhiều quá {max_length} phần tử.",
}


def message(item: dict[str, Any]) -> str:
    """The Vietnamese message of one pydantic error, or pydantic's own behind a general one.

    >>> message({"type": "less_than_equal", "ctx": {"le": 500}, "msg": "…"})
    'Phải nhỏ hơn hoặc bằng 500.'
    >>> message({"type": "strange", "msg": "Value error, bad"})
    'Giá trị không hợp lệ (Value error, bad).'
    """
    template = MESSAGES.get(str(item.get("type", "")))
    if template is not None:
        try:
            return template.format(**(item.get("ctx") or {}))
        except (KeyError, IndexError):
            pass
    return f"Giá trị không hợp lệ ({item.get('msg', '')})."
