"""Who owns an indicator by default: a department's codes, topics, groups, or the default.

A department's rules come from the place profile (or a departments file). They are
tried from the most to the least specific, and the first step that finds a department
decides: an indicator code or prefix ("kt.thu_ngan_sach.*") the department lists; a
topic word found in the indicator's name or code; a group word found in its group's
name or code; the department marked `default`. Among topic (or group) matches the
longest word wins, so "bảo hiểm y tế" goes to the department that names it rather than
the one that only says "bảo hiểm"; departments whose words are equally long share it.
Words match whole words, tone marks and case aside. Pure: no store, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.catalog.text import fold


@dataclass(frozen=True)
class OwnerRules:
    """One department's default rules."""

    code: str
    indicators: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    default: bool = False


@dataclass(frozen=True)
class IndicatorFacts:
    """What the rules look at in an indicator."""

    code: str
    name: str
    group_code: str = ""
    group_name: str = ""


@dataclass(frozen=True)
class Owners:
    """The departments an indicator goes to, and why, in Vietnamese ("" when none)."""

    departments: tuple[str, ...]
    reason: str


def matches_code(pattern: str, code: str) -> bool:
    """A code, or a prefix ending in ".*" that covers the code itself and every code under it.

    >>> matches_code("xh.y_te.*", "xh.y_te.bac_si"), matches_code("xh.y_te.*", "xh.y_tế")
    (True, False)
    """
    pattern = pattern.strip()
    if pattern.endswith(".*"):
        stem = pattern[:-2]
        return code == stem or code.startswith(stem + ".")
    return code == pattern


def word_in(word: str, *texts: str) -> bool:
    """Whether `word` appears as whole words in one of the texts (tone marks and case aside).

    >>> word_in("bác sĩ", "Số bác sỹ/vạn dân"), word_in("y tế", "Thu nhập bình quân")
    (False, False)
    >>> word_in("bác sĩ", "Số bác sĩ trên 1 vạn dân"), word_in("y_te", "xh.y_te.giuong")
    (True, True)
    """
    key = fold(word)
    if not key:
        return False
    pattern = re.compile(rf"(?<![\w]){re.escape(key)}(?![\w])")
    return any(pattern.search(fold(text)) for text in texts if text)


def default_owners(indicator: IndicatorFacts, rules: Sequence[OwnerRules]) -> Owners:
    """The departments the rules give `indicator`, from the most specific step that finds one.

    >>> rules = [OwnerRules("tc", indicators=("kt.*",)), OwnerRules("yt", topics=("y tế",)),
    ...          OwnerRules("vp", default=True)]
    >>> default_owners(IndicatorFacts("xh.bhyt", "Tỷ lệ tham gia bảo hiểm y tế"), rules)
    Owners(departments=('yt',), reason='chủ đề “y tế”')
    >>> default_owners(IndicatorFacts("xh.x", "Chỉ số khác"), rules).departments
    ('vp',)
    """
    coded = tuple(
        r.code for r in rules if any(matches_code(p, indicator.code) for p in r.indicators)
    )
    if coded:
        return Owners(coded, "mã chỉ tiêu")
    for step, words_of, texts in (
        ("chủ đề", lambda r: r.topics, (indicator.name, indicator.code)),
        ("nhóm", lambda r: r.groups, (indicator.group_name, indicator.group_code)),
    ):
        best: dict[str, str] = {}
        for rule in rules:
            hits = [w for w in words_of(rule) if word_in(w, *texts)]
            if hits:
                best[rule.code] = max(hits, key=lambda w: len(fold(w)))
        if best:
            longest = max(len(fold(w)) for w in best.values())
            chosen = tuple(code for code, w in best.items() if len(fold(w)) == longest)
            return Owners(chosen, f"{step} “{best[chosen[0]]}”")
    fallback = tuple(r.code for r in rules if r.default)
    return Owners(fallback, "mặc định" if fallback else "")
