"""Baseline values of the catalogue's indicators, as the document's prose states them.

A wrong baseline is worse than none: it turns into false findings downstream.
So a claim (`chitieu.ingest.claims`) becomes a baseline only when all of this holds:

- it states a level, a share or a period average (relation "value", "share" or
  "average"; never "gấp", "tăng X%", "tương đương", a count or a rank) and is
  read one way only;
- its year is stated, not guessed: written right after the number ("74,8 tuổi
  (năm 2020)", "8,81%/năm của giai đoạn 2016-2020"), or in the number's own
  clause before it ("Năm 2025, quy mô GRDP ước đạt …"), or by a sentence that
  opens with its year ("Năm 2025, …; công nghiệp, xây dựng chiếm 55,8%"). In
  "từ X lên Y" the years come in pairs: X takes the first and Y the second of
  "(năm 2020) … (năm 2025)" or "từ năm 2020 đến năm 2025"; when the footnote
  itself writes no year, the pair of its anchor sentence, which the baseline's
  source then quotes. The year is one of the term's baseline years
  ("nhiệm kỳ 2025 - 2030" → 2020 and 2025, or the years given);
- it belongs to exactly one indicator, found in the words that name the number:
  its subject, else its clause up to the number (a ":" starts a new clause: in
  "… chuẩn quốc gia …: Mầm non tăng từ 67,2%" the number is kindergartens'),
  else, for a footnote whose sentence names nothing, the anchor sentence. The
  first of these that names something decides: when it names another concept of
  the lexicon ("Tỷ lệ lao động qua đào tạo" is not "… có bằng cấp, chứng
  chỉ"), or several indicators, nothing is attached;
- its unit has the dimension of the indicator's target unit (a unitless number
  only for an index or a "/vạn dân" ratio; a %/năm, or a period average, only
  for a growth indicator), a value of a period ("giai đoạn 2021 - 2025") only
  for an indicator averaged over its period, and never for a heading row (an
  indicator with sub-rows and neither a unit nor a target of its own) or a cumulative total over
  the term (the 2021-2025 total is not a 2025 level).

Only the first statement for a year and locality is kept: the headline figure
comes first (line 17's 9,17%/năm, not line 30's sector growth).

A footnote that lists values "lần lượt là 17,4% - 49,4% - 26,5% - 6,7%" gives
them, in order, to the indicators of the share claims of its anchor line.

The locality is a former unit's code when the words before the number name it;
otherwise None (the plan's own place). The former units are learnt from the
document: when it carries the results tables of several provinces (a merger),
each one's province is a former unit, coded as the reader codes its table
("<name>_cu"). A former unit that shares its name with the merged place is
named only with "(cũ)" after it. A footnote's baseline has the footnote's own
line and says where its anchor is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from chitieu.catalog.model import Aggregation, Baseline, Claim, Indicator, Source
from chitieu.catalog.text import fold
from chitieu.ingest.claims import extract_claims, scan_numbers
from chitieu.ingest.codes import (
    Concept,
    aggregation_for,
    find_concept,
    locality_code,
    province_name,
)
from chitieu.ingest.document import Document, Footnote
from chitieu.ingest.mentions import find_mentions
from chitieu.ingest.target_table import is_results_table, is_target_table
from chitieu.ingest.tasks import forward_headings
from chitieu.quantity import get_unit

_BASELINE_RELATIONS = ("value", "share", "average")
_TERM = re.compile(r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_FORMER_MARK = fold("(cũ")
_IN_ORDER = fold("lần lượt")
_HEAD_LINES = 40  # where a document without a target table names its place
_PER_POPULATION = ("doctors_per_10k", "beds_per_10k")
_AVERAGED = (Aggregation.AVG_GROWTH, Aggregation.AVG_LEVEL)
# As `chitieu.ingest.claims` splits a passage into sentences.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
_PERIOD = r"giai đoạn\s+\d{4}\s*[-–]\s*"
# A year written right after the number and its unit: "(năm 2020)", "năm 2020",
# "của giai đoạn 2016-2020", "trong giai đoạn 2021-2025".
_YEAR_AFTER = re.compile(
    rf"^\s*(?P<unit>%/năm|%|[^\W\d]+(?:\s[^\W\d]+){{0,2}})?\s*\(?\s*(?:(?:của|trong)\s+)?"
    rf"(?:năm\s+|(?P<period>{_PERIOD}))?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    rf"(?P<period>{_PERIOD}|(?<![\d/])\d{{4}}\s*[-–]\s*)?(?<![\d./,])(?P<year>(?:19|20)\d\d)(?![\d./,]\d)",
    re.IGNORECASE,
)
_OPENING_YEAR = re.compile(
    r"^\s*(?:(?:đến|tính đến|trong)\s+)?(?:cuối\s+)?năm\s+(\d{4})\s*,", re.IGNORECASE
)
_FROM = re.compile(r"\btừ\s+(?:mức\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:lên|xuống|còn)\s+(?:mức\s+)?$", re.IGNORECASE)
_FROM_TO_YEARS = re.compile(
    r"từ\s+(?:năm\s+)?(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})", re.IGNORECASE
)
_PAIRED_YEARS = re.compile(r"từ[^;]*?\(năm (\d{4})\)[^;]*?\(năm (\d{4})\)", re.IGNORECASE)


@dataclass(frozen=True)
class _Place:
    """Where a claim's number is: its sentence and its span there."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class _Year:
    year: int
    period: bool  # the value is a period's ("giai đoạn 2021 - 2025"), not a year's
    why: str = ""  # when the year comes from the anchor sentence: the words that give it


