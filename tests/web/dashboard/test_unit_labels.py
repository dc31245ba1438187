"""No unit code ("pct", "ty_dong") reaches a reader: the demo's pages and its progress
report show each unit as officials write it ("%", "tỷ đồng").

The codes looked for are those a reader could not take for a word: a code that is its
own symbol without tone marks ("km", "xa" for "xã") is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import pytest
from django.test import Client
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.catalog.text import fold
from chitieu.quantity.units import UNITS
from tests.profiles import seed_profile

# Slow: the demo is built and every one of its indicator pages drawn (about a minute).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

RAW = sorted((c for c, u in UNITS.items() if fold(u.symbol) != fold(c)), key=len, reverse=True)
# A code standing alone: not inside an indicator code ("xh.lao_dong.qua_dao_tao") or a
# word, though it may end a sentence ("… (ty_dong).").
_RAW = re.compile(r"(?<![\w/-])(?<!\w\.)(" + "|".join(map(re.escape, RAW)) + r")(?![\w-])(?!\.\w)")


def raw_codes(text: str) -> list[str]:
    """Each raw unit code in `text`, with a few words around it.

    >>> raw_codes("Thấp hơn lộ trình: 220.000 (ty_dong). Mã xh.lao_dong.qua_dao_tao; 9,9%")
    ['220.000 (ty_dong). Mã xh.lao']
    """
    return [text[max(0, m.start() - 8) : m.end() + 12] for m in _RAW.finditer(text)]


def visible(html: str) -> str:
    """The text a reader sees: no scripts, no tags, no attributes."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@dataclass
class Demo:
    users: dict[str, str]  # role -> the profile's first demo user of that role


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Demo]:
    from django.db import transaction

    from chitieu.web.dashboard.demo import build_demo

    profile = seed_profile()
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo(profile)
        users: dict[str, str] = {}
        for user in profile.demo_users:
            users.setdefault(user.role, user.username)
        yield Demo(users)
        transaction.set_rollback(True)


def _client(demo: Demo, role: str) -> Client:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=demo.users[role]))
    return client


def _pages(client: Client, urls: list[str]) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        codes = raw_codes(visible(response.content.decode()))
        if codes:
            found[url] = codes
    return found


def test_the_dashboard_of_every_plan_shows_no_unit_code(demo: Demo) -> None:
    from chitieu.web.plans.models import Plan

    urls = ["/", *(f"/?ke_hoach={plan.code}" for plan in Plan.objects.all())]
    assert _pages(_client(demo, "viewer"), urls) == {}


def test_no_indicator_page_shows_a_unit_code(demo: Demo) -> None:
    from chitieu.web.plans.models import Indicator

    urls = [f"/chi-tieu/{code}/" for code in Indicator.objects.values_list("code", flat=True)]
    assert len(urls) > 100
    assert _pages(_client(demo, "viewer"), urls) == {}


@pytest.mark.parametrize("role", ["department", "planner"])
def test_the_entry_and_review_pages_show_no_unit_code(demo: Demo, role: str) -> None:
    urls = ["/nhap-lieu/", "/nhiem-vu/"] + (["/nhap-lieu/duyet/"] if role == "planner" else [])
    assert _pages(_client(demo, role), urls) == {}


def test_the_progress_report_shows_no_unit_code(demo: Demo) -> None:
    from chitieu.web.dashboard.downloads import default_year
    from chitieu.web.dashboard.services import default_plan

    plan = default_plan()
    assert plan is not None
    client = _client(demo, "viewer")
    base = f"/bao-cao/{plan.code}/tien-do-{default_year(plan)}"
    document = open_docx(BytesIO(client.get(f"{base}.docx").content))
    words = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    book = load_workbook(BytesIO(client.get(f"{base}.xlsx").content))
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert raw_codes("\n".join(words + cells)) == []
