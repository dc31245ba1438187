"""Backtest of the outlook on the 2020-2025 term."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Figure, FigureStatus
from chitieu.catalog.period import Period
from chitieu.ingest.published import read_mapping, read_published
from chitieu.outlook.backtest import backtest, hit_rate, known_series
from tests.profiles import seed_profile


def _f(year: int, value: str, status: FigureStatus) -> Figure:
    return Figure("x", "l", Period.year_of(year), Decimal(value), status)


def test_an_estimate_is_known_in_its_own_year_an_official_figure_only_after() -> None:
    figures = [_f(2022, "9.2", FigureStatus.ESTIMATE), _f(2022, "9.52", FigureStatus.OFFICIAL)]
    assert known_series(figures, 2022)[("x", "l")] == {2022: Decimal("9.2")}
    assert known_series(figures, 2023)[("x", "l")] == {2022: Decimal("9.52")}


def test_plan_values_are_never_actuals() -> None:
    assert known_series([_f(2022, "8", FigureStatus.PLAN)], 2023) == {}


@pytest.fixture(scope="module")
def real(seed_path: Path):  # type: ignore[no-untyped-def]
    from chitieu.ingest.pipeline import ingest

    spec = seed_profile().documents.published
    assert spec is not None
    return ingest(seed_path), read_published(spec.files, read_mapping(spec.mapping)).core_figures()


def test_hand_computed_average_growth_as_of_2022(real) -> None:  # type: ignore[no-untyped-def]
    """HY (cũ) GRDP 2021 6,52% and 2022 13,4%: (1,0652 × 1,134)^(1/2) − 1 = 9,906%."""
    case = next(c for c in backtest(*real, 2022) if c.code == "hung_yen_cu_2020_2025.001")
    assert case.projected is not None and abs(case.projected - Decimal("9.906")) < Decimal("0.01")
    assert (case.rating, case.hit) == ("on_track", True)


@pytest.mark.parametrize("as_of", [2022, 2023])
def test_real_hit_rate_is_nine_of_ten(real, as_of: int) -> None:  # type: ignore[no-untyped-def]
    cases = backtest(*real, as_of)
    assert len(cases) == 12
    assert sum(c.hit is None for c in cases) == 2
    assert hit_rate(cases) == Decimal("0.900")
