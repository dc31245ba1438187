"""The write services' refusals as problems: which status, which code, which place.

- a row or field that does not pass the import's checks: 422, each problem with its place;
- unusual values not confirmed with a note: 409 `warnings_unconfirmed`, each with its place;
- no `If-Match`: 428; a stale one: 412 with the form's message (who changed it, when);
- a locked figure or a review step that does not fit its state: 409 with the service's code;
- a missing reason: 422 naming the field.
Permission errors are left to api.py's handler (403 with their code).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chitieu.ingest.figures_file import Problem
from chitieu.web.api.etags import figure_etag
from chitieu.web.api.figure_changes import ImplausibleValue
from chitieu.web.api.problems import ApiProblem
from chitieu.web.figures.imports import ImportRejected, WarningsUnconfirmed
from chitieu.web.figures.services import (
    ConflictError,
    LockedError,
    ReasonRequiredError,
    ReviewError,
)


def errors(problems: Sequence[Problem]) -> list[dict[str, Any]]:
    """The import's problems as the API's errors: request row (1-based), field, code, message."""
    return [
        {
            "code": problem.code,
            "message": problem.message,
            "row": problem.place.row,
            "field": problem.place.column,
        }
        for problem in problems
    ]


def from_import(error: ImportRejected) -> ApiProblem:
    if isinstance(error, WarningsUnconfirmed):
        return ApiProblem(
            409,
            "warnings_unconfirmed",
            "Số liệu bất thường chưa được xác nhận",
            f"{len(error.problems)} số liệu bất thường; chưa ghi số liệu nào. Kiểm tra lại; "
            "nếu đúng, gửi lại kèm confirm_warnings ghi lý do.",
            errors=errors(error.problems),
        )
    return ApiProblem(
        422,
        "import_rejected",
        "Số liệu gửi lên có lỗi",
        f"Yêu cầu có {len(error.problems)} lỗi; chưa ghi số liệu nào.",
        errors=errors(error.problems),
    )


def invalid_value(problems: Sequence[Problem]) -> ApiProblem:
    """One figure's field that does not read (row is None: there is one figure)."""
    listed = [{**item, "row": None} for item in errors(problems)]
    return ApiProblem(
        422,
        problems[0].code if problems else "invalid_value",
        "Giá trị không hợp lệ",
        "; ".join(problem.message for problem in problems) or "Giá trị không hợp lệ.",
        errors=listed,
    )


def precondition_required() -> ApiProblem:
    return ApiProblem(
        428,
        "if_match_required",
        "Thiếu If-Match",
        'Ghi vào một số liệu phải kèm tiêu đề If-Match với ETag đã đọc (ví dụ "v3"), '
        "để không ghi đè thay đổi của người khác.",
    )


def unknown_tag(figure: Any, if_match: str) -> ApiProblem:
    return ApiProblem(
        412,
        "version_conflict",
        "If-Match không khớp",
        f"If-Match {if_match} không phải ETag của số liệu này (hiện là {figure_etag(figure)}).",
        headers={"ETag": figure_etag(figure)},
    )


def from_service(error: ValueError) -> ApiProblem:
    """The problem for a refusal of figures.services (or the API's plausibility check)."""
    if isinstance(error, ConflictError):
        return ApiProblem(
            412,
            "version_conflict",
            "Số liệu đã bị thay đổi",
            str(error),
            headers={"ETag": figure_etag(error.figure)},
        )
    if isinstance(error, LockedError):
        return ApiProblem(409, "locked", "Số liệu bị khoá", f"Số liệu bị khoá: {error.reason}")
    if isinstance(error, ReasonRequiredError):
        return _field_problem(error.code, str(error), "reason")
    if isinstance(error, ReviewError) and error.code.endswith("required"):
        return _field_problem(error.code, str(error), "reason")
    if isinstance(error, ReviewError):
        return ApiProblem(409, error.code, "Không thực hiện được", str(error))
    if isinstance(error, ImplausibleValue):
        return _implausible(error)
    raise error


def _field_problem(code: str, message: str, field: str) -> ApiProblem:
    return ApiProblem(
        422,
        code,
        "Thiếu thông tin bắt buộc",
        message,
        errors=[{"code": code, "message": message, "row": None, "field": field}],
    )


def _implausible(error: ImplausibleValue) -> ApiProblem:
    listed = [
        {"code": finding.code, "message": finding.message, "row": None, "field": "value"}
        for finding in error.findings
    ]
    if error.refused:
        return ApiProblem(
            422, "implausible_value", "Giá trị không hợp lý", str(error), errors=listed
        )
    return ApiProblem(
        409,
        "warnings_unconfirmed",
        "Số liệu bất thường chưa được xác nhận",
        f"{error} Nếu đúng, gửi lại kèm confirm_warnings ghi lý do.",
        errors=listed,
    )
