"""Every shipped place profile, end to end, the same way (data/profiles.yaml lists them).

For each profile: `chitieu init` builds the store and a second run changes nothing; the
dashboard shows every target of the resolution; an indicator page quotes its source and
its published figures; a department user enters and submits a figure and the planner
approves it; the yearly progress report, in Word and Excel, is opened back and carries it.
What each test looks for comes from the profile and the store, never from a place's name:
a third profile added to data/profiles.yaml is tested by adding nothing here (only a few
published rows are written out by hand below, to check the import against its CSV). Every
indicator of the resolution and of the annual plans must have a department.

Each profile's store is built once (a module fixture, in a transaction rolled back at the
end); pytest runs the tests of one profile before building the next.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import Client
from django.utils.html import escape
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.profile.model import PlaceProfile
from tests.profiles import profile_id, shipped_profile, shipped_profiles

pytestmark = pytest.mark.django_db

# Rows of each profile's published CSV, as they must be stored: (indicator code, period,
# status, value). Written out by hand from the CSV, so that the mapping is checked too.
PUBLISHED = {
    "quang-ninh": [
        ("kt.grdp.tang_truong", "2025", "uoc", "11.89"),
        ("kt.grdp.tang_truong", "2026", "ke_hoach", "13"),
        ("bs.thu_ngan_sach", "2025", "uoc", "82235"),
        ("bs.thu_noi_dia", "2025", "uoc", "64435"),
        ("bs.thu_tien_su_dung_dat", "2025", "uoc", "26460"),
    ],
    "hung-yen": [
        ("kt.grdp.tang_truong", "2025", "uoc", "8.78"),
        ("kt.thu_ngan_sach.tong", "2025", "uoc", "100299"),
    ],
}
# Targets of the resolution without a department, as the profile ships them. A ratchet: every
# shipped profile now gives each one an owner; a new gap fails.
UNASSIGNED: dict[str, int] = {}


@dataclass
class Shipped:
    """A shipped profile applied to the store with its demo users (`chitieu demo`)."""

    profile: PlaceProfile
    steps: list[str]

    @property
    def name(self) -> str:
        return self.profile.folder.name

    def resolution(self) -> Any:
        from chitieu.web.figures.published import stored_resolution_plan

        return stored_resolution_plan(self.profile)

    def login(self, client: Client, role: str, username: str | None = None) -> Any:
        """Sign a demo user in (the profile's first of `role`, or the one named); the user."""
        from django.contrib.auth import get_user_model

        found = username or next(u for u in self.profile.demo_users if u.role == role).username
        user = get_user_model().objects.get(username=found)
        client.force_login(user)
        return user


@pytest.fixture(scope="module", params=shipped_profiles(), ids=profile_id)
def shipped(
    request: pytest.FixtureRequest, django_db_setup: Any, django_db_blocker: Any
) -> Iterator[Shipped]:
    from django.db import transaction

    from chitieu.web.dashboard.demo import build_demo

    profile = shipped_profile(request.param)
    with django_db_blocker.unblock(), transaction.atomic():
        yield Shipped(profile, build_demo(profile).steps)
        transaction.set_rollback(True)


# -- init ----------------------------------------------------------------------------------


def _snapshot() -> dict[str, list[str]]:
    """Every stored row but the audit trail, without primary keys (a reloaded plan's
    targets are written again, with new keys, by design), as sorted text per table."""
    from django.apps import apps

    rows = {}
    for label in ("plans", "figures", "dashboard", "accounts"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            values = model.objects.values()
            rows[model._meta.db_table] = sorted(
                repr(sorted((k, v) for k, v in row.items() if k != "id")) for row in values
            )
    return rows


def test_init_again_changes_nothing(shipped: Shipped) -> None:
    from chitieu.cli import main
    from chitieu.web.audit.models import AuditEntry

    before = _snapshot()
    applied = AuditEntry.objects.filter(action="ap_dung_ho_so").count()
    result = CliRunner().invoke(main, ["init", str(shipped.profile.file)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("Địa bàn: 0 mới,")
    loads = [line for line in lines if ": Đã nạp " in line]
    assert loads and all(" 0 chỉ tiêu mới," in line for line in loads)
    if shipped.profile.documents.published is not None:
        (published,) = [line for line in lines if line.startswith("Số liệu đã công bố:")]
        assert "Đã ghi: 0 số liệu mới, 0 số liệu sửa," in published
    assert _snapshot() == before
    assert AuditEntry.objects.filter(action="ap_dung_ho_so").count() == applied + 1


def test_the_profile_gives_every_step_and_names_nothing_the_store_lacks(shipped: Shipped) -> None:
    from chitieu.web.plans.models import Department, Locality, Plan, PlanKind

    profile = shipped.profile
    place = Locality.objects.get(code=profile.place.code)
    assert place.name == profile.place.full_name
    former = {u.code for u in profile.former_units}
    assert former <= set(place.children.values_list("code", flat=True))
    resolution = shipped.resolution()
    for spec in profile.documents.annual_plans:
        plan = Plan.objects.get(kind=PlanKind.ANNUAL_PLAN, term_start=spec.year, parent=resolution)
        assert plan.targets.exists()
    departments = profile.departments
    assert not isinstance(departments, Path)  # the shipped profiles write theirs inline
    assert set(Department.objects.values_list("code", flat=True)) == {d.code for d in departments}
    assert shipped.steps[-1].startswith(f"Người dùng demo: {len(profile.demo_users)} ")


def test_the_published_rows_are_stored_as_the_csv_gives_them(shipped: Shipped) -> None:
    from chitieu.web.figures.models import Figure

    place = shipped.profile.place.code
    for code, period, status, value in PUBLISHED.get(shipped.name, []):
        found = Figure.objects.get(
            indicator__code=code, locality__code=place, period=period, status=status
        )
        assert found.value == Decimal(value), (code, period, status)
        assert found.source.startswith("http"), "every published row cites its page"


def test_every_target_of_the_resolution_has_a_department(shipped: Shipped) -> None:
    from chitieu.web.plans.models import Target

    targets = Target.objects.filter(plan=shipped.resolution()).select_related("indicator")
    assert targets.exists()
    missing = sorted({t.indicator.code for t in targets if not t.indicator.department_set.exists()})
    assert len(missing) <= UNASSIGNED.get(shipped.name, 0), missing


def test_every_indicator_of_every_plan_with_targets_has_a_department(shipped: Shipped) -> None:
    from chitieu.web.plans.ownership import owned_indicators, unassigned_indicators

    assert owned_indicators().filter(plan__kind="annual_plan").exists()
    assert list(unassigned_indicators().values_list("code", flat=True)) == []


# -- pages ---------------------------------------------------------------------------------


def test_the_dashboard_shows_every_target_of_the_resolution(
    shipped: Shipped, client: Client
) -> None:
    from chitieu.web.dashboard.audit import past_term_years
    from chitieu.web.plans.models import Indicator

    shipped.login(client, "viewer")
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    resolution = shipped.resolution()
    assert escape(resolution.name) in body
    names = Indicator.objects.filter(targets__plan=resolution, active=True).values_list(
        "name", flat=True
    )
    assert names and all(escape(name) in body for name in names)
    years = past_term_years()
    assert ("Đánh giá nhiệm kỳ" in body) is bool(years)  # the menu offers an audit only then
    if years:
        assert f"Đánh giá nhiệm kỳ {years}" in body


def test_the_audit_page_says_which_terms_it_has(shipped: Shipped, client: Client) -> None:
    from chitieu.web.dashboard.audit import past_term_years

    shipped.login(client, "viewer")
    body = client.get("/danh-gia-nhiem-ky-truoc/").content.decode()
    years = past_term_years()
    if years:
        assert f"Kết quả nhiệm kỳ {years}" in body
    else:
        assert "Cơ sở dữ liệu chưa có kết quả nhiệm kỳ trước" in body


def test_an_indicator_page_quotes_its_source_and_its_published_figures(
    shipped: Shipped, client: Client
) -> None:
    from django.db.models import Count

    from chitieu.web.plans.models import Indicator

    resolution = shipped.resolution()
    indicator = (
        Indicator.objects.filter(plan=resolution, active=True)
        .annotate(count=Count("figures"))
        .order_by("-count", "code")
        .first()
    )
    assert indicator is not None and indicator.count > 0, "a figure of a resolution indicator"
    shipped.login(client, "viewer")
    response = client.get(f"/chi-tieu/{indicator.code}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert escape(indicator.name) in body
    assert f"{indicator.source_document}, dòng {indicator.source_line}" in body
    for figure in indicator.figures.filter(locality=resolution.locality):
        assert escape(figure.source) in body


# -- entry, approval, report ---------------------------------------------------------------


@dataclass
class Entered:
    indicator: Any
    year: int
    value: Decimal


def _entry_target(shipped: Shipped) -> tuple[Any, Any, Any]:
    """(department demo user, its department, an indicator of the resolution it enters)."""
    from chitieu.web.plans.models import Department, Indicator

    resolution = shipped.resolution()
    for user in shipped.profile.demo_users:
        if user.role != "department":
            continue
        department = Department.objects.get(code=user.department)
        found = (
            Indicator.objects.filter(
                department=department, plan=resolution, active=True, targets__plan=resolution
            )
            .order_by("position", "code")
            .first()
        )
        if found is not None and department.localities.filter(pk=resolution.locality_id).exists():
            return user, department, found
    pytest.fail("no department demo user enters a target of the resolution")


class _Form(HTMLParser):
    """The fields of a page's forms with the values a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        name = found.get("name", "")
        if tag == "input" and name and found.get("type") not in ("submit", "button"):
            if found.get("type") not in ("checkbox", "radio") or "checked" in found:
                self.fields[name] = found.get("value", "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select is not None:
            if self._select not in self.fields or "selected" in found:
                self.fields[self._select] = found.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.fields[self._textarea] += data


def form_fields(page: str) -> dict[str, str]:
    parser = _Form()
    parser.feed(page)
    parser.fields.pop("csrfmiddlewaretoken", None)
    return parser.fields


def _typed(value: Decimal) -> str:
    """A value as a person types it on the form: 12,5."""
    return format(value.normalize(), "f").replace(".", ",")


def enter_and_approve(shipped: Shipped, client: Client) -> Entered:
    """The department enters a figure of the first report year and submits it, over HTTP;
    the planner approves it from the review queue."""
    from chitieu.web.figures.models import Figure, ReviewState

    user, department, indicator = _entry_target(shipped)
    resolution = shipped.resolution()
    place = resolution.locality
    year = resolution.term_start + 1
    target = indicator.targets.filter(plan=resolution).first()
    value = target.low if target.low is not None else target.high or Decimal(1)
    shipped.login(client, "department", user.username)
    url = f"/nhap-lieu/{department.code}/{year}/?dia_ban={place.code}"
    form = client.get(url)
    assert form.status_code == 200
    assert escape(indicator.name) in form.content.decode()
    prefix = f"r{indicator.pk}"
    post = form_fields(form.content.decode())  # every row, as the browser sends the page
    post.update(
        {
            f"{prefix}-value": _typed(value),
            f"{prefix}-status": "uoc",
            f"{prefix}-source": "Báo cáo của sở",
            "action": "submit",
        }
    )
    saved = client.post(url, post)
    assert saved.status_code == 302, saved.content.decode()[-2000:]
    figure = Figure.objects.get(indicator=indicator, locality=place, period=str(year), status="uoc")
    assert (figure.value, figure.review_state) == (value, ReviewState.SUBMITTED)
    assert figure.entered_by.username == user.username

    shipped.login(client, "planner")
    queue = client.get("/nhap-lieu/duyet/").content.decode()
    assert f'id="figure-{figure.pk}"' in queue
    review = {
        f"f{figure.pk}-action": "approve",
        f"f{figure.pk}-comment": "",
        f"f{figure.pk}-version": str(figure.version),
    }
    assert client.post(f"/nhap-lieu/duyet/{figure.pk}/", review).status_code == 302
    figure.refresh_from_db()
    assert figure.review_state == ReviewState.APPROVED
    return Entered(indicator, year, value)


def test_a_department_enters_a_figure_and_the_planner_approves_it(
    shipped: Shipped, client: Client
) -> None:
    entered = enter_and_approve(shipped, client)
    shipped.login(client, "viewer")
    page = client.get(f"/chi-tieu/{entered.indicator.code}/").content.decode()
    assert "Đã duyệt" in page and "Báo cáo của sở" in page


def test_the_progress_report_carries_the_approved_figure_in_word_and_excel(
    shipped: Shipped, client: Client
) -> None:
    entered = enter_and_approve(shipped, client)
    resolution = shipped.resolution()
    place = shipped.profile.place
    shipped.login(client, "viewer")
    address = f"/bao-cao/{resolution.code}/tien-do-{entered.year}"
    word, excel = client.get(f"{address}.docx"), client.get(f"{address}.xlsx")
    assert word.status_code == excel.status_code == 200

    document = open_docx(BytesIO(word.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    heading = cells[0]
    body = _issuing_body(resolution.issuer, place.level, place.full_name)
    assert body in heading  # the resolution's own issuer: "TỈNH ỦY …" for a Party congress
    assert f"{place.name}, ngày" in cells[1]
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    (row,) = [r for r in rows if r[1].startswith(entered.indicator.name)]
    latest = re.compile(rf"{re.escape(_typed(entered.value))}(?![\d,]).* \({entered.year}, ước\)")
    assert any(latest.match(cell) for cell in row), row  # "12%/năm (2026, ước)"

    book = load_workbook(BytesIO(excel.content))
    sheet = book["Chỉ tiêu"]
    assert sheet["A1"].value == body
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in values if r[0] == "STT")
    (found,) = [r for r in values if r[1] == entered.indicator.name]
    assert Decimal(str(found[header.index("Giá trị mới nhất")])) == entered.value


def _issuing_body(issuer: str, level: str, place: str) -> str:
    from chitieu.reports.issuers import ISSUER_KINDS, issuer_kind, issuing_body

    return issuing_body(issuer_kind(issuer) or ISSUER_KINDS["ubnd"], level, place)


def test_an_annual_plan_offers_and_builds_the_report_of_its_year(
    shipped: Shipped, client: Client
) -> None:
    """A one-year plan reports on its own year (not "2026-2026" past-term links)."""
    from chitieu.web.plans.models import Plan

    annual = Plan.objects.filter(kind="annual_plan").order_by("-term_start").first()
    assert annual is not None
    shipped.login(client, "viewer")
    page = client.get(f"/?ke_hoach={annual.code}").content.decode()
    assert f'<option value="{annual.term_start}"' in page
    assert "Bảng kết quả thực hiện các chỉ tiêu nhiệm kỳ" not in page
    word = client.get(f"/bao-cao/{annual.code}/tien-do-{annual.term_start}.docx")
    assert word.status_code == 200
    document = open_docx(BytesIO(word.content))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(f"kế hoạch năm {annual.term_start}" in text for text in texts), texts[:8]


# -- `chitieu init --db FILE` in a fresh process -----------------------------------------


def _counts(db: Path) -> dict[str, int]:
    """Rows per table, the audit trail and Django's own tables aside."""
    with sqlite3.connect(db) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith(("audit_", "django_", "sqlite_"))
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.slow
@pytest.mark.parametrize("path", shipped_profiles(), ids=profile_id)
def test_init_builds_a_database_file_and_a_second_run_changes_nothing(
    path: Path, tmp_path: Path
) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    db = tmp_path / "chitieu.sqlite3"
    command = [sys.executable, "-m", "chitieu", "init", str(path), "--db", str(db)]
    runs = []
    for _ in range(2):
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=180, check=False,
            cwd=tmp_path,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        runs.append((done.stdout, _counts(db)))
    (first, built), (second, again) = runs
    assert built["plans_indicator"] > 0 and again == built
    assert " 0 chỉ tiêu mới," not in first and " 0 chỉ tiêu mới," in second
