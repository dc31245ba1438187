"""The restore drill of docs/security.md, on the database the tests run on.

A store with figures and their history, users, an API token and a job is backed up with
`chitieu backup`, restored with `chitieu restore` into a fresh database (a new SQLite file,
or a PostgreSQL database created here and dropped at the end), and the restored store is
checked: its dump is the same, a user signs in with their password, the dashboard shows
the same page. The commands run in their own processes, as an administrator runs them.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from chitieu.web.accounts.models import Role
from chitieu.web.accounts.services import create_user
from chitieu.web.api.services import issue_token
from chitieu.web.figures.services import approve_figure, record_figure, submit_figure
from chitieu.web.jobs.models import JobKind
from chitieu.web.jobs.services import create_job

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "Dien-tap-khoi-phuc-2026"

# Signs in through the sign-in form and prints the dashboard without its per-request tokens.
SIGN_IN_AND_LOOK = """
import django, re, sys
django.setup()
from django.test import Client
client = Client()
answer = client.post("/accounts/login/", {"username": "drill", "password": sys.argv[1]})
assert answer.status_code == 302, answer.status_code
page = client.get("/").content.decode()
print(re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page))
"""


def postgres() -> bool:
    return connection.vendor == "postgresql"


def url_of(name: str) -> str:
    if postgres():
        return f"postgres://root@127.0.0.1:5432/{name}"
    return f"sqlite:///{name}"


def run(url: str, home: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DATABASE_URL=url,
        CHITIEU_HOME=str(home),
        CHITIEU_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="chitieu.web.settings",
    )
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL database."""
    if not postgres():
        yield url_of(str(tmp_path / "khoi_phuc.sqlite3"))
        return
    name = f"chitieu_drill_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_of(name)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_store(store: dict[str, Any], user: Callable[[str], Any]) -> None:
    writer = user("sokhdt")
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.123456"),
        actor=writer, expected_version=None, source="Sở Tài chính", note="ghi chú",
    )  # fmt: skip
    approve_figure(submit_figure(figure, actor=writer), actor=user("tonghop"))
    record_figure(
        store["doctors"], store["province"], "2026", "chinh_thuc", Decimal("11.5"),
        actor=user("soyte"), expected_version=None, source="Sở Y tế",
    )  # fmt: skip
    create_user("drill", role=Role.PLANNER, password=PASSWORD, temporary=False, actor=None)
    issue_token(user("tonghop"), "diễn tập", actor=None)
    create_job(JobKind.IMPORT, name="so_lieu.csv", params={}, actor=user("tonghop"))


def test_backup_restores_into_a_fresh_database_that_works_the_same(
    store: dict[str, Any], user: Callable[[str], Any], fresh_database: str, tmp_path: Path
) -> None:
    build_store(store, user)
    source = url_of(connection.settings_dict["NAME"])
    dump = tmp_path / "sao_luu.json"
    run(source, tmp_path / "a", "-m", "chitieu", "backup", "-o", str(dump))
    assert "figures.figurerevision" in dump.read_text(encoding="utf-8")

    restored = run(fresh_database, tmp_path / "b", "-m", "chitieu", "restore", str(dump))
    assert "Đã khôi phục" in restored
    again = run(fresh_database, tmp_path / "b", "-m", "chitieu", "backup")
    assert again == dump.read_text(encoding="utf-8")

    before = run(source, tmp_path / "a", "-c", SIGN_IN_AND_LOOK, PASSWORD)
    after = run(fresh_database, tmp_path / "b", "-c", SIGN_IN_AND_LOOK, PASSWORD)
    assert "8,1" in after  # the approved GRDP growth, as the dashboard writes it
    assert re.sub(r"\s+", " ", after) == re.sub(r"\s+", " ", before)
