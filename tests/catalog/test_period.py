from __future__ import annotations

import pytest

from chitieu.catalog.period import Period, PeriodError, PeriodKind


@pytest.mark.parametrize(
    ("text", "kind", "index", "label"),
    [
        ("2026", PeriodKind.YEAR, 0, "Năm 2026"),
        ("2026-H1", PeriodKind.HALF, 1, "6 tháng đầu năm 2026"),
        ("2023-Q1", PeriodKind.QUARTER, 1, "Quý 1 năm 2023"),
        ("2026-01", PeriodKind.MONTH, 1, "Tháng 01/2026"),
        ("2024-6M", PeriodKind.YEAR_TO_DATE, 6, "6 tháng năm 2024"),
    ],
)
def test_period_forms_read_and_write_back(
    text: str, kind: PeriodKind, index: int, label: str
) -> None:
    period = Period.parse(text)
    assert (period.kind, period.index) == (kind, index)
    assert str(period) == text
    assert period.label() == label


@pytest.mark.parametrize("text", ["26", "2026-Q5", "2026-13", "2026-H3", "năm 2026", ""])
def test_other_strings_are_refused_in_vietnamese(text: str) -> None:
    with pytest.raises(PeriodError, match="Kỳ số liệu không hợp lệ"):
        Period.parse(text)
