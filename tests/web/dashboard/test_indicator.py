"""The indicator page: the assessment's sentence, with the arithmetic one click away."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[3]


def _section(body: str, heading_id: str) -> str:
    start = body.index(f'id="{heading_id}"')
    return body[start : body.index("</section>", start)]


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def test_the_reason_is_a_sentence_and_the_arithmetic_is_inside_a_details(
    client: Any, user: Any, store: dict[str, Any]
) -> None:
    put(store["doctors"], store["province"], 2025, "11", approved=True)
    put(store["doctors"], store["province"], 2026, "12", approved=True)
    client.force_login(user("xem"))
    body = client.get("/chi-tieu/xh.y_te.bac_si/").content.decode()
    card = _section(body, "danh-gia")
    start = card.index('id="ly-do">') + len('id="ly-do">')
    assert _text(card[start : card.index("</p>", start)]) == (
        "Năm 2026 đạt 12 bác sỹ/vạn dân, mới bằng 80% mục tiêu 15 bác sỹ/vạn dân,"
        " thiếu hơn 5% so với mục tiêu, giai đoạn chưa kết thúc nên đánh giá là chưa đạt."
    )
    details = re.findall(r'<details class="working">(.*?)</details>', card, re.S)
    assessment, outlook = (_text(d) for d in details)
    assert assessment.startswith("Cách tính")
    assert "<summary>Cách tính</summary>" in details[0]
    assert "Số liệu năm 2026: 12 bác sỹ/vạn dân" in assessment
    assert "Tỷ lệ so với mục tiêu: 12 / 15 = 80%" in assessment
    assert "Tỷ lệ tiến độ R = " in outlook


def test_the_dashboard_row_carries_the_arithmetic_behind_its_reason(
    client: Any, user: Any, store: dict[str, Any]
) -> None:
    put(store["doctors"], store["province"], 2026, "12", approved=True)
    client.force_login(user("xem"))
    body = client.get("/").content.decode()
    start = body.index('<tr data-code="xh.y_te.bac_si"')
    row = body[start : body.index("</tr>", start)]
    assert '<details class="working"><summary>Cách tính</summary>' in row
    assert "12 / 15 = 80%" in row


@pytest.mark.slow
def test_every_chart_of_the_demo_holds_what_it_draws() -> None:
    """The demo built from the shipped profile: each indicator page's chart keeps every point,
    the target's rule or band and the path inside its y axis."""
    from chitieu.profile.io import read_profile
    from chitieu.web.dashboard.demo import build_demo
    from chitieu.web.dashboard.indicator import indicator_page
    from chitieu.web.plans.models import Indicator
    from tests.reports.test_charts import assert_holds_everything

    build_demo(read_profile(REPO / "data" / "hung-yen" / "profile.yaml"))
    charts = [indicator_page(i).chart for i in Indicator.objects.select_related("plan")]
    assert len(charts) > 100
    drawn = 0
    for chart in charts:
        assert_holds_everything(chart)
        drawn += len(chart["layer"]) > 1
    assert drawn > 50


def test_a_row_without_figures_has_no_arithmetic_to_open(
    client: Any, user: Any, store: dict[str, Any]
) -> None:
    client.force_login(user("xem"))
    body = client.get("/").content.decode()
    start = body.index('<tr data-code="xh.y_te.bac_si"')
    row = body[start : body.index("</tr>", start)]
    assert "Chưa có số liệu" in row and "Cách tính" not in row
