"""How a line looks in a Word-to-text export: blank, table fragment, decoration,
footnote start. Shared by the readers and the docx test builder."""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"  # what the export leaves where a footnote number was
TAB = "\t"

_DECORATION = re.compile(r"^\s*(?:\*[\s*]*|[-_=~]{3,}\s*)$")


def is_blank(text: str) -> bool:
    return not text.strip()


def is_cell_line(text: str) -> bool:
    """A table fragment: the export writes each cell on a line starting with a TAB."""
    return text.startswith(TAB)


def is_decoration(text: str) -> bool:
    """Separators such as " *   * ", "*" or "-----".

    >>> is_decoration(" *   * "), is_decoration("-----"), is_decoration(".")
    (True, True, False)
    """
    return bool(_DECORATION.match(text))


def is_footnote_start(text: str) -> bool:
    return text.lstrip(" ").startswith(REPLACEMENT)


def footnote_section_start(texts: list[str]) -> int | None:
    """The 1-based line where the footnotes begin: the first line starting with
    U+FFFD. None when the export has no footnotes."""
    for index, text in enumerate(texts):
        if is_footnote_start(text):
            return index + 1
    return None
