"""Baseline-year values taken from the prose claims when the catalogue lacks them.

The catalogue's own baselines always win. For an indicator without a value for
the baseline year, a claim of that year whose subject names the same concept
(the ingest lexicon, `find_concept`) and whose unit matches gives one, with its
line. Nothing is estimated: a value is used only where the text states it.
"""

from __future__ import annotations

from dataclasses import replace

from chitieu.catalog.model import Baseline, Catalogue, Claim, Indicator, Source
from chitieu.outlook.coherence_base import base_year, baseline

STATED = ("value", "share", None)
SHARE_PARENT = "kt.co_cau"


def with_claim_baselines(catalogue: Catalogue) -> Catalogue:
    """`catalogue` with baseline-year values from its claims where it has none."""
    try:
        from chitieu.ingest.codes import find_concept
    except ImportError:  # the lexicon is optional for the outlook
        return catalogue
    year = base_year(catalogue)
    claims = [c for c in catalogue.claims if c.year == year and c.relation in STATED and c.value]
    indicators = []
    for indicator in catalogue.indicators:
        found = None if baseline(indicator, year) else _match(indicator, claims, find_concept)
        if found is None:
            indicators.append(indicator)
            continue
        assert found.value is not None
        base = Baseline(
            year,
            found.value,
            found.unit,
            Source(catalogue.plan.document, found.line, text=found.text),
        )
        indicators.append(replace(indicator, baselines=(*indicator.baselines, base)))
    return replace(catalogue, indicators=tuple(indicators))


def _match(indicator: Indicator, claims: list[Claim], find_concept: object) -> Claim | None:
    for claim in claims:
        if claim.unit != indicator.unit:
            continue
        parent = SHARE_PARENT if claim.relation == "share" else None
        concept = find_concept(claim.subject, parent=parent)  # type: ignore[operator]
        if concept is not None and concept.code == indicator.code:
            return claim
    return None
