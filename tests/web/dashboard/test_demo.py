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


DEMO_PROFILE = """
place: {name: Hưng Yên, code: hung_yen, level: tinh}
documents:
  resolution: {path: catalogue.yaml}
departments:
  - {code: so_tai_chinh, name: Sở Tài chính, indicators: [kt.*], localities: [hung_yen/*]}
  - {code: so_y_te, name: Sở Y tế, indicators: [xh.y_te.*], localities: [hung_yen]}
demo_users:
  - {username: quantri, role: administrator}
  - {username: tonghop, role: planner}
  - {username: sotaichinh, role: department, department: so_tai_chinh}
  - {username: soyte, role: department, department: so_y_te}
  - {username: xem, role: viewer}
"""


@pytest.fixture
def demo_profile(tmp_path: Path) -> Any:
    """A small profile whose resolution is the test catalogue (a reviewed catalogue file)."""
    from chitieu.catalog.io import write_catalogue
    from chitieu.profile.io import read_profile

    write_catalogue(web_catalogue(), tmp_path / "catalogue.yaml")
    (tmp_path / "profile.yaml").write_text(DEMO_PROFILE, encoding="utf-8")
    return read_profile(tmp_path / "profile.yaml")


@pytest.mark.django_db
def test_the_demo_creates_the_profiles_users_with_the_demo_password(demo_profile: Any) -> None:
    from django.contrib.auth import authenticate

    from chitieu.web.accounts.permissions import role_of
    from chitieu.web.dashboard.demo import DEMO_PASSWORD, build_demo

    report = build_demo(demo_profile)
    names = [name for name, _ in report.logins]
    assert names == ["quantri", "tonghop", "sotaichinh", "soyte", "xem"]
    for name in names:
        assert authenticate(username=name, password=DEMO_PASSWORD) is not None
    assert role_of(authenticate(username="xem", password=DEMO_PASSWORD)).value == "xem"


@pytest.mark.django_db
def test_demo_departments_get_what_the_profile_says(demo_profile: Any) -> None:
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.plans.models import Department

    build_demo(demo_profile)
    finance = Department.objects.get(code="so_tai_chinh")
    health = Department.objects.get(code="so_y_te")
    assert list(finance.indicators.values_list("code", flat=True)) == ["kt.grdp.tang_truong"]
    assert list(health.indicators.values_list("code", flat=True)) == ["xh.y_te.bac_si"]
    assert list(health.localities.values_list("code", flat=True)) == ["hung_yen"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


@pytest.mark.slow
def test_demo_builds_the_real_plan_and_serve_serves_it_with_debug_off(tmp_path: Path) -> None:
    """The default profile is the shipped demo, wherever the command runs from."""
    env: dict[str, Any] = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(CHITIEU_HOME=str(tmp_path), CHITIEU_DEBUG="0")
    db = tmp_path / "demo.sqlite3"
    command = [sys.executable, "-m", "chitieu"]
    built = subprocess.run(
        [*command, "demo", "--no-serve", "--db", str(db)],
        env=env, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
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


@pytest.mark.django_db
def test_the_demo_users_are_never_made_in_production(settings: Any) -> None:
    from django.contrib.auth import get_user_model

    from chitieu.cli._profile import load_profile
    from chitieu.web.dashboard.demo import DemoInProduction, build_demo

    settings.PRODUCTION = True
    with pytest.raises(DemoInProduction, match="CHITIEU_PRODUCTION=1"):
        build_demo(load_profile(None))
    assert not get_user_model().objects.exists()
