"""The test catalogue for the store: the small catalogue plus a health indicator."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from chitieu.catalog import model
from chitieu.quantity.target import Target, TargetKind
from tests.catalog.builders import DOC, small_catalogue

DOCTORS = "xh.y_te.bac_si"
GRDP = "kt.grdp.tang_truong"


def doctors_indicator() -> model.Indicator:
    return model.Indicator(
        code=DOCTORS,
        name="Số bác sĩ/vạn dân",
        group="xa_hoi",
        parent=None,
        unit="bac_sy_per_10k",
        direction=model.Direction.HIGHER,
        targets=(
            model.IndicatorTarget(
                value=Target(
                    "15", TargetKind.POINT, Decimal(15), Decimal(15), unit="bac_sy_per_10k"
                ),
                period_start=2026,
                period_end=2030,
                aggregation=model.Aggregation.LEVEL,
                source=model.Source(DOC, line=1450, text="15"),
            ),
        ),
        baselines=(
            model.Baseline(
                2020, Decimal("9.5"), "bac_sy_per_10k", model.Source(DOC, line=120, text="9,5")
            ),
        ),
        stt="12",
    )


def poverty_row() -> model.PastTermRow:
    """A past-term row whose result reads one way only."""
    return model.PastTermRow(
        table="1A",
        stt="15",
        indicator="Tỷ lệ hộ nghèo",
        unit_text="%",
        unit="pct",
        target_text="Dưới 1,5%",
        target=Target("Dưới 1,5%", TargetKind.MAX, high=Decimal("1.5"), unit="pct"),
        result_text="0,9",
        result_value=Decimal("0.9"),
        result_readings=(Decimal("0.9"),),
        official_assessment="Vượt",
        group="xa_hoi",
        parent_stt=None,
        source=model.Source(DOC, line=1010, line_end=1014, text="0,9"),
    )


def web_catalogue() -> model.Catalogue:
    base = small_catalogue()
    (term,) = base.past_terms
    return dataclasses.replace(
        base,
        groups=(*base.groups, model.Group("xa_hoi", "XÃ HỘI", "II")),
        indicators=(*base.indicators, doctors_indicator()),
        past_terms=(dataclasses.replace(term, rows=(*term.rows, poverty_row())),),
    )
