"""Writing: submitting figures (one or many, all or nothing), changing one, review steps.

Thin: every rule lives in the services the web uses (the import, the entry form,
the review page); this module reads the request, calls them, and turns their
refusals into problems (refusals.py).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Header

from chitieu.ingest.figure_cells import read_number
from chitieu.ingest.figures_file import Place, Problem
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.api import figures_read, refusals
from chitieu.web.api.etags import figure_etag, version_from
from chitieu.web.api.figure_changes import change_figure, review_step
from chitieu.web.api.problems import COMMON_ERRORS
from chitieu.web.api.problems import Problem as ProblemSchema
from chitieu.web.api.submissions import submit_figures
from chitieu.web.api.write_schemas import (
    ChangeIn,
    CommentIn,
    ReasonIn,
    SubmitIn,
    SubmitOut,
    WrittenFigureOut,
    figure_out,
)
from chitieu.web.figures.imports import SOURCE_LENGTH, ImportRejected
from chitieu.web.figures.models import Figure

# The figure paths' reading operations live on figures_read's router: ninja serves every
# method of one path from the router holding it, so the writes join that router (a second
# router with the same paths would answer 405 to them).
router = figures_read.router
TAGS = ["Ghi"]

IF_MATCH_HELP = 'ETag của số liệu khi đọc, ví dụ "v3" (khoá lạc quan như biểu mẫu nhập).'
_LOCKED_ERRORS = {**COMMON_ERRORS, 409: ProblemSchema, 412: ProblemSchema, 428: ProblemSchema}


def _raw_body(request: HttpRequest) -> Any:
    """The JSON body with every number as an exact Decimal (never through a float)."""
    return json.loads(request.body, parse_float=Decimal)


@router.post(
    "/figures",
    tags=TAGS,
    response={200: SubmitOut, **COMMON_ERRORS, 409: ProblemSchema},
    summary="Gửi số liệu (một hoặc nhiều dòng; ghi tất cả hoặc không ghi gì)",
)
def submit(request: HttpRequest, body: SubmitIn) -> dict[str, Any]:
    raw_rows = _raw_body(request)["rows"]
    records = [
        {**row.dict(), "value": raw["value"]} for row, raw in zip(body.rows, raw_rows, strict=True)
    ]
    try:
        done = submit_figures(
            records,
            actor=request.user,
            dry_run=body.dry_run,
            confirm_warnings=body.confirm_warnings,
        )
    except ImportRejected as error:
        raise refusals.from_import(error) from error
    report = done.report
    return {
        "dry_run": body.dry_run,
        "written": report.written,
        "created": report.count("create"),
        "updated": report.count("update"),
        "unchanged": report.count("unchanged"),
        "summary": report.summary(),
        "warnings": refusals.errors(report.warnings),
        "figures": [
            {
                "row": item.row,
                "action": item.action,
                "id": item.figure.pk if item.figure is not None else None,
                "etag": figure_etag(item.figure) if item.figure is not None else None,
            }
            for item in done.figures
        ],
    }


def _figure(pk: int) -> Figure:
    if not 0 < pk < 2**63:  # beyond a database key: not found, not an overflow
        raise Http404("Không có số liệu này.")
    return get_object_or_404(
        Figure.objects.select_related(
            "indicator", "indicator__plan", "locality", "entered_by", "reviewed_by"
        ),
        pk=pk,
    )


def _expected(figure: Figure, if_match: str | None) -> int:
    if not if_match:
        raise refusals.precondition_required()
    version = version_from(if_match)
    if version is None:
        raise refusals.unknown_tag(figure, if_match)
    return version


def _answer(response: HttpResponse, figure: Figure) -> dict[str, Any]:
    response["ETag"] = figure_etag(figure)
    return figure_out(figure)


@router.patch(
    "/figures/{figure_id}",
    tags=TAGS,
    response={200: WrittenFigureOut, **_LOCKED_ERRORS},
    summary="Sửa giá trị, nguồn hoặc ghi chú của một số liệu (cần If-Match)",
)
def change(
    request: HttpRequest,
    response: HttpResponse,
    figure_id: int,
    body: ChangeIn,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH_HELP),
) -> dict[str, Any]:
    figure = _figure(figure_id)
    expected = _expected(figure, if_match)
    value, text = _value(_raw_body(request).get("value"))
    if body.source is not None and len(body.source.strip()) > SOURCE_LENGTH:
        problem = Problem(
            Place(None, 1, "source"), f"nguồn dài quá {SOURCE_LENGTH} ký tự.", "too_long"
        )
        raise refusals.invalid_value([problem])
    try:
        changed = change_figure(
            figure,
            actor=request.user,
            expected_version=expected,
            value=value,
            value_text=text,
            source=body.source,
            note=body.note,
            reason=body.reason,
            confirm_warnings=body.confirm_warnings,
        )
    except PermissionDenied:
        raise  # api.py answers 403 with its code
    except ValueError as error:
        raise refusals.from_service(error) from error
    return _answer(response, changed)


def _value(raw: Any) -> tuple[Decimal | None, str]:
    """The new value read like an import cell (Vietnamese text or an exact JSON number)."""
    if raw is None:
        return None, ""
    problems: list[Problem] = []
    place = Place(None, 1, "value")
    value, text = read_number(raw, place, problems)
    if problems or value is None:
        raise refusals.invalid_value(problems)
    return value, text


def _review(
    request: HttpRequest,
    response: HttpResponse,
    figure_id: int,
    step: str,
    if_match: str | None,
    comment: str = "",
) -> dict[str, Any]:
    figure = _figure(figure_id)
    expected = _expected(figure, if_match)
    try:
        done = review_step(
            figure, step, actor=request.user, expected_version=expected, comment=comment
        )
    except PermissionDenied:
        raise  # api.py answers 403 with its code
    except ValueError as error:
        raise refusals.from_service(error) from error
    return _answer(response, done)


@router.post(
    "/figures/{figure_id}/submit",
    tags=TAGS,
    response={200: WrittenFigureOut, **_LOCKED_ERRORS},
    summary="Gửi duyệt một số liệu (cần If-Match)",
)
def submit_one(
    request: HttpRequest,
    response: HttpResponse,
    figure_id: int,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH_HELP),
) -> dict[str, Any]:
    return _review(request, response, figure_id, "submit", if_match)


@router.post(
    "/figures/{figure_id}/approve",
    tags=TAGS,
    response={200: WrittenFigureOut, **_LOCKED_ERRORS},
    summary="Duyệt một số liệu (bộ phận tổng hợp; cần If-Match)",
)
def approve(
    request: HttpRequest,
    response: HttpResponse,
    figure_id: int,
    body: CommentIn | None = None,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH_HELP),
) -> dict[str, Any]:
    comment = body.comment if body is not None else ""
    return _review(request, response, figure_id, "approve", if_match, comment)


@router.post(
    "/figures/{figure_id}/return",
    tags=TAGS,
    response={200: WrittenFigureOut, **_LOCKED_ERRORS},
    summary="Trả lại một số liệu kèm lý do (bộ phận tổng hợp; cần If-Match)",
)
def return_one(
    request: HttpRequest,
    response: HttpResponse,
    figure_id: int,
    body: ReasonIn,
    if_match: str | None = Header(None, alias="If-Match", description=IF_MATCH_HELP),
) -> dict[str, Any]:
    return _review(request, response, figure_id, "return", if_match, body.reason)
