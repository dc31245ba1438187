"""Which targets a task concerns: where the task's text names the target's concept.

The reader suggests these links; a person confirms or removes them in the store.
A task is linked to an indicator only when one of its clauses (split at ";", a
sentence's full stop and line breaks) holds the indicator's key phrase as whole,
adjacent words:

- for a concept of the lexicon (found by the indicator's code, else by its name),
  the phrases of `chitieu.ingest.concept_prose` ("nông thôn mới", "bác sĩ",
  "giảm nghèo"), with their exclusions and heading-only phrases;
- for any other indicator, the key of its name (`mentions.indicator_key`: the words
  after "Tỷ lệ", "Số", … and before "đến năm", "đạt chuẩn", …) written side by side,
  at least two words or an acronym, with the word of change, scale or share its lead
  asks for.

So "an toàn xã hội" never links "Tỷ lệ xã đạt chuẩn nông thôn mới" (its key from
the name would be the single word "xã"; its concept's phrase is "nông thôn mới"),
and "trên cơ sở chuyển đổi số" never links "cơ sở sản xuất, kinh doanh đạt quy
chuẩn về môi trường".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.catalog.model import Indicator
from chitieu.catalog.text import fold
from chitieu.ingest.codes import find_concept
from chitieu.ingest.concept_prose import PROSE
from chitieu.ingest.mentions import ancestors, clauses, indicator_key, significant_words

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Phrase:
    """All `parts` in one clause, none of `excluded`; in the heading only when `heading`."""

    parts: tuple[str, ...]  # " w1 w2 " folded, padded for whole-word search
    excluded: tuple[str, ...] = ()
    heading: bool = False

    def found_in(self, padded: str) -> bool:
        return all(p in padded for p in self.parts) and not any(x in padded for x in self.excluded)


@dataclass(frozen=True)
class IndicatorPhrases:
    code: str
    phrases: tuple[Phrase, ...]
    needs: tuple[str, ...] = ()  # one of these words must also be in the clause (name keys)


def phrase(text: str) -> Phrase:
    """A phrase of `concept_prose` ("a + b + !c", "^a").

    >>> phrase("kiểm tra, giám sát + !thanh tra")
    Phrase(parts=(' kiêm tra giam sat ',), excluded=(' thanh tra ',), heading=False)
    """
    heading = text.startswith("^")
    parts = [p.strip() for p in text.lstrip("^").split("+")]
    return Phrase(
        parts=tuple(_padded(p) for p in parts if not p.startswith("!")),
        excluded=tuple(_padded(p[1:]) for p in parts if p.startswith("!")),
        heading=heading,
    )


def indicator_phrases(
    indicator: Indicator, ancestors: Sequence[Indicator] = ()
) -> IndicatorPhrases:
    """The key phrases of one indicator (see the module docstring).

    >>> from chitieu.catalog.model import Direction
    >>> ntm = Indicator("x", "Tỷ lệ xã đạt chuẩn nông thôn mới", "xh", None, None, Direction.HIGHER)
    >>> [p.parts for p in indicator_phrases(ntm).phrases]
    [(' nông thôn mơi ',)]
    """
    code = indicator.code if indicator.code in PROSE else _concept_code(indicator)
    if code in PROSE:
        return IndicatorPhrases(indicator.code, tuple(phrase(p) for p in PROSE[code]))
    key = indicator_key(indicator, ancestors)
    phrases = [Phrase((_padded(a),)) for a in key.acronyms]
    for words in (key.syllables, *key.alternatives):
        if len(words) >= 2 or (words and key.required):
            parts = (_padded(" ".join(words)), *(_padded(a) for a in key.required))
            phrases.append(Phrase(parts))
    return IndicatorPhrases(indicator.code, tuple(phrases), key.needs)


class TaskLinker:
    """The key phrases of a catalogue's indicators, built once for all its tasks."""

    def __init__(self, indicators: Sequence[Indicator]) -> None:
        by_code = {i.code: i for i in indicators}
        self.keys = tuple(indicator_phrases(i, ancestors(i, by_code)) for i in indicators)

    def links(self, text: str, heading: str = "") -> tuple[str, ...]:
        """The codes of the indicators whose concept `text` names, in catalogue order."""
        body = [_clause(c) for c in clauses(text)]
        head = [_clause(c) for c in clauses(heading)]
        found = []
        for key in self.keys:
            if any(_names(key, clause, in_heading=False) for clause in body) or any(
                _names(key, clause, in_heading=True) for clause in head
            ):
                found.append(key.code)
        return tuple(found)


def task_links(text: str, indicators: Sequence[Indicator], heading: str = "") -> tuple[str, ...]:
    """The codes of the indicators a task's text names (one call; see `TaskLinker`).

    >>> from chitieu.catalog.model import Direction
    >>> ntm = Indicator("xh.ntm", "Tỷ lệ xã đạt chuẩn nông thôn mới", "xh", None, None,
    ...                 Direction.HIGHER)
    >>> task_links("Củng cố thế trận quốc phòng toàn dân; giữ vững an toàn xã hội", [ntm])
    ()
    >>> task_links("Tiếp tục xây dựng nông thôn mới văn minh", [ntm])
    ('xh.ntm',)
    """
    return TaskLinker(indicators).links(text, heading)


@dataclass(frozen=True)
class _Clause:
    padded: str  # " w1 w2 … " every word, folded
    significant: str  # the same without function words (for name keys)


def _clause(text: str) -> _Clause:
    words = _WORD.findall(fold(text))
    return _Clause(_join(words), _join(significant_words(text)))


def _names(key: IndicatorPhrases, clause: _Clause, *, in_heading: bool) -> bool:
    if key.needs and not any(f" {need} " in clause.padded for need in key.needs):
        return False
    return any(
        (in_heading or not p.heading)
        and (p.found_in(clause.padded) or p.found_in(clause.significant))
        for p in key.phrases
    )


def _concept_code(indicator: Indicator) -> str | None:
    concept = find_concept(indicator.name, parent=indicator.parent)
    return concept.code if concept is not None else None


def _padded(text: str) -> str:
    return _join(_WORD.findall(fold(text)))


def _join(words: Sequence[str]) -> str:
    return " " + " ".join(words) + " "
