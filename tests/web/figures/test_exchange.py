"""Every exchange format round-trips through the import: export a store → import → same figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chitieu.ingest.figures_file import read_figures
from chitieu.web.figures.exchange import (
    TEXT_FORMATS,
    Selection,
    SelectionError,
    export_text,
    filename,
    selected_figures,
    structure,
    write_export,
)
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.visibility import ViewMode

pytestmark = pytest.mark.django_db

SUFFIX = {"csv": ".csv", "json": ".json", "sdmx-csv": ".csv", "sdmx-json": ".json", "xlsx": ".xlsx"}


def fill(store: dict[str, Any]) -> None:
    """Figures of four statuses, a year, a half-year and a quarter, two localities; one
    approved, one returned."""
    from chitieu.web.figures.services import (
        approve_figure,
        record_figure,
        return_figure,
        submit_figure,
    )

    def put(indicator: str, locality: str, period: str, status: str, value: str, **kw: Any) -> Any:
        return record_figure(
            store[indicator], store[locality], period, status, Decimal(value),
            actor=None, expected_version=None, **kw,
        )  # fmt: skip

    put("grdp", "province", "2026", "ke_hoach", "10.5", source="Nghị quyết")
    approve_figure(put("grdp", "province", "2026", "uoc", "8.1", note="ước, sớm"), actor=None)
    put("grdp", "province", "2026-Q2", "so_bo", "7.25", source_text="7,25")
    put("grdp", "commune", "2026-H1", "chinh_thuc", "6.4")
    put("doctors", "province", "2026", "chinh_thuc", "12.5")
    returned = submit_figure(put("doctors", "province", "2027", "uoc", "13"), actor=None)
    return_figure(returned, actor=None, comment="Sai nguồn")


def stored() -> list[tuple[str, ...]]:
    return [
        (f.indicator.code, f.locality.code, f.period, f.status, str(f.value), f.source, f.note)
        for f in selected_figures(Selection())
    ]


def export_to(fmt: str, tmp_path: Path, selection: Selection = Selection()) -> Path:  # noqa: B008
    path = tmp_path / f"so_lieu_{fmt}{SUFFIX[fmt]}"
    write_export(fmt, path, selection)
    return path


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "xlsx"])
def test_reimporting_an_export_changes_nothing(
    fmt: str, store: dict[str, Any], tmp_path: Path
) -> None:
    fill(store)
    report = import_figures(read_figures(export_to(fmt, tmp_path)), actor=None, dry_run=True)
    assert len(report.changes) == 6
    assert {change.action for change in report.changes} == {"unchanged"}


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "xlsx"])
def test_an_export_imported_into_an_empty_store_gives_the_same_figures(
    fmt: str, store: dict[str, Any], tmp_path: Path
) -> None:
    from chitieu.web.figures.models import Figure

    fill(store)
    before = stored()
    path = export_to(fmt, tmp_path)
    Figure.objects.all().delete()
    import_figures(read_figures(path), actor=None)
    assert stored() == before


def test_the_official_view_exports_only_approved_figures(store: dict[str, Any]) -> None:
    fill(store)
    text = export_text("sdmx-csv", Selection(mode=ViewMode.OFFICIAL))
    (line,) = text.splitlines()[1:]
    assert ",EST,2026,8.1,E," in line and line.endswith(",da_duyet")


def test_the_working_view_leaves_out_the_returned_figure(store: dict[str, Any]) -> None:
    fill(store)
    text = export_text("json", Selection(mode=ViewMode.WORKING))
    assert text.count('"indicator"') == 5 and "tra_lai" not in text


def test_filters_by_plan_indicator_locality_and_years(store: dict[str, Any]) -> None:
    fill(store)
    assert export_text("csv", Selection(locality="xa_tan_hung")).count("\n") == 2
    assert export_text("csv", Selection(years=(2027,))).count("\n") == 2
    grdp = export_text("csv", Selection(indicator=store["grdp"].code, years=(2026,)))
    assert grdp.count("\n") == 5
    plan = store["grdp"].plan.code
    assert export_text("csv", Selection(plan=plan)).count("\n") == 1 + sum(
        1 for row in stored() if row[0] in {i.code for i in store["grdp"].plan.indicators.all()}
    )


def test_an_unknown_filter_code_is_refused_by_name(store: dict[str, Any]) -> None:
    with pytest.raises(SelectionError, match="Không có địa bàn mã “khong_co”") as caught:
        export_text("csv", Selection(locality="khong_co"))
    assert caught.value.field == "locality"


def test_an_unknown_locality_in_an_sdmx_file_is_refused_at_its_line_and_column(
    store: dict[str, Any], tmp_path: Path
) -> None:
    fill(store)
    path = export_to("sdmx-csv", tmp_path)
    path.write_text(path.read_text().replace(",xa_tan_hung,", ",xa_khong_co,"), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_figures(read_figures(path), actor=None, dry_run=True)
    (problem,) = caught.value.problems
    assert problem.code == "unknown_locality"
    assert str(problem).startswith(
        "dòng "
    ) and "cột “REF_AREA”: không có địa bàn mã “xa_khong_co”" in str(problem)


def test_the_structure_lists_the_store_codes(store: dict[str, Any]) -> None:
    text = structure().decode()
    assert 'id="xa_tan_hung"' in text and "Xã Tân Hưng" in text
    assert f'id="{store["grdp"].code.replace(".", "-")}"' in text


def test_a_download_name_says_what_it_holds() -> None:
    selection = Selection(plan="nq", locality="hy", years=(2026, 2027))
    assert filename("sdmx-csv", selection) == "so-lieu-nq-hy-2026-2027-sdmx.csv"
    assert filename("json", Selection()) == "so-lieu.json"


def test_the_targets_of_the_store_are_exported_by_plan(store: dict[str, Any]) -> None:
    from chitieu.web.figures.exchange import targets_sdmx_csv
    from chitieu.web.plans.models import Target

    plan = store["grdp"].plan.code
    text = targets_sdmx_csv(Selection(plan=plan))
    stored_targets = Target.objects.filter(plan__code=plan)
    assert stored_targets.exists()
    lines = text.splitlines()[1:]
    assert {line.split(",")[3] for line in lines} == {plan}
    assert {line.split(",")[4] for line in lines} == {
        target.indicator.code.replace(".", "-") for target in stored_targets
    }
    with pytest.raises(SelectionError):
        targets_sdmx_csv(Selection(plan="khong_co"))
