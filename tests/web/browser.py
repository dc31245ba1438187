"""Shared browser fixtures: one Chromium per test module, a page per test, sign-in by role.

Use in a browser test module:

    from tests.web.browser import browser, browser_user, login, page  # noqa: F401

    pytestmark = [pytest.mark.browser, pytest.mark.slow,
                  pytest.mark.django_db(transaction=True)]

    def test_x(page, browser_user):
        browser_user("tonghop")          # the role user, with the demo password
        login(page, "tonghop")
        page.goto("/")                   # relative to live_server.url

The page's context has `base_url=live_server.url`, a 1366x768 viewport and the
Vietnamese locale. Screenshots go under `ARTIFACTS` (test-artifacts/, git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEMO_PASSWORD = "chitieu-demo"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole module (launching costs about a second)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's
    # ORM calls from the test body (creating users) are still synchronous and safe.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh context (no cookies) on the live server; relative URLs work in goto()."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 768}, locale="vi-VN"
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def browser_user(user: Callable[[str], Any]) -> Callable[[str], Any]:
    """browser_user("xem") → the role user from tests/web/fixtures.py, password DEMO_PASSWORD."""

    def make(username: str) -> Any:
        account = user(username)
        account.set_password(DEMO_PASSWORD)
        account.save(update_fields=["password"])
        return account

    return make


def login(page: Any, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real form at /accounts/login/ and wait for the redirect."""
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    with page.expect_navigation():
        page.locator("form [type=submit]").first.click()
    if "/accounts/login/" in page.url:
        raise AssertionError(f"Đăng nhập không thành công cho {username}: {page.url}")


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot as test-artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
