"""Errors as RFC 9457 problem details (`application/problem+json`), in Vietnamese.

Every error a client can meet leaves through `problem_response`: a `type` URI naming the
kind of problem, a Vietnamese `title` and `detail`, our stable `code`, and, for a
refused submission, `errors` naming the place of each problem (row, field) like the
Excel import's messages.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = (
    "https://chitieu.invalid/problems/"  # a URI that names the kind; nothing is served there
)


class ProblemError(Schema):
    """One problem of a refused request, with its place."""

    code: str
    message: str
    row: int | None = None
    field: str | None = None


class Problem(Schema):
    """RFC 9457 problem details, with our `code` and the list of `errors`."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    instance: str | None = None
    errors: list[ProblemError] = Field(default_factory=list)


class ApiProblem(Exception):
    """Raised by an endpoint to answer with a problem; api.py turns it into the response."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str = "",
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail or title
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(
    request: Any,
    status: int,
    code: str,
    title: str,
    detail: str = "",
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body = {
        "type": TYPE_BASE + code,
        "title": title,
        "status": status,
        "detail": detail or title,
        "code": code,
        "instance": request.get_full_path() if request is not None else None,
        "errors": errors or [],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=MEDIA_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_exception(request: Any, error: ApiProblem) -> HttpResponse:
    return problem_response(
        request,
        error.status,
        error.code,
        error.title,
        error.detail,
        errors=error.errors,
        headers=error.headers,
    )


# The responses every authenticated operation may give, for the OpenAPI document.
COMMON_ERRORS: dict[int, type[Schema]] = {401: Problem, 403: Problem, 404: Problem, 422: Problem}
