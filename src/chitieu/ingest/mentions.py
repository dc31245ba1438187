"""Which catalogue indicators a passage of prose talks about.

An indicator is found by its *key*: the significant words of its name, once the
generic lead ("Tỷ lệ", "Tốc độ tăng trưởng", "Số"), the qualifiers that follow
the concept ("đến năm 2030", "bình quân", "trong giai đoạn", "theo giá so
sánh") and the function words ("của", "và", "ở") are taken away, keeping at most
the first four syllables, plus any acronym the name carries (GRDP, TFP, HDI).
Matching is tone-insensitive (`fold`) and works clause by clause (a clause ends
at ";" or at the end of a sentence):

- the clause holds every syllable of the key, and the first two stand side by
  side ("nông, lâm nghiệp, thủy sản" matches "Nông, lâm nghiệp và thủy sản";
  "nông nghiệp, lâm nghiệp" does not), or it holds one of the acronyms;
- a growth indicator ("Tốc độ tăng …") also needs a word of change ("tăng"),
  a scale indicator ("Quy mô …") the word "quy mô", and a row of an economic
  structure ("Cơ cấu kinh tế" › "Công nghiệp, xây dựng") a word of share
  ("chiếm", "cơ cấu kinh tế", "GRDP"), so that "kinh tế số chiếm khoảng
  30% GRDP" mentions none of the GRDP indicators;
- when two indicators match one clause and the evidence of one is contained
  in the other's ("GRDP" in "GRDP bình quân đầu người"), only the more
  specific one is kept.

Generic words alone ("tỷ lệ", "phát triển", "tăng trưởng") never make a mention.
When `chitieu.ingest.codes` provides keyword patterns for an indicator's code,
they are used as extra keys (see `_lexicon_patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from chitieu.catalog.model import Indicator
from chitieu.catalog.text import fold

# Leads that say what is measured, not what about (folded), longest first.
_LEADS = tuple(
    fold(lead)
    for lead in (
        "tốc độ tăng trưởng",
        "tốc độ tăng",
        "tỷ trọng",
        "tỷ lệ",
        "xếp hạng",
        "chỉ số",
        "quy mô",
        "tổng số",
        "tổng",
        "số",
        "về",
    )
)
# Where the concept ends and the qualifiers begin (folded).
_TAIL = re.compile(
    "|".join(
        [":"]
        + [
            rf"\b{re.escape(fold(words))}\b"
            for words in (
                "đến năm",
                "trong giai đoạn",
                "giai đoạn",
                "hằng năm",
                "hàng năm",
                "mỗi năm",
                "theo giá",
                "so với",
                "trong tổng",
                "đạt chuẩn",
            )
        ]
        + [r"\bn[aă]m 20\d\d\b"]
    )
)
_FUNCTION_WORDS = frozenset(
    fold(w)
    for w in (
        "và",
        "của",
        "ở",
        "các",
        "những",
        "được",
        "có",
        "trong",
        "trên",
        "với",
        "cho",
        "theo",
        "là",
        "một",
        "bình",
        "quân",
        "đạt",
        "năm",
        "tỉnh",
        "chung",
    )
)
_GROWTH_LEADS = (fold("tốc độ tăng trưởng"), fold("tốc độ tăng"))
_SCALE_LEADS = (fold("quy mô"),)
_CHANGE_WORDS = (fold("tăng"), fold("giảm"))
_SHARE_WORDS = (fold("chiếm"), fold("cơ cấu kinh tế"), "grdp")
_STRUCTURE = fold("cơ cấu")
# Verb phrases that look like a concept but are not one ("cơ cấu lại nền kinh tế": restructure).
_NOT_A_MENTION = re.compile("|".join(fold(p) for p in ("tái cơ cấu", "cơ cấu lại")))
_KEY_SYLLABLES = 4
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
_CLAUSE_SPLIT = re.compile(r";|\.(?:\s|$)|\n")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class IndicatorKey:
    """What has to be in a clause for it to mention an indicator."""

    code: str
    syllables: tuple[str, ...]  # folded, in name order; may be empty
    acronyms: tuple[str, ...]  # folded: "grdp"; an expansion in parentheses, enough alone
    required: tuple[str, ...] = ()  # acronyms written bare in the name: needed with the words
    alternatives: tuple[tuple[str, ...], ...] = ()  # the items of a structure row "A, B"
    needs: tuple[str, ...] = ()  # one of these words must also be in the clause
    patterns: tuple[re.Pattern[str], ...] = ()  # from the concept lexicon


def indicator_key(
    indicator: Indicator, ancestors: Sequence[Indicator] = (), *, size: int = _KEY_SYLLABLES
) -> IndicatorKey:
    """The key of one indicator (see the module docstring).

    >>> indicator_key(_example("Tỷ lệ đô thị hoá đến năm 2030")).syllables
    ('đô', 'thi', 'hoa')
    >>> key = indicator_key(_example("Quy mô GRDP"))
    >>> key.required, key.needs == (fold("quy mô"),)
    (('grdp',), True)
    """
    name = _strip_notes(indicator.name)
    bracketed = " ".join(re.findall(r"\(([^)]*)\)", name))
    acronyms = tuple(dict.fromkeys(fold(a) for a in _ACRONYM.findall(bracketed)))
    bare = re.sub(r"\([^)]*\)", " ", name)
    required = tuple(dict.fromkeys(fold(a) for a in _ACRONYM.findall(bare)))
    folded = fold(bare)
    lead = ""
    for candidate in _LEADS:
        if folded == candidate or folded.startswith(candidate + " "):
            lead = candidate
            folded = folded[len(candidate) :].strip()
            break
    tail = _TAIL.search(folded)
    if tail and tail.start() > 0:
        folded = folded[: tail.start()]
    syllables = _content(folded, required, size)
    needs = _needs(lead, ancestors)
    alternatives: tuple[tuple[str, ...], ...] = ()
    if needs == _SHARE_WORDS and "," in folded:
        items = (_content(item, required, size) for item in re.split(r",| và ", folded))
        alternatives = tuple(item for item in items if len(item) >= 2)
    return IndicatorKey(
        code=indicator.code,
        syllables=syllables,
        acronyms=acronyms,
        required=required,
        alternatives=alternatives,
        needs=needs,
        patterns=_lexicon_patterns(indicator.code),
    )


def find_mentions(text: str, indicators: Sequence[Indicator]) -> tuple[str, ...]:
    """The codes of the indicators `text` mentions, in catalogue order.

    >>> grdp = _example("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "kt.grdp")
    >>> per_head = _example("GRDP bình quân đầu người", "kt.grdp_dau_nguoi")
    >>> find_mentions("GRDP bình quân đầu người tăng nhanh", [grdp, per_head])
    ('kt.grdp_dau_nguoi',)
    >>> find_mentions("kinh tế số chiếm khoảng 30% GRDP", [grdp, per_head])
    ()
    """
    index = _index_of(indicators)
    found: set[str] = set()
    for clause in clauses(text):
        found.update(_clause_mentions(clause, index))
    return tuple(i.code for i in indicators if i.code in found)


def clauses(text: str) -> tuple[str, ...]:
    """The clauses of a passage: split at ";", at a sentence's full stop and at line breaks."""
    return tuple(part for part in _CLAUSE_SPLIT.split(text) if part.strip())


def significant_words(clause: str) -> tuple[str, ...]:
    """The clause's folded words without the function words ("của", "và", "các", …)."""
    return tuple(_prepared(clause).joined.split())


def clause_evidence(clause: str, key: IndicatorKey) -> frozenset[str] | None:
    """The words of `clause` that make it mention the key's indicator, or None."""
    return _evidence(_prepared(clause), key)


@dataclass(frozen=True)
class _Clause:
    """A clause folded once: its significant words, as a set and space-joined."""

    folded: str
    words: frozenset[str]
    joined: str  # " w1 w2 … " with the function words left out


@lru_cache(maxsize=1 << 14)  # task spans and claims repeat the same clauses
def _prepared(clause: str) -> _Clause:
    folded = fold(clause)
    words = tuple(w for w in _words(_NOT_A_MENTION.sub(" ", folded)) if w not in _FUNCTION_WORDS)
    return _Clause(folded, frozenset(words), " " + " ".join(words) + " ")


def _evidence(clause: _Clause, key: IndicatorKey) -> frozenset[str] | None:
    words, joined = clause.words, clause.joined
    evidence: set[str] | None = None
    if (key.syllables or key.required) and all(a in words for a in key.required):
        for phrase in (key.syllables, *key.alternatives):
            if _holds(words, joined, phrase):
                evidence = set(phrase) | set(key.required)
                break
    for acronym in key.acronyms:
        if acronym in words:
            evidence = (evidence or set()) | {acronym}
    if evidence is None and any(p.search(clause.folded) for p in key.patterns):
        evidence = set(key.syllables) | {key.code}
    if evidence is None:
        return None
    if key.needs and not any(f" {need} " in joined for need in key.needs):
        return None
    return frozenset(evidence)


def _holds(words: frozenset[str], joined: str, phrase: tuple[str, ...]) -> bool:
    """Every syllable of `phrase` is in the clause and its first two stand together."""
    if not all(s in words for s in phrase):
        return False
    return not phrase or f" {' '.join(phrase[:2])} " in joined


def _content(folded: str, acronyms: tuple[str, ...], size: int) -> tuple[str, ...]:
    words = (w for w in _words(folded) if w not in _FUNCTION_WORDS and w not in acronyms)
    return tuple(words)[:size]


def _clause_mentions(clause: str, index: _KeyIndex) -> set[str]:
    prepared = _prepared(clause)
    matched = {}
    for key in index.candidates(prepared):
        evidence = _evidence(prepared, key)
        if evidence is not None:
            matched[key.code] = evidence
    return {
        code
        for code, evidence in matched.items()
        if not any(evidence < other for other_code, other in matched.items() if other_code != code)
    }


@dataclass(frozen=True)
class _KeyIndex:
    """The keys of a catalogue, indexed by the words without which a key cannot match.

    A key matches only if its first syllable (of the name or of a structure
    item), one of its bare acronyms or one of its bracketed acronyms is among
    the clause's words, or one of its lexicon patterns matches; so a clause is
    tried only against the keys one of its words triggers (and those with
    patterns), in catalogue order.
    """

    keys: tuple[IndicatorKey, ...]
    by_word: dict[str, tuple[int, ...]]
    always: tuple[int, ...]  # keys with lexicon patterns

    def candidates(self, clause: _Clause) -> list[IndicatorKey]:
        chosen: set[int] = set()
        for word in clause.words:
            chosen.update(self.by_word.get(word, ()))
        for n in self.always:
            if n not in chosen and any(p.search(clause.folded) for p in self.keys[n].patterns):
                chosen.add(n)
        return [self.keys[n] for n in sorted(chosen)]


def _index(keys: tuple[IndicatorKey, ...]) -> _KeyIndex:
    by_word: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        triggers = {phrase[0] for phrase in (key.syllables, *key.alternatives) if phrase}
        triggers.update(key.required[:1] if not key.syllables else ())
        triggers.update(key.acronyms)
        for word in triggers:
            by_word.setdefault(word, []).append(n)
    always = tuple(n for n, key in enumerate(keys) if key.patterns)
    return _KeyIndex(keys, {w: tuple(ns) for w, ns in by_word.items()}, always)


# Catalogues by the identity of their indicators: hashing 60 frozen indicators on
# every call costs more than matching. The indicators are kept alive with the
# index, so an id cannot be reused while its entry exists.
_INDEXES: dict[tuple[int, ...], tuple[tuple[Indicator, ...], _KeyIndex]] = {}
_MAX_INDEXES = 16


def _index_of(indicators: Sequence[Indicator]) -> _KeyIndex:
    ids = tuple(map(id, indicators))
    cached = _INDEXES.get(ids)
    if cached is None:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.pop(next(iter(_INDEXES)))
        kept = tuple(indicators)
        cached = _INDEXES[ids] = (kept, _index(_keys(kept)))
    return cached[1]


@lru_cache(maxsize=64)
def _keys(indicators: tuple[Indicator, ...]) -> tuple[IndicatorKey, ...]:
    by_code = {i.code: i for i in indicators}
    keys = [indicator_key(i, ancestors(i, by_code)) for i in indicators]
    # Two names that share their first words ("Xã chuẩn nông thôn mới nâng cao" /
    # "… kiểu mẫu") are told apart by their whole names.
    seen = [k.syllables for k in keys]
    return tuple(
        indicator_key(i, ancestors(i, by_code), size=12)
        if key.syllables and seen.count(key.syllables) > 1
        else key
        for i, key in zip(indicators, keys, strict=True)
    )


def _needs(lead: str, ancestors: Sequence[Indicator]) -> tuple[str, ...]:
    if lead in _GROWTH_LEADS:
        return _CHANGE_WORDS
    if lead in _SCALE_LEADS:
        return _SCALE_LEADS
    if not lead and any(fold(a.name).startswith(_STRUCTURE) for a in ancestors):
        return _SHARE_WORDS
    return ()


def ancestors(indicator: Indicator, by_code: dict[str, Indicator]) -> tuple[Indicator, ...]:
    """The indicator's parents, nearest first (at most ten: a cycle in bad input stops)."""
    chain: list[Indicator] = []
    code = indicator.parent
    while code is not None and code in by_code and len(chain) < 10:
        chain.append(by_code[code])
        code = by_code[code].parent
    return tuple(chain)


def _strip_notes(name: str) -> str:
    """The name without a leading "Trong đó:" and without a unit after a slash."""
    name = re.sub(r"^\s*trong đó\s*:?\s*", "", name, flags=re.IGNORECASE)
    return name.split("/")[0] if "/" in name and "vạn" not in name else name


def _words(folded: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(folded))


def _lexicon_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    """Extra keys from the concept lexicon (`chitieu.ingest.codes`), when it knows the code.

    The lexicon's patterns are written for names; in prose only the
    conservative ones are used: a concept that is not a structure row, and a
    pattern of two phrases or more ("grdp + đầu người"), all of which must be
    in the clause, in any order. The lexicon's exclusions still rule out.
    """
    try:
        from chitieu.ingest import codes
    except ImportError:  # the lexicon is optional
        return ()
    patterns: list[re.Pattern[str]] = []
    for concept in getattr(codes, "CONCEPTS", ()):
        if concept.code != code or concept.parent is not None:
            continue
        excluded = "".join(f"(?!.*{re.escape(fold(word))})" for word in concept.excludes)
        for group in concept.patterns:
            if len(group) < 2:
                continue
            required = "".join(f"(?=.*{re.escape(fold(phrase))})" for phrase in group)
            patterns.append(re.compile(f"^{excluded}{required}"))
    return tuple(patterns)


def _example(name: str, code: str = "x") -> Indicator:
    """A bare indicator, for the examples in this module's docstrings."""
    from chitieu.catalog.model import Direction

    return Indicator(code, name, "kinh_te", None, None, Direction.HIGHER)
