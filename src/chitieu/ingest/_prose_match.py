"""Pairing prose targets with table indicators (private to reconcile).

Score of a (prose target, indicator) pair:
- the concept lexicon (chitieu.ingest.codes) first: two known, different
  concepts never pair; the same concept adds 1;
- word overlap of the names, tone-insensitive, without filler words and with
  abbreviations spelled out (BTVTU, NTM, BHYT …): half containment, half Jaccard;
- structure: a "Trong đó" table row prefers a prose sub-target (one with a parent);
- the same written bound adds a little, to separate siblings ("95%" / "100%").
Pairs are taken best first, one to one, above THRESHOLD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from chitieu.catalog.model import Indicator
from chitieu.catalog.text import fold
from chitieu.ingest.codes import find_concept, strip_trong_do
from chitieu.ingest.prose_targets import ProseTarget

THRESHOLD = 0.4
_ABBREVIATIONS = {
    "btvtu": "ban thường vụ tỉnh ủy",
    "ntm": "nông thôn mới",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "kcn": "khu công nghiệp",
    "ccn": "cụm công nghiệp",
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
}
_STOP = frozenset(
    fold(word)
    for word in [
        "tỷ",
        "lệ",
        "số",
        "các",
        "của",
        "và",
        "được",
        "trong",
        "đó",
        "là",
        "có",
        "cho",
        "với",
        "theo",
        "về",
        "ở",
        "tại",
        "đạt",
        "trên",
        "từ",
        "đến",
        "năm",
        "hằng",
        "hàng",
        "mức",
        "hoặc",
    ]
)
_STOP_PHRASES = tuple(fold(p) for p in ("khu vực", "bảo đảm", "đảm bảo"))
_WORD = re.compile(r"[^\W\d_]+")
_ABBREVIATION_PATTERNS = tuple(
    (re.compile(rf"\b{short}\b"), fold(long)) for short, long in _ABBREVIATIONS.items()
)


@dataclass(frozen=True)
class Pair:
    indicator: Indicator
    prose: ProseTarget
    score: float


@lru_cache(maxsize=1 << 12)  # every pair of table row and prose target asks again
def words(name: str) -> frozenset[str]:
    """The significant syllables of a name, folded.

    >>> sorted(words("BTVTU kiểm tra")) == sorted(words("Ban Thường vụ Tỉnh ủy kiểm tra"))
    True
    """
    folded = fold(strip_trong_do(name))
    for pattern, long in _ABBREVIATION_PATTERNS:
        folded = pattern.sub(long, folded)
    for phrase in _STOP_PHRASES:
        folded = folded.replace(phrase, " ")
    return frozenset(w for w in _WORD.findall(folded) if w not in _STOP)


def concept_name(name: str) -> str:
    """The name as the lexicon reads it (it knows "BTVTU", not the words)."""
    return re.sub(fold("ban thường vụ tỉnh ủy"), "btvtu", fold(name))


def pair(indicators: Sequence[Indicator], prose: Sequence[ProseTarget]) -> tuple[Pair, ...]:
    parents = _prose_parent_codes(prose)
    candidates = [
        Pair(indicator, target, score)
        for indicator in indicators
        if indicator.targets
        for target in prose
        if (score := _score(indicator, target, parents.get(target.parent or ""))) >= THRESHOLD
    ]
    candidates.sort(key=lambda p: (-p.score, p.prose.line, p.indicator.code))
    used_indicators: set[str] = set()
    used_prose: set[int] = set()
    chosen: list[Pair] = []
    for candidate in candidates:
        if candidate.indicator.code in used_indicators or id(candidate.prose) in used_prose:
            continue
        used_indicators.add(candidate.indicator.code)
        used_prose.add(id(candidate.prose))
        chosen.append(candidate)
    return tuple(chosen)


def name_score(first: str, second: str) -> float:
    a, b = words(first), words(second)
    if not a or not b:
        return 0.0
    common = len(a & b)
    return 0.5 * common / min(len(a), len(b)) + 0.5 * common / len(a | b)


def _score(indicator: Indicator, target: ProseTarget, parent_code: str | None) -> float:
    table_concept = find_concept(indicator.name, parent=indicator.parent)
    prose_concept = find_concept(concept_name(target.subject), parent=parent_code)
    score = name_score(indicator.name, target.subject)
    if table_concept is not None and prose_concept is not None:
        if table_concept.code != prose_concept.code:
            return 0.0
        score += 1.0
    sub_row = fold(indicator.name).startswith(fold("trong đó"))
    if sub_row:
        score += 0.2 if target.parent else -0.3
    table_target = indicator.targets[0].value
    if _bounds(table_target) == _bounds(target.target) and _bounds(table_target) != (None, None):
        score += 0.15
    return score


def _bounds(target: object) -> tuple[object, object]:
    return getattr(target, "low", None), getattr(target, "high", None)


def _prose_parent_codes(prose: Sequence[ProseTarget]) -> dict[str, str]:
    """Parent subject -> its concept code, for the lexicon's parent-scoped concepts."""
    codes: dict[str, str] = {}
    for target in prose:
        if target.parent and target.parent not in codes:
            concept = find_concept(concept_name(target.parent))
            if concept is not None:
                codes[target.parent] = concept.code
    return codes
