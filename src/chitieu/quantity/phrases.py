"""Match vocabulary phrases and units against a token stream.

The tables in `vocab` are turned once into folded key sequences; `match`
returns the longest phrase starting at a position, as dateutil's lexer
looks words up in `parserinfo`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chitieu.quantity import vocab
from chitieu.quantity.tokens import Token, keys
from chitieu.quantity.units import LONGEST_UNIT, UNIT_KEYS


@dataclass(frozen=True)
class PhraseTable:
    """A set of phrases, each as its sequence of token keys, mapped to the phrase as listed."""

    entries: dict[tuple[str, ...], str]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseTable:
        return cls({keys(phrase): phrase for phrase in phrases})

    def match(self, tokens: Sequence[Token], at: int) -> tuple[str, int] | None:
        """The longest phrase starting at `at`: (phrase, number of tokens), or None."""
        longest = max((len(k) for k in self.entries), default=0)
        for size in range(min(longest, len(tokens) - at), 0, -1):
            window = tuple(token.key for token in tokens[at : at + size])
            if window in self.entries:
                return self.entries[window], size
        return None

    def find(self, tokens: Sequence[Token], start: int) -> tuple[int, str, int] | None:
        """The first phrase at or after `start`: (position, phrase, size), or None."""
        for at in range(start, len(tokens)):
            found = self.match(tokens, at)
            if found:
                return at, found[0], found[1]
        return None


PREFIX = PhraseTable.of(vocab.PREFIX_COMPARATORS)
SUFFIX = PhraseTable.of(vocab.SUFFIX_COMPARATORS)
APPROX = PhraseTable.of(vocab.APPROX_WORDS)
LEAD = PhraseTable.of(vocab.LEAD_WORDS)
RANGE_WORDS = PhraseTable.of(vocab.RANGE_WORDS)
RANK_GROUP = PhraseTable.of(vocab.RANK_GROUP_WORDS)
RANK_LEADER = PhraseTable.of(vocab.RANK_LEADER_WORDS)
SCALE = PhraseTable.of(vocab.SCALE_WORDS)
FROM = keys(vocab.FROM_WORD)


def match_unit(tokens: Sequence[Token], at: int) -> tuple[str, int] | None:
    """The longest unit spelling starting at `at`: (unit code, number of tokens), or None."""
    for size in range(min(LONGEST_UNIT, len(tokens) - at), 0, -1):
        window = tuple(token.key for token in tokens[at : at + size])
        if window in UNIT_KEYS:
            return UNIT_KEYS[window], size
    return None