@dataclass(frozen=True)
class FormerUnit:
    """A unit merged into the plan's place, as the prose may name it."""

    code: str  # the locality code of its results table: "<name>_cu"
    name: str  # folded: "sông cầu"
    shared: bool = False  # the merged place has the same name: only "<name> (cũ" names it


def extract_baselines(
    doc: Document,
    indicators: Sequence[Indicator],
    *,
    years: Collection[int] | None = None,
    former: Sequence[FormerUnit] | None = None,
    claims: Sequence[Claim] | None = None,
) -> dict[str, tuple[Baseline, ...]]:
    """Baselines by indicator code; every code is a key (empty when the prose says nothing).

    `former` gives the former units (a place profile knows them); by default they are
    learnt from the document's results tables (`former_units`).
    """
    wanted = set(years) if years is not None else baseline_years(doc)
    units = tuple(former) if former is not None else former_units(doc)
    claims = tuple(claims) if claims is not None else extract_claims(doc)
    places = _places(doc, claims)
    footnotes = {f.line: f for f in doc.footnotes}
    found: dict[str, list[Baseline]] = {i.code: [] for i in indicators}
    for claim, place in zip(claims, places, strict=True):
        if place is None or not _usable(claim):
            continue
        footnote = footnotes.get(claim.line)
        year = _year_of(place, footnote)
        if year is None or (wanted and year.year not in wanted) or claim.value is None:
            continue
        code = _indicator_for(claim, place, year, footnote, claims, indicators)
        if code is None:
            continue
        baseline = Baseline(
            year=year.year,
            value=claim.value,
            unit=claim.unit,
            source=_source(doc, claim, footnote, year),
            locality=locality(claim.subject, units),
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


def former_units(doc: Document) -> tuple[FormerUnit, ...]:
    """The provinces whose results tables the document carries, when there are several (a
    merger: the reader codes each table "<name>_cu"); none otherwise."""
    names = {
        province_name(t.caption) or province_name(f"{t.title} {t.caption}")
        for t in doc.tables
        if is_results_table(t)
    }
    found = sorted(name for name in names if name)
    if len(found) < 2:
        return ()
    own = _own_places(doc)
    return tuple(
        FormerUnit(f"{locality_code(name)}_cu", fold(name), fold(name) in own) for name in found
    )


def _own_places(doc: Document) -> set[str]:
    """The place the plan itself names: its target table's caption, else its first lines."""
    captions = [f"{t.title} {t.caption}" for t in doc.tables if is_target_table(t)]
    captions += [line.text for line in doc.lines[:_HEAD_LINES]]
    return {fold(name) for text in captions if (name := province_name(text))}


def locality(subject: str, units: Sequence[FormerUnit] = ()) -> str | None:
    """The code of the former unit the words before a number name, or None (the plan's place).

    >>> units = (FormerUnit("song_cau_cu", "sông câu", shared=True),
    ...          FormerUnit("ba_be_cu", "ba bê"))
    >>> [locality(s, units) for s in ("tỉnh Sông Cầu (cũ)", "tỉnh Ba Bể", "tỉnh Sông Cầu")]
    ['song_cau_cu', 'ba_be_cu', None]
    """
    folded = fold(subject)
    for unit in units:
        if f"{unit.name} {_FORMER_MARK}" in folded or f"{unit.name}{_FORMER_MARK}" in folded:
            return unit.code
    for unit in units:
        if not unit.shared and re.search(rf"(?<!\w){re.escape(unit.name)}(?!\w)", folded):
            return unit.code
    return None


def stated_year(sentence: str, start: int, end: int, anchor: str = "") -> tuple[int, bool] | None:
    """The year of the number at sentence[start:end] and whether it is a period's, or None.

    >>> stated_year("tăng từ 74,8 tuổi (năm 2020) lên 76 tuổi", 8, 12)
    (2020, False)
    >>> s = "từ năm 2020 đến năm 2025: Mầm non tăng từ 67,2% lên 95,3%"
    >>> stated_year(s, 42, 46), stated_year(s, 52, 56)
    ((2020, False), (2025, False))
    >>> stated_year("Năm 2025, nông nghiệp chiếm 11,9%; dịch vụ chiếm 27,2%", 49, 53)
    (2025, False)
    >>> stated_year("giảm từ 27,9% xuống 18,3%", 8, 12) is None
    True
    """
    found = _year(_Place(sentence, start, end), anchor)
    return None if found is None else (found.year, found.period)


def _year_of(place: _Place, footnote: Footnote | None) -> _Year | None:
    anchor = _last_sentence(footnote.anchor_text) if footnote is not None else ""
    return _year(place, anchor)


def _year(place: _Place, anchor: str) -> _Year | None:
    sentence, start = place.sentence, place.start
    after = _YEAR_AFTER.match(sentence[place.end :])
    if after and "," not in (after.group("unit") or ""):
        return _Year(int(after.group("year")), after.group("period") is not None)
    before = sentence[:start]
    clause = before[max(before.rfind(";"), before.rfind(":")) + 1 :]
    paired = _from_or_to(clause)
    if paired is not None:
        return _paired_year(sentence[:start], anchor, paired)
    years = list(_YEAR_BEFORE.finditer(_without_comparisons(clause)))
    if years:
        return _Year(int(years[-1].group("year")), years[-1].group("period") is not None)
    opening = _OPENING_YEAR.match(sentence)
    return _Year(int(opening.group(1)), False) if opening else None


def _from_or_to(clause: str) -> int | None:
    """0 for the X of "từ X lên Y", 1 for its Y, None for a number outside such a pair."""
    if _FROM.search(clause):
        return 0
    if _TO.search(clause) and re.search(r"\btừ\b", clause, re.IGNORECASE):
        return 1
    return None


def _paired_year(before: str, anchor: str, which: int) -> _Year | None:
    """A "từ X lên Y" value's year from "từ năm A đến năm B", else from the anchor's pair."""
    period = list(_FROM_TO_YEARS.finditer(before))
    if period:
        return _Year(int(period[-1].group(which + 1)), False)
    pairs: dict[tuple[str, str], re.Match[str]] = {}
    for match in _PAIRED_YEARS.finditer(anchor):
        pairs.setdefault((match.group(1), match.group(2)), match)
    if len(pairs) == 1:
        [(years, match)] = pairs.items()
        if years[0] < years[1]:
            return _Year(int(years[which]), False, why=match.group(0))
    return None


def _without_comparisons(text: str) -> str:
    """Text without "so với …" and closed brackets: their years belong to other numbers."""
    text = re.sub(r"so với[^,;()]*", " ", text, flags=re.IGNORECASE)
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", " ", text)
    return text


def _last_sentence(text: str) -> str:
    parts = [p for p in _SENTENCE.split(text) if p.strip()]
    return parts[-1] if parts else ""


def _places(doc: Document, claims: Sequence[Claim]) -> list[_Place | None]:
    """Each claim's sentence and number span, scanned in the order `extract_claims` reads.

    A claim whose number is not the one found at its place gets None (never attached).
    """
    found = list(_scan(doc))
    if len(found) != len(claims):
        return [None] * len(claims)
    return [
        place
        if place.sentence[place.start : place.end].replace(" ", "") == claim.value_text
        else None
        for claim, place in zip(claims, found, strict=True)
    ]


def _scan(doc: Document) -> Iterator[_Place]:
    forward = forward_headings(doc)
    texts = [p.text for p in doc.paragraphs() if not any(h.contains(p.line) for h in forward)]
    texts.extend(f.text for f in doc.footnotes)
    for text in texts:
        for sentence in _SENTENCE.split(text):
            for number in scan_numbers(sentence):
                yield _Place(sentence, number.start, number.end)


def _usable(claim: Claim) -> bool:
    return claim.relation in _BASELINE_RELATIONS and not claim.ambiguous and claim.value is not None


def _indicator_for(
    claim: Claim,
    place: _Place,
    year: _Year,
    footnote: Footnote | None,
    claims: Sequence[Claim],
    indicators: Sequence[Indicator],
) -> str | None:
    if footnote is not None and _IN_ORDER in fold(footnote.text) and not claim.subject:
        return _listed(claim, footnote, claims, indicators, year)
    for passage in _passages(claim, place, footnote, indicators):
        concept = find_concept(passage)
        named = set(find_mentions(passage, indicators))
        named.update(i.code for i in indicators if concept and concept == _concept(i))
        if not named and concept is None:
            continue
        codes = [
            i.code
            for i in indicators
            if i.code in named and _same_concept(passage, i) and _fits(claim, year, i, indicators)
        ]
        return codes[0] if len(codes) == 1 else None
    return None


def _passages(
    claim: Claim, place: _Place, footnote: Footnote | None, indicators: Sequence[Indicator]
) -> Iterator[str]:
    """The words that may name the number's indicator, nearest first."""
    yield _with_relation(claim, claim.subject)
    before = place.sentence[: place.start]
    clause = before[max(before.rfind(";"), before.rfind(":")) + 1 :]
    yield _with_relation(claim, clause)
    if footnote is not None and not find_mentions(before, indicators) and not find_concept(before):
        yield _with_relation(claim, _last_sentence(footnote.anchor_text))


def _with_relation(claim: Claim, passage: str) -> str:
    """A share's "chiếm" and a %/năm's "tăng" are evidence of a structure row or a growth."""
    if claim.relation == "share":
        return f"{passage} chiếm"
    if claim.unit == "pct_per_year":
        return f"{passage} tăng"
    return passage


def _same_concept(passage: str, indicator: Indicator) -> bool:
    """The passage names the indicator's own concept of the lexicon, or none at all."""
    named = find_concept(passage, parent=indicator.parent)
    return named is None or named == _concept(indicator)


def _concept(indicator: Indicator) -> Concept | None:
    return find_concept(indicator.name, parent=indicator.parent)


def _listed(
    claim: Claim,
    footnote: Footnote,
    claims: Sequence[Claim],
    indicators: Sequence[Indicator],
    year: _Year,
) -> str | None:
    """The indicator of the n-th share claim of the anchor line, for the n-th listed value."""
    listed = [c for c in claims if c.line == claim.line and not c.subject]
    anchor = [c for c in claims if c.line == footnote.anchor_line and c.relation == "share"]
    if len(listed) != len(anchor) or claim not in listed:
        return None
    subject = f"{anchor[listed.index(claim)].subject} chiếm"
    named = find_mentions(subject, indicators)
    codes = [
        i.code
        for i in indicators
        if i.code in named and _same_concept(subject, i) and _fits(claim, year, i, indicators)
    ]
    return codes[0] if len(codes) == 1 else None


def _fits(claim: Claim, year: _Year, indicator: Indicator, indicators: Sequence[Indicator]) -> bool:
    """The claim's unit, relation and period suit the indicator (see the module docstring)."""
    aggregation = _aggregation(indicator)
    if aggregation is Aggregation.CUMULATIVE or _is_heading(indicator, indicators):
        return False
    unit = _target_unit(indicator)
    growth = unit == "pct_per_year" or aggregation is Aggregation.AVG_GROWTH
    if claim.relation == "average" or claim.unit == "pct_per_year" or growth:
        return claim.unit == "pct_per_year" and growth
    if year.period and aggregation not in _AVERAGED:
        return False
    if claim.unit is None:
        # "10,1 (năm 2020)" for doctors per 10,000: the unit is in the subject.
        return unit is None or get_unit(unit).dimension in _PER_POPULATION
    if unit is None:
        return False
    return get_unit(unit).dimension == get_unit(claim.unit).dimension


def _target_unit(indicator: Indicator) -> str | None:
    units = {t.value.unit for t in indicator.targets if t.value.unit}
    return units.pop() if len(units) == 1 else indicator.unit


def _aggregation(indicator: Indicator) -> Aggregation:
    if indicator.targets:
        return indicator.targets[0].aggregation
    return aggregation_for(indicator.name, parent=indicator.parent)


def _is_heading(indicator: Indicator, indicators: Sequence[Indicator]) -> bool:
    """A row with sub-rows and neither a unit nor a target of its own ("Tỷ lệ xã đạt
    chuẩn nông thôn mới", "Công tác kiểm tra, giám sát hằng năm")."""
    return (
        indicator.unit is None
        and not indicator.targets
        and any(i.parent == indicator.code for i in indicators)
    )


def _source(doc: Document, claim: Claim, footnote: Footnote | None, year: _Year) -> Source:
    text = claim.text
    if footnote is not None:
        where = f"dòng {footnote.anchor_line}" if footnote.anchor_line else "không rõ chỗ neo"
        note = f"; năm theo câu neo: “{year.why}”" if year.why else ""
        text = f"[Chú thích {footnote.number}, neo ở {where}{note}] {claim.text}"
    return Source(doc.name, line=claim.line, text=text)


def _same_slot(first: Baseline, second: Baseline) -> bool:
    return (first.year, first.locality) == (second.year, second.locality)
