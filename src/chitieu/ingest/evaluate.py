"""How well the reader does on an annotated corpus: recall and precision of targets.

A target the reader put in the catalogue matches an annotated one when their
numbers agree (the bounds, in the annotated unit when both units are known) and
they are the same statement: within a few lines of each other, or naming the
same indicator. Each annotation is paired once, best pair first; a target the
document states twice (prose and table) may be paired with both statements.
Kind, unit and period differences of a matched pair are listed, not counted as
misses: they are the reader's next errors to fix. Targets the reader left as
candidates for a person are not in the catalogue and count as missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from chitieu.catalog.model import Catalogue, Plan
from chitieu.catalog.text import fold
from chitieu.ingest.corpus import AnnotatedTarget, Annotation, read_corpus
from chitieu.ingest.document import IngestError
from chitieu.ingest.plan_meta import same_issuer, same_place
from chitieu.quantity import UnitMismatchError, convert, parse_unit

NEAR_LINES = 3
_SAME_STATEMENT_APART = 3  # a second statement of one target is at least this far away
_TOLERANCE = Decimal("0.0001")
_WORD = re.compile(r"\w+")
_STOP = frozenset(fold(w) for w in ("tỷ", "lệ", "của", "và", "các", "trên", "địa", "bàn", "đạt"))


@dataclass(frozen=True)
class Found:
    """A target as the reader put it in the catalogue."""

    line: int
    line_end: int
    indicator: str
    code: str
    text: str
    kind: str
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    period_start: int
    period_end: int
    aggregation: str

    @property
    def period(self) -> str:
        start, end = self.period_start, self.period_end
        return str(end) if start == end else f"{start}-{end}"

    def same_period(self, written: str) -> bool:
        """ "2030" is the end of a level target over 2026-2030 ("đến năm 2030")."""
        first, _, last = written.partition("-")
        if not last:
            level = self.aggregation == "level"
            return self.period_end == int(first) and (level or self.period_start == int(first))
        return (self.period_start, self.period_end) == (int(first), int(last))


@dataclass(frozen=True)
class DocumentScore:
    name: str
    annotated: int
    predicted: int
    found: int  # annotated targets the reader found
    correct: int  # catalogue targets that are annotated ones
    misses: tuple[AnnotatedTarget, ...] = ()
    false_targets: tuple[Found, ...] = ()
    differences: tuple[str, ...] = ()
    metadata: tuple[str, ...] = ()  # metadata fields that disagree
    error: str | None = None

    @property
    def recall(self) -> float:
        return self.found / self.annotated if self.annotated else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass(frozen=True)
class CorpusScore:
    documents: tuple[DocumentScore, ...]
    places: tuple[str, ...] = field(default=())

    @property
    def annotated(self) -> int:
        return sum(d.annotated for d in self.documents)

    @property
    def predicted(self) -> int:
        return sum(d.predicted for d in self.documents)

    @property
    def recall(self) -> float:
        found = sum(d.found for d in self.documents)
        return found / self.annotated if self.annotated else 1.0

    @property
    def precision(self) -> float:
        correct = sum(d.correct for d in self.documents)
        return correct / self.predicted if self.predicted else 1.0


def evaluate_corpus(folder: Path) -> CorpusScore:
    """Ingest every annotated document of `folder` and score it."""
    from chitieu.ingest.pipeline import ingest

    scores = []
    for annotation in read_corpus(folder):
        try:
            catalogue = ingest(annotation.path)
        except IngestError as error:
            scores.append(_unreadable(annotation, str(error)))
            continue
        scores.append(score_document(annotation, catalogue))
    places = tuple(sorted({a.place for a in read_corpus(folder)}))
    return CorpusScore(tuple(scores), places)


def _unreadable(annotation: Annotation, error: str) -> DocumentScore:
    return DocumentScore(
        annotation.name,
        len(annotation.targets),
        0,
        0,
        0,
        misses=annotation.targets,
        error=error,
    )


def score_document(annotation: Annotation, catalogue: Catalogue) -> DocumentScore:
    found = catalogue_targets(catalogue)
    pairs = _pair(annotation.targets, found)
    matched_found = {id(f) for f in pairs.values()}
    return DocumentScore(
        name=annotation.name,
        annotated=len(annotation.targets),
        predicted=len(found),
        found=len(pairs),
        correct=len(matched_found),
        misses=tuple(a for a in annotation.targets if id(a) not in pairs),
        false_targets=tuple(f for f in found if id(f) not in matched_found),
        differences=tuple(
            d for a in annotation.targets if id(a) in pairs for d in _differences(a, pairs[id(a)])
        ),
        metadata=metadata_differences(annotation, catalogue.plan),
    )


def catalogue_targets(catalogue: Catalogue) -> tuple[Found, ...]:
    """The plan's targets, and those of the past terms' results tables (their "Mục tiêu" or
    "Kế hoạch" column), each where the document states it."""
    return (*_plan_targets(catalogue), *_past_targets(catalogue))


def _past_targets(catalogue: Catalogue) -> tuple[Found, ...]:
    return tuple(
        Found(
            line=row.source.line or 0,
            line_end=row.source.line_end or row.source.line or 0,
            indicator=row.indicator,
            code=f"{term.code}:{row.stt}",
            text=row.target.text,
            kind=row.target.kind.value,
            low=row.target.low,
            high=row.target.high,
            unit=row.target.unit,
            period_start=term.period_start,
            period_end=term.period_end,
            aggregation="level",
        )
        for term in catalogue.past_terms
        for row in term.rows
        if row.target is not None
    )


def _plan_targets(catalogue: Catalogue) -> tuple[Found, ...]:
    return tuple(
        Found(
            line=target.source.line or 0,
            line_end=target.source.line_end or target.source.line or 0,
            indicator=indicator.name,
            code=indicator.code,
            text=target.value.text,
            kind=target.value.kind.value,
            low=target.value.low,
            high=target.value.high,
            unit=target.value.unit,
            period_start=target.period_start,
            period_end=target.period_end,
            aggregation=target.aggregation.value,
        )
        for indicator in catalogue.indicators
        for target in indicator.targets
    )


def _pair(annotated: Sequence[AnnotatedTarget], found: Sequence[Found]) -> dict[int, Found]:
    """annotation id -> its catalogue target, best scores first, one-to-one, then the
    second statements of a target already paired."""
    options = sorted(
        (
            (score, index, f_index)
            for index, a in enumerate(annotated)
            for f_index, f in enumerate(found)
            if (score := _pair_score(a, f)) is not None
        ),
        key=lambda option: (-option[0], option[1], option[2]),
    )
    pairs: dict[int, Found] = {}
    used: dict[int, int] = {}  # found index -> the line it was paired at
    for _, index, f_index in options:
        a = annotated[index]
        if id(a) in pairs:
            continue
        if f_index in used and abs(used[f_index] - a.line) < _SAME_STATEMENT_APART:
            continue
        pairs[id(a)] = found[f_index]
        used.setdefault(f_index, a.line)
    return pairs


def _pair_score(annotated: AnnotatedTarget, found: Found) -> float | None:
    if not _same_numbers(annotated, found):
        return None
    near = found.line - NEAR_LINES <= annotated.line <= found.line_end + NEAR_LINES
    similarity = name_similarity(annotated.indicator, found.indicator)
    if not near and similarity < 0.5:
        return None
    distance = min(abs(annotated.line - found.line), abs(annotated.line - found.line_end))
    return similarity + (2.0 if near else 0.0) - distance / 100


def _same_numbers(annotated: AnnotatedTarget, found: Found) -> bool:
    if annotated.kind == "text" or found.kind == "text":
        return annotated.kind == found.kind and annotated.line == found.line
    wanted = _bounds(annotated.low, annotated.high, annotated.unit, found.unit)
    have = {v for v in (found.low, found.high) if v is not None}
    return (
        bool(have)
        and len(wanted) == len(have)
        and all(any(_close(w, h) for h in have) for w in wanted)
    )


def _close(first: Decimal, second: Decimal) -> bool:
    """Equal up to a ratio written with six digits (1/3 annotated as 0.333333)."""
    return abs(first - second) <= _TOLERANCE * max(abs(second), Decimal(1))


def _bounds(
    low: Decimal | None, high: Decimal | None, unit_text: str, to_unit: str | None
) -> set[Decimal]:
    values = {v for v in (low, high) if v is not None}
    unit = parse_unit(unit_text) if unit_text else None
    if unit is None or to_unit is None or unit.code == to_unit:
        return values
    try:
        return {convert(v, unit.code, to_unit) for v in values}
    except UnitMismatchError:
        return values


def name_similarity(annotated: str, found: str) -> float:
    """Share of the annotated name's words the found name has (tone marks ignored).

    >>> name_similarity("Tỷ lệ hộ nghèo đa chiều", "tỷ lệ hộ nghèo")
    0.5
    """
    wanted = _words(annotated)
    return len(wanted & _words(found)) / len(wanted) if wanted else 0.0


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if w not in _STOP}


def _differences(annotated: AnnotatedTarget, found: Found) -> Iterable[str]:
    where = f"dòng {annotated.line}"
    if annotated.kind != found.kind:
        yield f"{where}: loại {found.kind}, chú thích {annotated.kind} ({annotated.text})"
    unit = parse_unit(annotated.unit) if annotated.unit else None
    if unit is not None and found.unit is not None and unit.dimension != _dimension(found.unit):
        yield f"{where}: đơn vị {found.unit}, chú thích {annotated.unit} ({annotated.text})"
    if annotated.period and not found.same_period(annotated.period):
        yield f"{where}: kỳ {found.period}, chú thích {annotated.period} ({annotated.text})"
    # a level that "tăng 12%" changes against its base: the reader calls a yearly rise of an
    # amount its growth (avg_growth), the same commitment
    if annotated.change != (found.aggregation in ("change", "avg_growth")) and not (
        not annotated.change and found.aggregation == "avg_growth"
    ):
        yield (
            f"{where}: cách tính {found.aggregation}, chú thích "
            f"{'thay đổi so với gốc' if annotated.change else 'mức'} ({annotated.text})"
        )


def _dimension(code: str) -> str:
    from chitieu.quantity import get_unit

    return get_unit(code).dimension


def metadata_differences(annotation: Annotation, plan: Plan) -> tuple[str, ...]:
    """The plan fields the reader got wrong or left empty, against the annotation."""
    years = annotation.term or ((annotation.year, annotation.year) if annotation.year else None)
    expected: dict[str, object] = {
        "kind": annotation.kind,
        "level": annotation.level,
        "place": annotation.place,
        "issuer": annotation.issuer,
        "years": years,
    }
    got: dict[str, object] = {
        "kind": plan.kind,
        "level": plan.level,
        "place": plan.place,
        "issuer": plan.issuer,
        "years": (plan.term_start, plan.term_end) if plan.term_start else None,
    }
    return tuple(
        f"{key}: đọc được {got[key] or '(trống)'}, chú thích {expected[key] or '(trống)'}"
        for key in expected
        if not _same(key, expected[key], got[key])
    )


def _same(key: str, expected: object, got: object) -> bool:
    if key == "place":
        return same_place(str(expected), str(got))
    if key == "issuer":
        return same_issuer(str(expected), str(got))
    return expected == got
