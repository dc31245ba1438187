"""The error pages (400, 403, 404, 500): in Vietnamese, inside the site's header and menu.

Django's own error messages are English and written for developers ("No Indicator
matches the given query."); a page shows an exception's message only when chitieu wrote
it for the reader, which is to say when it is Vietnamese.
"""

from __future__ import annotations

import logging
import re

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

_VIETNAMESE = re.compile(r"[À-ỹĐđ]")
_FALLBACK_500 = (
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi hệ thống</title>'
    "<h1>Lỗi hệ thống</h1><p>Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau; "
    'nếu lỗi còn lặp lại, hãy báo cho người quản trị.</p><p><a href="/">Về trang tổng quan</a></p>'
)
logger = logging.getLogger(__name__)


def reader_message(exception: Exception | None) -> str:
    """The exception's message when it is written for the reader, else "".

    >>> reader_message(ValueError("Sở, ngành không được giao địa bàn này."))
    'Sở, ngành không được giao địa bàn này.'
    >>> reader_message(ValueError("No Indicator matches the given query."))
    ''
    """
    if exception is None or not exception.args or not isinstance(exception.args[0], str):
        return ""
    message = exception.args[0]
    return message if _VIETNAMESE.search(message) else ""


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A request Django could not take (a malformed upload, a host it does not serve…)."""
    return render(request, "400.html", {"message": reader_message(exception)}, status=400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    context = {"message": reader_message(exception)}
    return render(request, "403.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with a stale or missing security token (settings.CSRF_FAILURE_VIEW)."""
    message = (
        "Biểu mẫu đã cũ hoặc phiên làm việc đã hết hạn, nên yêu cầu không được thực hiện. "
        "Hãy tải lại trang rồi gửi lại."
    )
    return render(request, "403.html", {"message": message}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    context = {"message": reader_message(exception), "path": request.path}
    return render(request, "404.html", context, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The page with the site's header; a bare page when even that fails (the database
    the menu reads may be what failed)."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The 500 page could not be rendered with its header")
        try:
            return HttpResponseServerError(render_to_string("500.html"))
        except Exception:
            return HttpResponseServerError(_FALLBACK_500)
