"""`chitieu backup` and `chitieu restore` on fresh SQLite files: the dumps are identical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from chitieu.catalog.io import write_catalogue
from tests.web.builders import web_catalogue


def chitieu(home: Path, *args: str) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["CHITIEU_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-m", "chitieu", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def test_backup_restore_backup_across_new_databases(tmp_path: Path) -> None:
    catalogue = tmp_path / "hung_yen.yaml"
    write_catalogue(web_catalogue(), catalogue)
    chitieu(tmp_path / "a", "load", "--seed-history", str(catalogue))
    first = tmp_path / "a.json"
    chitieu(tmp_path / "a", "backup", "-o", str(first))
    chitieu(tmp_path / "b", "restore", str(first))
    assert chitieu(tmp_path / "b", "backup") == first.read_text(encoding="utf-8")


def test_restore_of_a_damaged_file_says_so_and_loads_nothing(tmp_path: Path) -> None:
    damaged = tmp_path / "hong.json"
    damaged.write_text('[{"model": "plans.plan", "pk": 1, "fi', encoding="utf-8")
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["CHITIEU_HOME"] = str(tmp_path / "b")
    done = subprocess.run(
        [sys.executable, "-m", "chitieu", "restore", str(damaged)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "hỏng hoặc không đọc được" in done.stderr and "Traceback" not in done.stderr
