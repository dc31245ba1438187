"""The NinjaAPI of /api/v1/: its routers, its authentication and its problem handlers."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.api import (
    exchange,
    jobs,
    reads,
    validation,
    writes,  # noqa: F401  (its operations join the figures' router)
)
from chitieu.web.api.auth import AUTH
from chitieu.web.api.problems import MEDIA_TYPE, ApiProblem, from_exception, problem_response

log = logging.getLogger(__name__)


class Utf8Renderer(JSONRenderer):
    """JSON with Vietnamese letters as they are ("Tốc độ"), not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012  (ninja's own attribute)


class ProblemAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI document declares errors as `application/problem+json`, the
    media type they are sent with (ninja declares every response as its renderer's)."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {MEDIA_TYPE: content["application/json"]}
        return schema


api = ProblemAPI(
    title="chitieu API",
    version="1",
    description=(
        "Danh mục chỉ tiêu, số liệu, đánh giá và dự báo của các nghị quyết; gửi và duyệt số liệu. "
        "Xác thực bằng mã truy cập cá nhân: `Authorization: Bearer ctk_…`. "
        "Lỗi trả về theo RFC 9457 (application/problem+json)."
    ),
    urls_namespace="api-v1",
    renderer=Utf8Renderer(),
    auth=AUTH,
    docs_url="/docs",
)

api.add_router("/", reads.router)
api.add_router("/", exchange.router)
api.add_router("/", jobs.router)


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, error: Exception) -> HttpResponse:
    limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,}".replace(",", ".")
    return problem_response(
        request,
        413,
        "request_too_large",
        "Yêu cầu quá lớn",
        f"Nội dung yêu cầu lớn hơn giới hạn {limit} byte; hãy gửi thành nhiều lần.",
    )


@api.exception_handler(ApiProblem)
def _problem(request: HttpRequest, error: ApiProblem) -> HttpResponse:
    return from_exception(request, error)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: Exception) -> HttpResponse:
    return problem_response(
        request,
        401,
        "unauthenticated",
        "Chưa xác thực",
        "Cần mã truy cập hợp lệ (Authorization: Bearer ctk_…) hoặc đăng nhập.",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(AuthorizationError)
@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: Exception) -> HttpResponse:
    code = getattr(error, "code", "forbidden")
    return problem_response(request, 403, code, "Không có quyền", str(error) or "Không có quyền.")


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def _not_found(request: HttpRequest, error: Exception) -> HttpResponse:
    return problem_response(
        request, 404, "not_found", "Không tìm thấy", str(error) or "Không tìm thấy đối tượng."
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [_validation_error(item) for item in error.errors]
    return problem_response(
        request,
        422,
        "invalid_request",
        "Yêu cầu không hợp lệ",
        "Yêu cầu có trường thiếu hoặc sai kiểu; xem danh sách lỗi.",
        errors=errors,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem_response(request, error.status_code, "http_error", str(error), str(error))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
    log.exception("API error at %s", request.get_full_path())
    return problem_response(
        request,
        500,
        "server_error",
        "Lỗi máy chủ",
        "Máy chủ gặp lỗi không lường trước; quản trị viên đã được ghi nhận lỗi này.",
    )


def _validation_error(item: dict[str, Any]) -> dict[str, Any]:
    location = [str(part) for part in item.get("loc", ())]
    return {
        "code": str(item.get("type", "invalid")),
        "message": validation.message(item),
        "field": ".".join(location) or None,
    }
