"""The production settings: `manage.py check --deploy` has nothing to say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PRODUCTION = {
    "CHITIEU_PRODUCTION": "1",
    "CHITIEU_SECRET_KEY": "k9#Qz2!vH7@pL4$wN8^tR1&yB6*eM3(uJ5)xC0_aS9+dF2=gZ7-hK4~nT8|mW1",
    "CHITIEU_ALLOWED_HOSTS": "chitieu.hungyen.gov.vn",
}


def _check(tmp_path: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(CHITIEU_HOME=str(tmp_path), DJANGO_SETTINGS_MODULE="chitieu.web.settings", **extra)
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_check_deploy_is_clean_with_the_production_environment(tmp_path: Path) -> None:
    result = _check(tmp_path, PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    result = _check(tmp_path, {**PRODUCTION, "CHITIEU_SECRET_KEY": ""})
    assert result.returncode != 0 and "CHITIEU_SECRET_KEY" in result.stderr
