"""Exchange formats: figures as SDMX-CSV, SDMX-JSON, CSV or JSON, targets as SDMX-CSV,
and the SDMX structure (DSDs, code lists).

A viewer gets the official view only (figures.visibility.report_mode); the office may
ask for the working view. The files are the ones `chitieu export` writes, and each
goes back in through `chitieu import` or the import page.
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from pydantic import Field

from chitieu.exchange.mapping import MappingError
from chitieu.web.api.problems import COMMON_ERRORS, ApiProblem, Problem
from chitieu.web.api.reading import VIEW_MODES, ViewName
from chitieu.web.figures import exchange
from chitieu.web.figures.visibility import report_mode

router = Router(tags=["Trao đổi dữ liệu"])

# Bounds keep a database from meeting a year it cannot store or a NUL it refuses (a 500).
Year = Annotated[int, Field(ge=1900, le=2200)]
Code = Annotated[str, Field(max_length=120, pattern=r"^[^\x00]*$")]

_MEDIA = {
    "sdmx-csv": "application/vnd.sdmx.data+csv",
    "csv": "text/csv",
    "json": "application/json",
    "sdmx-json": "application/vnd.sdmx.data+json",
}
_FIGURES_CONTENT = {
    _MEDIA["sdmx-csv"]: {"schema": {"type": "string"}},
    _MEDIA["csv"]: {"schema": {"type": "string"}},
    _MEDIA["json"]: {"schema": {"type": "object"}},
    _MEDIA["sdmx-json"]: {"schema": {"type": "object"}},
}
_STRUCTURE_MEDIA = "application/vnd.sdmx.structure+xml"


@router.get(
    "/exchange/figures",
    summary="Tải số liệu dạng SDMX-CSV, SDMX-JSON, CSV hoặc JSON",
    description=(
        "Số liệu theo bộ lọc, ở định dạng `format`: `sdmx-csv` (SDMX-CSV 2.0, cấu trúc tại "
        "/exchange/structure), `sdmx-json` (SDMX-JSON 1.0), `csv` (các cột của mẫu nhập) hoặc `json` (giá trị là chuỗi số "
        "thập phân). `view=official` chỉ số liệu đã duyệt, đã công bố (mặc định của tệp tải "
        "về, và là cách duy nhất cho người xem); `view=working` mọi số liệu trừ số bị trả lại. "
        "Tệp tải về nhập lại được bằng `chitieu import`."
    ),
    response={200: None, 409: Problem, **COMMON_ERRORS},
    openapi_extra={"responses": {200: {"description": "Tệp số liệu", "content": _FIGURES_CONTENT}}},
)
def download_figures(
    request: HttpRequest,
    format: Literal["sdmx-csv", "sdmx-json", "csv", "json"] = "sdmx-csv",
    plan: Code | None = None,
    indicator: Code | None = None,
    locality: Code | None = None,
    year: list[Year] = Query(default_factory=list),  # noqa: B008 - ninja's way
    view: ViewName | None = None,
) -> HttpResponse:
    selection = exchange.Selection(
        plan=plan or None,
        indicator=indicator or None,
        locality=locality or None,
        years=tuple(year),
        mode=report_mode(request.user, VIEW_MODES[view].value if view else None),
    )
    try:
        text = exchange.export_text(format, selection)
    except exchange.SelectionError as error:
        raise _not_found(error) from error
    except MappingError as error:
        raise _not_exportable(error) from error
    return _download(
        text.encode("utf-8"), exchange.MEDIA_TYPES[format], exchange.filename(format, selection)
    )


@router.get(
    "/exchange/targets",
    summary="Tải mục tiêu của kế hoạch dạng SDMX-CSV",
    description=(
        "Mục tiêu (dataflow DF_TARGETS): mỗi mục tiêu một dòng, hai dòng (LOW, HIGH) cho một "
        "khoảng; kỳ là khoảng thời gian (2026-01-01/P5Y cho 2026-2030). Lọc theo `plan`, "
        "`indicator`. Mục tiêu nhập vào bằng nạp danh mục, không nhập qua tệp số liệu."
    ),
    response={200: None, 409: Problem, **COMMON_ERRORS},
    openapi_extra={
        "responses": {
            200: {
                "description": "Mục tiêu SDMX-CSV",
                "content": {_MEDIA["sdmx-csv"]: {"schema": {"type": "string"}}},
            }
        }
    },
)
def download_targets(
    request: HttpRequest, plan: Code | None = None, indicator: Code | None = None
) -> HttpResponse:
    selection = exchange.Selection(plan=plan or None, indicator=indicator or None)
    try:
        text = exchange.targets_sdmx_csv(selection)
    except exchange.SelectionError as error:
        raise _not_found(error) from error
    except MappingError as error:
        raise _not_exportable(error) from error
    name = "-".join(part for part in ("muc-tieu", plan, indicator, "sdmx") if part) + ".csv"
    return _download(text.encode("utf-8"), exchange.MEDIA_TYPES["sdmx-csv"], name)


@router.get(
    "/exchange/structure",
    summary="Cấu trúc SDMX (DSD, danh mục mã) dạng SDMX-ML",
    description=(
        "Thông điệp cấu trúc SDMX-ML 2.1: dataflow DF_FIGURES, cấu trúc DSD_FIGURES, "
        "khái niệm và các danh mục mã (chỉ tiêu, địa bàn có cấp trên, loại số liệu, "
        "OBS_STATUS, đơn vị, trạng thái duyệt). Cơ quan thống kê nạp tệp này trước dữ liệu."
    ),
    response={200: None, 409: Problem, **COMMON_ERRORS},
    openapi_extra={
        "responses": {
            200: {
                "description": "Cấu trúc SDMX-ML",
                "content": {_STRUCTURE_MEDIA: {"schema": {"type": "string"}}},
            }
        }
    },
)
def download_structure(request: HttpRequest) -> HttpResponse:
    try:
        content = exchange.structure()
    except MappingError as error:
        raise _not_exportable(error) from error
    return _download(content, exchange.STRUCTURE_MEDIA_TYPE, "chitieu-sdmx-dsd.xml")


def _download(content: bytes, media_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _not_found(error: exchange.SelectionError) -> ApiProblem:
    return ApiProblem(
        404,
        "not_found",
        "Không tìm thấy",
        str(error),
        errors=[{"code": "unknown_code", "message": str(error), "field": error.field}],
    )


def _not_exportable(error: MappingError) -> ApiProblem:
    """A code of the catalogue with no SDMX form (a hand-edited code with a hyphen)."""
    return ApiProblem(409, "not_exportable", "Không xuất được SDMX", f"Không xuất được: {error}")
