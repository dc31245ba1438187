"""`chitieu demo` / `chitieu serve`: the demo store, its users, and serving with DEBUG off."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.web.builders import web_catalogue

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_the_demo_creates_one_user_per_role_with_the_demo_password() -> None:
    from django.contrib.auth import authenticate

    from chitieu.web.accounts.permissions import role_of
    from chitieu.web.dashboard.demo import DEMO_PASSWORD, build_demo

    report = build_demo(web_catalogue())
    names = [name for name, _ in report.logins]
    assert names == ["quantri", "tonghop", "sotaichinh", "soyte", "sotnmt", "xem"]
    for name in names:
        assert authenticate(username=name, password=DEMO_PASSWORD) is not None
    assert role_of(authenticate(username="xem", password=DEMO_PASSWORD)).value == "xem"


@pytest.mark.django_db
def test_demo_departments_get_their_indicators() -> None:
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Department

    build_demo(web_catalogue())
    finance = Department.objects.get(code="so_tai_chinh")
    health = Department.objects.get(code="so_y_te")
    assert list(finance.indicators.values_list("code", flat=True)) == ["kt.grdp.tang_truong"]
    assert list(health.indicators.values_list("code", flat=True)) == ["xh.y_te.bac_si"]
    assert health.localities.filter(code="hung_yen").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


@pytest.mark.slow
def test_demo_builds_the_real_plan_and_serve_serves_it_with_debug_off(tmp_path: Path) -> None:
    env: dict[str, Any] = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(CHITIEU_HOME=str(tmp_path), CHITIEU_DEBUG="0")
    db = tmp_path / "demo.sqlite3"
    seed = REPO / "data" / "hung-yen" / "bao-cao-chinh-tri-hung-yen-2025-2030.txt"
    command = [sys.executable, "-m", "chitieu"]
    built = subprocess.run(
        [*command, "demo", "--no-serve", "--db", str(db), "--document", str(seed)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "hung_yen_2025_2030" in built.stdout and "tonghop" in built.stdout
    port = _free_port()
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--db", str(db)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, body = _get(f"{base}/accounts/login/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("chitieu serve did not answer")
        assert status == 200 and "Đăng nhập".encode() in body
        status, script = _get(f"{base}/static/chitieu/vendor/vega-bundle.js")
        assert status == 200 and b"vegaEmbed" in script
    finally:
        server.terminate()
        server.wait(timeout=10)
