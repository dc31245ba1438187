"""Reading the documents a place profile names: the resolution, plan documents, published figures.

Pure: the catalogues and figures come back as core objects, for the store
(`chitieu init`) or for a pure job (`chitieu backtest`).
"""

from __future__ import annotations

from dataclasses import replace

from chitieu.catalog.model import Catalogue
from chitieu.ingest.plan_hints import PlanHints
from chitieu.ingest.published import Published, read_mapping, read_published
from chitieu.profile.model import AnnualPlanSpec, PlaceProfile

CATALOGUE_SUFFIXES = (".yaml", ".yml", ".json")  # a reviewed catalogue file, not a document


def read_resolution(profile: PlaceProfile) -> Catalogue:
    """The resolution's catalogue: a reviewed catalogue file as it is, or the document read
    with the profile's hints (the place fills what they leave out: its name and level)."""
    spec = profile.documents.resolution
    if spec.path.suffix.lower() in CATALOGUE_SUFFIXES:
        from chitieu.catalog.io import read_catalogue

        catalogue = read_catalogue(spec.path)
        if catalogue.plan.locality != profile.place.code:
            raise ValueError(
                f"Danh mục {spec.path.name} thuộc địa bàn “{catalogue.plan.locality}”, hồ sơ "
                f"là của “{profile.place.code}”: sửa plan.locality trong danh mục hoặc "
                "place.code trong hồ sơ."
            )
        return catalogue
    from chitieu.ingest.pipeline import ingest

    return _placed(ingest(spec.path, hints=_with_place(spec.hints, profile)), profile)


def read_plan_document(profile: PlaceProfile, spec: AnnualPlanSpec, resolution: str) -> Catalogue:
    """An annual plan given as a document: read as an annual plan of its year, under the
    resolution coded `resolution`."""
    from chitieu.ingest.pipeline import ingest

    assert spec.document is not None
    hints = replace(
        _with_place(spec.hints, profile), kind="annual_plan", year=spec.year, plan_code=spec.code
    )
    catalogue = _placed(ingest(spec.document, hints=hints), profile)
    plan = replace(catalogue.plan, parent=catalogue.plan.parent or resolution)
    if spec.issuer and not plan.issuer:
        plan = replace(plan, issuer=spec.issuer)
    return replace(catalogue, plan=plan)


def read_published_figures(profile: PlaceProfile) -> Published | None:
    """The published figures through their mapping; None when the profile names none."""
    spec = profile.documents.published
    if spec is None:
        return None
    return read_published(spec.files, read_mapping(spec.mapping))


def _with_place(hints: PlanHints | None, profile: PlaceProfile) -> PlanHints:
    """The hints, with the place's name and level where they say nothing."""
    hints = hints or PlanHints()
    former = tuple((unit.code, unit.name) for unit in profile.former_units)
    return replace(
        hints,
        locality=hints.locality or profile.place.name,
        level=hints.level or profile.place.level,
        former_units=hints.former_units if hints.former_units is not None else former or None,
    )


def _placed(catalogue: Catalogue, profile: PlaceProfile) -> Catalogue:
    """The plan located at the profile's place: its code is the store's key for the place."""
    return replace(catalogue, plan=replace(catalogue.plan, locality=profile.place.code))
