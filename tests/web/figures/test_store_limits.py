"""One range per value on every path: the indicator's own range, and the limit of what the store
keeps exactly (|value| < 10^14, 6 decimals, 15 significant digits) on SQLite and PostgreSQL.

The largest and smallest values allowed are written and read back exactly (the dashboard and
the export keep working); the first ones beyond are refused at their cell, in the import and
in its preview (dry run) alike, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.ingest.figures_file import FiguresFile, read_csv
from chitieu.web.figures.exports import export_rows
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.models import Figure
from chitieu.web.plans.rules import set_plausibility_rule

pytestmark = pytest.mark.django_db

HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú"
CODE = "kt.grdp.tang_truong"


def figures(*values: str) -> FiguresFile:
    lines = [f"{CODE};hung_yen;{2026 + n};{v};ước;;;" for n, v in enumerate(values)]
    return read_csv("\n".join([HEADER, *lines]).encode(), name="so_lieu.csv")


@pytest.fixture
def unbounded(store: dict[str, Any]) -> None:
    """The indicator's own range switched off and no unit (so the store's 6 decimals, not the
    unit's, are the limit), so that only the store's limit applies."""
    from chitieu.web.plans.models import Indicator

    Indicator.objects.filter(code=CODE).update(unit="")
    overrides = {"minimum": None, "maximum": None, "max_ratio": None}
    set_plausibility_rule(Indicator.objects.get(code=CODE), overrides, actor=None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("99.999.999.999.999,9", Decimal("99999999999999.9")),
        ("-99.999.999.999.999,9", Decimal("-99999999999999.9")),
        ("0,000001", Decimal("0.000001")),
        ("123.456.789,123456", Decimal("123456789.123456")),
    ],
)
def test_the_extremes_allowed_are_written_and_read_back_exactly(
    unbounded: None, client: Any, user: Callable[[str], Any], text: str, value: Decimal
) -> None:
    import_figures(figures(text), actor=None)
    assert Figure.objects.get().value == value
    assert [Decimal(str(row[3])) for row in export_rows(numbers=True)] == [value]
    client.force_login(user("tonghop"))
    assert client.get("/").status_code == 200
    assert client.get(f"/chi-tieu/{CODE}/").status_code == 200


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("100.000.000.000.000", "beyond_store_limit"),
        ("-100.000.000.000.000", "beyond_store_limit"),
        ("1.000.000.000.000.000", "beyond_store_limit"),
        ("0,0000001", "beyond_store_decimals"),
        ("99.999.999.999.999,99", "beyond_store_digits"),
    ],
)
@pytest.mark.parametrize("dry_run", [True, False], ids=["preview", "import"])
def test_the_first_values_beyond_are_refused_at_their_cell(
    unbounded: None, text: str, code: str, dry_run: bool
) -> None:
    with pytest.raises(ImportRejected) as caught:
        import_figures(figures("1", text), actor=None, dry_run=dry_run)
    (problem,) = caught.value.problems
    assert problem.code == code and "giới hạn lưu trữ" in problem.message
    assert (problem.place.row, problem.place.column) == (3, "“Giá trị”")
    assert not Figure.objects.exists()


def test_the_indicators_own_range_applies_before_the_stores(store: dict[str, Any]) -> None:
    from chitieu.web.plans.models import Indicator

    set_plausibility_rule(
        Indicator.objects.get(code=CODE),
        {"minimum": Decimal(-5), "maximum": Decimal(30)},
        actor=None,
    )
    import_figures(figures("30", "-5"), actor=None, confirm_warnings="giá trị biên")
    with pytest.raises(ImportRejected) as caught:
        import_figures(figures("30,1"), actor=None, dry_run=True)
    assert [p.code for p in caught.value.problems] != []
    assert Figure.objects.count() == 2
