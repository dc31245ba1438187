"""The indicator page and the dashboard row on the demo's real figures: periods told apart."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db

BUDGET = "kt.thu_ngan_sach.tong"
GROWTH = "kt.grdp.tang_truong"


@pytest.fixture
def viewer(client: Any) -> Any:
    """The demo store of the place profile, and its viewer signed in."""
    from django.contrib.auth import get_user_model

    from chitieu.web.dashboard.demo import build_demo
    from tests.profiles import seed_profile

    build_demo(seed_profile())
    client.force_login(get_user_model().objects.get(username="xem"))
    return client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _part(body: str, anchor: str, end: str) -> str:
    start = body.rindex("<", 0, body.index(f'id="{anchor}"'))
    return _text(body[start : body.index(end, start)])


def _row(body: str, code: str) -> str:
    start = body.rindex("<", 0, body.index(f'data-code="{code}"'))
    return _text(body[start : body.index("</tr>", start)])


def test_the_january_budget_is_the_year_so_far_on_the_page_and_the_row(viewer: Any) -> None:
    page = viewer.get(f"/chi-tieu/{BUDGET}/").content.decode()
    latest = _part(page, "so-mot-phan-nam", "</p>")
    assert "5.914 tỷ đồng (lũy kế tháng 1/2026 · ước)" in latest
    assert "đạt 9,1% mục tiêu năm (65.000 tỷ đồng), đã qua 8,3% thời gian của năm" in latest
    assert "bằng 7% kế hoạch năm 2026 (84.250 tỷ đồng)" in latest
    assert "không dùng để đánh giá kết quả cả năm" in latest
    assert _part(page, "trang-thai", "</span>").strip() == "Chưa có số liệu"
    row = _row(viewer.get("/?ke_hoach=hung_yen_2025_2030").content.decode(), BUDGET)
    assert "lũy kế tháng 1/2026 · ước" in row
    assert "đạt 9,1% mục tiêu năm (65.000 tỷ đồng), đã qua 8,3% thời gian của năm" in row
    assert "Chưa có số liệu năm nào trong giai đoạn 2026-2030" in row


def test_the_budget_page_shows_both_baselines_and_where_the_path_starts(viewer: Any) -> None:
    page = viewer.get(f"/chi-tieu/{BUDGET}/").content.decode()
    base = _part(page, "nam-goc-lo-trinh", "</dl>")
    assert "Theo nghị quyết Năm 2025: 74.432 tỷ đồng (ước)" in base
    assert "bao-cao-chinh-tri-hung-yen-2025-2030.txt, dòng 48 (lộ trình tính từ số này)" in base
    assert "Số điều chỉnh sau Năm 2025: 100.299 tỷ đồng (ước)" in base
    assert "baophapluat.vn" in base
    path = _part(page, "lo-trinh", "</summary>")
    assert "tính từ năm gốc 2025 theo nghị quyết: 74.432 tỷ đồng (ước)" in path
    rebased = _part(page, "lo-trinh-dieu-chinh", "</summary>")
    assert "Lộ trình tính lại từ số điều chỉnh năm 2025 (100.299 tỷ đồng" in rebased


def test_an_average_target_says_which_years_it_averaged(viewer: Any) -> None:
    """GRDP growth 10-11%/năm on average over 2026-2030 with 2026 alone: 'bình quân 2026–2026'."""
    from chitieu.web.plans.models import Indicator, Plan

    plan = Plan.objects.get(code="hung_yen_2025_2030")
    growth = Indicator.objects.get(plan=plan, code=GROWTH)
    put(growth, plan.locality, 2026, "9.5", status="uoc", approved=True)
    page = viewer.get(f"/chi-tieu/{GROWTH}/").content.decode()
    averaged = _part(page, "binh-quan", "</p>")
    assert "Kết quả bình quân 2026–2026: 9,5%/năm" in averaged
    assert "giai đoạn 2026–2030, chưa phải cả giai đoạn" in averaged
    row = _row(viewer.get("/?ke_hoach=hung_yen_2025_2030").content.decode(), GROWTH)
    assert "bình quân 2026–2026" in row
