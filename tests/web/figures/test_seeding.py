"""seed-history stores the document's own figures with their source line, never a guess."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from chitieu.web.figures.models import Figure
from chitieu.web.figures.seeding import NotLoadedError, seed_history
from chitieu.web.figures.services import approve_figure, reopen_figure
from tests.web.builders import DOCTORS, GRDP, web_catalogue

pytestmark = pytest.mark.django_db


def test_baselines_are_stored_with_their_source_line(store: dict[str, Any]) -> None:
    seed_history(web_catalogue(), actor=None)
    grdp = Figure.objects.get(indicator__code=GRDP)
    assert (grdp.period, grdp.value, grdp.locality.code) == ("2025", Decimal("9.17"), "hung_yen")
    assert grdp.source.endswith("dòng 16")
    assert grdp.source_text == "9,17%/năm"


@pytest.mark.parametrize(("code", "status"), [(GRDP, "uoc"), (DOCTORS, "chinh_thuc")])
def test_the_documents_own_year_is_an_estimate_earlier_years_official(
    store: dict[str, Any], code: str, status: str
) -> None:
    seed_history(web_catalogue(), actor=None)
    assert Figure.objects.get(indicator__code=code).status == status


def test_a_baseline_keeps_the_status_its_table_column_gives(store: dict[str, Any]) -> None:
    """An "Ước thực hiện năm …" column: an estimate, even for a year before the document's."""
    catalogue = web_catalogue()
    doctors = catalogue.indicator(DOCTORS)
    marked = tuple(dataclasses.replace(b, status="uoc") for b in doctors.baselines)
    catalogue = dataclasses.replace(
        catalogue,
        indicators=tuple(
            dataclasses.replace(i, baselines=marked) if i.code == DOCTORS else i
            for i in catalogue.indicators
        ),
    )
    seed_history(catalogue, actor=None)
    assert Figure.objects.get(indicator__code=DOCTORS).status == "uoc"


def test_a_clear_past_term_result_is_stored_in_its_former_province(store: dict[str, Any]) -> None:
    seed_history(web_catalogue(), actor=None)
    poverty = Figure.objects.get(indicator__code="hung_yen_cu_2020_2025.002")
    assert (poverty.locality.code, poverty.period, poverty.value) == (
        "hung_yen_cu",
        "2025",
        Decimal("0.9"),
    )


def test_an_ambiguous_result_is_listed_not_stored(store: dict[str, Any]) -> None:
    report = seed_history(web_catalogue(), actor=None)
    assert not Figure.objects.filter(indicator__code="hung_yen_cu_2020_2025.001").exists()
    (listed,) = report.ambiguous
    assert "328,096" in listed and "dòng 863" in listed


def test_seeding_twice_stores_nothing_new(store: dict[str, Any]) -> None:
    seed_history(web_catalogue(), actor=None)
    again = seed_history(web_catalogue(), actor=None)
    assert (again.stored, again.unchanged) == (0, 3)
    assert Figure.objects.count() == 3


def test_seeding_does_not_overwrite_an_approved_figure(store: dict[str, Any]) -> None:
    seed_history(web_catalogue(), actor=None)
    figure = Figure.objects.get(indicator__code=GRDP)
    figure = reopen_figure(figure, actor=None, reason="Cục Thống kê công bố lại")
    approve_figure(figure, actor=None)
    catalogue = web_catalogue()
    grdp = catalogue.indicator(GRDP)
    changed = dataclasses.replace(
        grdp, baselines=(dataclasses.replace(grdp.baselines[0], value=Decimal("9.2")),)
    )
    report = seed_history(
        dataclasses.replace(catalogue, indicators=(changed, catalogue.indicator(DOCTORS))),
        actor=None,
    )
    assert len(report.locked) == 1
    assert Figure.objects.get(pk=figure.pk).value == Decimal("9.17")


def test_seeding_before_loading_says_to_load_first(db: Any) -> None:
    with pytest.raises(NotLoadedError, match="chitieu load"):
        seed_history(web_catalogue(), actor=None)


def test_seeded_figures_are_published_with_their_document_line(store: dict[str, Any]) -> None:
    """The resolution's own figures count as official: published, not drafts waiting."""
    from chitieu.web.figures.models import ReviewState
    from chitieu.web.figures.visibility import ViewMode, counted

    seed_history(web_catalogue(), actor=None)
    figure = Figure.objects.get(indicator__code=GRDP)
    assert figure.review_state == ReviewState.PUBLISHED
    assert ", dòng " in figure.source
    assert counted(Figure.objects.filter(pk=figure.pk), ViewMode.OFFICIAL).exists()
    again = seed_history(web_catalogue(), actor=None)
    assert again.stored == 0 and not again.locked
