"""Split a target expression into tokens that keep their place in the text.

The tokenizer only cuts; it does not decide what a number is worth
(numbers.parse_number) or what a phrase means (parse.parse_target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from chitieu.catalog.text import fold, nfc


class TokenKind(StrEnum):
    NUMBER = "number"  # digits with separators, unsigned: "1.100.000", "9,17", "12..5"
    WORD = "word"  # letters, possibly ending in a digit: "tỷ", "m2"
    SYMBOL = "symbol"  # % / < > ≤ ≥ <= >= and dashes
    PUNCT = "punct"  # , ; : . ( ) quotes and anything else


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The matching key: folded text (case and tone position ignored)."""
        return fold(self.text)


_TOKEN = re.compile(
    r"(?P<number>\d(?:[\d.,]*\d)?)"
    r"|(?P<word>[^\W\d_]+(?:[.][^\W\d_]+)*[2²]?)"
    r"|(?P<symbol><=|>=|[%/<>≤≥\-–—−])"
    r"|(?P<punct>\S)"
)


def tokenize(text: str) -> list[Token]:
    """Cut `text` (NFC) into tokens; spaces separate tokens and are dropped.

    >>> [t.text for t in tokenize("Từ 3%/tổng số đảng viên trở lên")]
    ['Từ', '3', '%', '/', 'tổng', 'số', 'đảng', 'viên', 'trở', 'lên']
    >>> [t.kind.value for t in tokenize("-2,5–3")]
    ['symbol', 'number', 'symbol', 'number']
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(nfc(text)):
        kind = TokenKind(match.lastgroup or "punct")
        tokens.append(Token(kind, match.group(), match.start(), match.end()))
    return tokens


def keys(text: str) -> tuple[str, ...]:
    """The token keys of a vocabulary phrase, for matching against tokens."""
    return tuple(token.key for token in tokenize(text))
