"""A small catalogue built by hand, with one of everything the file format carries."""

from __future__ import annotations

from decimal import Decimal

from chitieu.catalog import model
from chitieu.quantity.target import NumberReading, Target, TargetKind

DOC = "bao-cao-chinh-tri-hung-yen-2025-2030.txt"


def growth_target() -> model.IndicatorTarget:
    return model.IndicatorTarget(
        value=Target(
            text="10%-11%",
            kind=TargetKind.RANGE,
            low=Decimal("10"),
            high=Decimal("11"),
            unit="pct_per_year",
        ),
        period_start=2026,
        period_end=2030,
        aggregation=model.Aggregation.AVG_GROWTH,
        source=model.Source(DOC, line=1339, text="10%-11%"),
    )


def small_catalogue() -> model.Catalogue:
    grdp = model.Indicator(
        code="kt.grdp.tang_truong",
        name="Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP)",
        group="kinh_te",
        parent=None,
        unit="pct_per_year",
        direction=model.Direction.HIGHER,
        targets=(growth_target(),),
        baselines=(
            model.Baseline(
                2025, Decimal("9.17"), "pct_per_year", model.Source(DOC, line=16, text="9,17%/năm")
            ),
        ),
        stt="1",
        source=model.Source(DOC, line=1338, line_end=1340),
    )
    ambiguous_row = model.PastTermRow(
        table="1A",
        stt="4",
        indicator="Tổng vốn đầu tư toàn xã hội",
        unit_text="Tỷ đồng",
        unit="ty_dong",
        target_text="250.000",
        target=Target("250.000", TargetKind.POINT, Decimal(250000), Decimal(250000)),
        result_text="328,096",
        result_value=None,
        result_readings=(Decimal("328.096"), Decimal("328096")),
        official_assessment="Vượt",
        group="kinh_te",
        parent_stt=None,
        source=model.Source(DOC, line=863, line_end=868),
    )
    return model.Catalogue(
        plan=model.Plan(
            code="hung_yen_2025_2030",
            name="Nghị quyết Đại hội Đảng bộ tỉnh Hưng Yên lần thứ I",
            issuer="Đảng bộ tỉnh Hưng Yên",
            term_start=2025,
            term_end=2030,
            document=DOC,
            locality="hung_yen",
        ),
        groups=(model.Group("kinh_te", "KINH TẾ", "I"),),
        indicators=(grdp,),
        past_terms=(
            model.PastTerm(
                "hung_yen_cu_2020_2025",
                "Hưng Yên (cũ) 2020-2025",
                "hung_yen_cu",
                2020,
                2025,
                (ambiguous_row,),
            ),
        ),
        tasks=(
            model.Task(
                "vi.1.1",
                "area",
                "1.1",
                "Tái cơ cấu công nghiệp",
                "…",
                512,
                530,
                ("kt.grdp.tang_truong",),
            ),
        ),
        candidates=(
            model.Candidate(
                excerpt="kinh tế số chiếm khoảng 30% GRDP",
                target=Target(
                    "khoảng 30%",
                    TargetKind.APPROX,
                    Decimal(30),
                    Decimal(30),
                    unit="pct",
                    ambiguous=True,
                    readings=(NumberReading(Decimal(30), "vi"),),
                ),
                name="Tỷ trọng kinh tế số trong GRDP",
                period_end=2030,
                aggregation=model.Aggregation.LEVEL,
                source=model.Source(DOC, line=497),
            ),
        ),
        footnotes=(model.FootnoteMatch(1, 21, 0.9, "Tốc độ tăng năng suất lao động"),),
        tolerance=Decimal("0.05"),
    )
