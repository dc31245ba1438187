"""The published import in the store: revision chains, conflicts, and the indicator page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import FigureConflict
from chitieu.web.figures.series import revisions_of
from chitieu.web.plans.models import Indicator, Locality
from tests.profiles import load_seed_resolution, seed_profile


@pytest.fixture
def imported(db: Any) -> str:
    from chitieu.web.figures.published import import_published_figures

    load_seed_resolution()
    return import_published_figures(seed_profile(), actor=None).report


@pytest.mark.django_db
def test_estimate_then_official_figure_is_one_chain(imported: str) -> None:
    series = revisions_of(
        Indicator.objects.get(code="thai_binh_cu_2020_2025.003"),
        Locality.objects.get(code="thai_binh_cu"),
        "2022",
    )
    assert [(s.status.value, s.value) for s in series.chain] == [
        ("uoc", Decimal("9.2")),
        ("chinh_thuc", Decimal("9.52")),
    ]
    assert series.best is not None and series.best.value == Decimal("9.52")
    assert [c.value for c in series.conflicts] == [Decimal("9.52")]  # the second ước source


@pytest.mark.django_db
def test_every_conflict_is_stored_and_reported(imported: str) -> None:
    assert FigureConflict.objects.count() == 22
    assert "| kt.thu_ngan_sach.tong | hung_yen | 2025 | ước | 100.299" in imported


@pytest.mark.django_db
def test_indicator_page_shows_chain_conflict_and_annual_target(imported: str, client) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("xem_thu"))
    page = client.get("/chi-tieu/kt.thu_ngan_sach.tong/").content.decode()
    assert "Nguồn khác nhau:" in page and "82.000" in page
    assert "phấn đấu 84.250 tỷ đồng" in page
    chain = client.get(
        "/chi-tieu/thai_binh_cu_2020_2025.003/?dia_ban=thai_binh_cu"
    ).content.decode()
    assert "ước 9,2" in chain and "chính thức 9,52" in chain
