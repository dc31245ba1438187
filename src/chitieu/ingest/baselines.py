"""Baseline values of the catalogue's indicators, as the document's prose states them.

A baseline is a claim (`chitieu.ingest.claims`) that

- states a level, a share or a period average (relation "value", "share" or
  "average"; never "gấp", "tăng X%", "tương đương", a count or a rank),
- for a baseline year: the start of the new term and five years before it
  ("nhiệm kỳ 2025 - 2030" → 2020 and 2025), or the years given,
- is read one way only (an ambiguous number stays a claim flagged ambiguous),
- and belongs to exactly one indicator: mentioned by the claim's subject, else
  by its clause, else (in a footnote) by the sentence that carries the anchor,
  with a unit of the indicator's dimension (an average %/năm only for a growth
  indicator). A claim that fits several indicators is not attached: nothing is
  guessed.

Only the first statement for a year and locality is kept: the headline figure
comes first (line 17's 9,17%/năm, not line 30's sector growth).

A footnote that lists values "lần lượt là 17,4% - 49,4% - 26,5% - 6,7%" gives
them, in order, to the indicators of the share claims of its anchor line.

The locality is "hung_yen_cu" or "thai_binh_cu" when the words before the
number name "Hưng Yên (cũ)" or "Thái Bình"; otherwise None (the merged
province). A footnote's baseline has the footnote's own line and says where
its anchor is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from chitieu.catalog.model import Baseline, Claim, Indicator, Source
from chitieu.catalog.text import fold
from chitieu.ingest.claims import extract_claims
from chitieu.ingest.document import Document, Footnote
from chitieu.ingest.mentions import find_mentions
from chitieu.quantity import get_unit

_BASELINE_RELATIONS = ("value", "share", "average")
_TERM = re.compile(r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_OLD_HUNG_YEN = fold("hưng yên (cũ")
_THAI_BINH = fold("thái bình")
_IN_ORDER = fold("lần lượt")
_NEEDS_UNIT = ("rate", "money_vnd", "money_usd")


def extract_baselines(
    doc: Document,
    indicators: Sequence[Indicator],
    *,
    years: Collection[int] | None = None,
) -> dict[str, tuple[Baseline, ...]]:
    """Baselines by indicator code; every code is a key (empty when the prose says nothing)."""
    wanted = set(years) if years is not None else baseline_years(doc)
    claims = extract_claims(doc)
    footnotes = {f.line: f for f in doc.footnotes}
    found: dict[str, list[Baseline]] = {i.code: [] for i in indicators}
    for claim in claims:
        if not _usable(claim, wanted):
            continue
        footnote = footnotes.get(claim.line)
        code = _indicator_for(claim, footnote, claims, indicators)
        if code is None or claim.year is None or claim.value is None:
            continue
        baseline = Baseline(
            year=claim.year,
            value=claim.value,
            unit=claim.unit,
            source=_source(doc, claim, footnote),
            locality=locality(claim.subject),
        )
        if not any(_same_slot(baseline, other) for other in found[code]):
            found[code].append(baseline)
    return {code: tuple(items) for code, items in found.items()}


def baseline_years(doc: Document) -> set[int]:
    """The new term's first year and five years before it, from "nhiệm kỳ 2025 - 2030"."""
    starts = [
        int(m.group(1))
        for line in doc.lines[:200]
        for m in _TERM.finditer(line.text)
        if int(m.group(2)) - int(m.group(1)) == 5
    ]
    if not starts:
        return set()
    start = max(starts)
    return {start - 5, start}


def locality(subject: str) -> str | None:
    """ "hung_yen_cu", "thai_binh_cu" or None, from the words before a number."""
    folded = fold(subject)
    if _OLD_HUNG_YEN in folded:
        return "hung_yen_cu"
    if _THAI_BINH in folded:
        return "thai_binh_cu"
    return None


def _usable(claim: Claim, years: set[int]) -> bool:
    return (
        claim.relation in _BASELINE_RELATIONS
        and not claim.ambiguous
        and claim.value is not None
        and claim.year is not None
        and (not years or claim.year in years)
    )


def _indicator_for(
    claim: Claim,
    footnote: Footnote | None,
    claims: Sequence[Claim],
    indicators: Sequence[Indicator],
) -> str | None:
    if footnote is not None and _IN_ORDER in fold(footnote.text) and not claim.subject:
        return _listed(claim, footnote, claims, indicators)
    # A share's own relation word is evidence of a structure row ("dịch vụ chiếm 27,2%").
    subject = f"{claim.subject} chiếm" if claim.relation == "share" else claim.subject
    passages = [subject, claim.text]
    if footnote is not None:
        passages.append(footnote.anchor_text)
    for passage in passages:
        codes = [c for c in find_mentions(passage, indicators) if _fits(claim, indicators, c)]
        if len(codes) == 1:
            return codes[0]
        if codes:
            return None
    return None


def _listed(
    claim: Claim, footnote: Footnote, claims: Sequence[Claim], indicators: Sequence[Indicator]
) -> str | None:
    """The indicator of the n-th share claim of the anchor line, for the n-th listed value."""
    listed = [c for c in claims if c.line == claim.line and not c.subject]
    anchor = [c for c in claims if c.line == footnote.anchor_line and c.relation == "share"]
    if len(listed) != len(anchor) or claim not in listed:
        return None
    partner = anchor[listed.index(claim)]
    subject = f"{partner.subject} chiếm"
    codes = [c for c in find_mentions(subject, indicators) if _fits(claim, indicators, c)]
    return codes[0] if len(codes) == 1 else None


def _fits(claim: Claim, indicators: Sequence[Indicator], code: str) -> bool:
    indicator = next(i for i in indicators if i.code == code)
    if claim.relation == "average" or indicator.unit == "pct_per_year":
        return claim.unit == "pct_per_year" and indicator.unit == "pct_per_year"
    if claim.unit is None:
        # "10,1 (năm 2020)" for doctors per 10,000: the unit is in the subject.
        return indicator.unit is None or get_unit(indicator.unit).dimension not in _NEEDS_UNIT
    if indicator.unit is None:
        return False
    return get_unit(indicator.unit).dimension == get_unit(claim.unit).dimension


def _source(doc: Document, claim: Claim, footnote: Footnote | None) -> Source:
    text = claim.text
    if footnote is not None:
        where = f"dòng {footnote.anchor_line}" if footnote.anchor_line else "không rõ chỗ neo"
        text = f"[Chú thích {footnote.number}, neo ở {where}] {claim.text}"
    return Source(doc.name, line=claim.line, text=text)


def _same_slot(first: Baseline, second: Baseline) -> bool:
    return (first.year, first.locality) == (second.year, second.locality)
