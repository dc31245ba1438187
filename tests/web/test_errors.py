"""The error pages with DEBUG off: Vietnamese, inside the site's header, with the status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chitieu.web.errors import reader_message

pytestmark = pytest.mark.django_db

HEADER = '<header class="site-header">'
ENGLISH = ("Not Found", "Forbidden", "Server Error", "No Indicator matches", "requested resource")


@pytest.fixture
def viewer(client: Any, user: Callable[[str], Any], settings: Any) -> Any:
    settings.DEBUG = False
    client.force_login(user("xem"))
    return client


def _checked(response: Any, status: int, title: str) -> str:
    body: str = response.content.decode()
    assert response.status_code == status
    assert '<html lang="vi">' in body and HEADER in body and f">{title}</h1>" in body
    assert not [word for word in ENGLISH if word in body]
    return body


def test_an_unknown_address_is_a_vietnamese_404_with_the_menu(viewer: Any) -> None:
    body = _checked(viewer.get("/khong-co-trang/"), 404, "Không tìm thấy trang")
    assert "Nhiệm vụ</a>" in body  # the signed-in user's menu
    assert "<code>/khong-co-trang/</code>" in body


def test_an_unknown_indicator_hides_djangos_english_message(viewer: Any) -> None:
    body = _checked(viewer.get("/chi-tieu/khong.co/"), 404, "Không tìm thấy trang")
    assert "chưa được nạp" in body


def test_a_404_written_for_the_reader_shows_its_message(viewer: Any) -> None:
    from chitieu.web.plans.models import Plan

    plan = Plan.objects.exclude(kind="past_term").first()
    assert plan is not None
    response = viewer.get(f"/bao-cao/{plan.code}/tien-do-1900.docx")
    body = _checked(response, 404, "Không có báo cáo này")  # its own page, with the plan's reports
    assert "Năm báo cáo 1900 không thuộc" in body


def test_a_refused_page_is_a_vietnamese_403_with_the_menu_and_the_reason(viewer: Any) -> None:
    body = _checked(viewer.get("/nhap-lieu/"), 403, "Không có quyền truy cập")
    assert "Nhiệm vụ</a>" in body
    assert "chỉ được xem, không được nhập số liệu" in body


def test_a_stale_form_is_a_vietnamese_403(user: Callable[[str], Any], settings: Any) -> None:
    from django.test import Client

    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("xem"))
    body = _checked(client.post("/accounts/logout/"), 403, "Không có quyền truy cập")
    assert "tải lại trang" in body and "CSRF" not in body


def test_a_server_error_is_a_vietnamese_500_with_the_header(
    client: Any, user: Callable[[str], Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chitieu.web.dashboard import services

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    settings.DEBUG = False
    monkeypatch.setattr(services, "dashboard", broken)
    client.raise_request_exception = False
    client.force_login(user("xem"))
    body = _checked(client.get("/"), 500, "Lỗi hệ thống")
    assert "boom" not in body


def test_a_500_page_renders_even_without_a_request() -> None:
    from chitieu.web.errors import server_error

    class Broken:
        """A request whose every attribute fails, as when the middleware did not run."""

        def __getattr__(self, name: str) -> object:
            raise RuntimeError(name)

    response = server_error(Broken())  # type: ignore[arg-type]
    assert response.status_code == 500 and "Lỗi hệ thống" in response.content.decode()


def test_only_vietnamese_messages_reach_the_reader() -> None:
    assert reader_message(ValueError("Năm hoặc định dạng báo cáo không hợp lệ."))
    assert reader_message(ValueError("“x” does not exist")) == ""
    assert reader_message(ValueError({"path": "x"})) == ""
    assert reader_message(None) == ""


def test_the_trace_of_a_500_goes_to_the_error_log_not_the_page(
    client: Any, user: Callable[[str], Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    from pathlib import Path

    from chitieu.web.dashboard import services

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hỏng-để-kiểm-thử")

    (handler,) = [h for h in logging.getLogger("django.request").handlers if h.name == "error_file"]
    log = Path(handler.baseFilename)  # type: ignore[attr-defined]
    before = log.stat().st_size if log.exists() else 0
    settings.DEBUG = False
    monkeypatch.setattr(services, "dashboard", broken)
    client.raise_request_exception = False
    client.force_login(user("xem"))
    body = client.get("/").content.decode()
    handler.flush()
    logged = log.read_bytes()[before:].decode("utf-8")
    assert "Traceback" in logged and "RuntimeError: hỏng-để-kiểm-thử" in logged
    assert "hỏng-để-kiểm-thử" not in body


def test_a_bad_request_is_a_vietnamese_400(viewer: Any) -> None:
    response = viewer.get("/", HTTP_HOST="ke-xau.invalid")  # a host this site does not serve
    body: str = response.content.decode()
    assert response.status_code == 400 and '<html lang="vi">' in body
    assert ">Yêu cầu không hợp lệ</h1>" in body and "ke-xau.invalid" not in body
