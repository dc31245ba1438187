"""Comparing Vietnamese text as officials mean it, while keeping it as written.

The same word arrives with the tone mark in two places (hoá / hóa, thuỷ / thủy,
khoẻ / khỏe), in NFC or NFD, with stray spaces. `fold` gives a key under which
those spellings are equal; the text itself is never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tone marks only. The vowel-shape marks (breve, circumflex, horn) and đ stay,
# because they change the word, while the tone's position is a spelling habit.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # extractors fold the same names and clauses over and over
def fold(text: str) -> str:
    """A matching key: tone marks dropped, lower case, spaces collapsed.

    >>> fold("Tỷ lệ đô thị hoá") == fold("tỷ lệ  đô thị hóa")
    True
    >>> fold("Thủy sản") == fold("thuỷ sản")
    True
    """
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", kept)).strip().lower()


def nfc(text: str) -> str:
    """The text in NFC, the form every reader stores."""
    return unicodedata.normalize("NFC", text)


def same_words(first: str, second: str) -> bool:
    return fold(first) == fold(second)
