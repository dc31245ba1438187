"""The last steps both readers share: from numbered lines, tables and anchored
footnotes to a Document with paragraphs, anchor sentences and the heading tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chitieu.ingest.document import Document, Footnote, Line, Table
from chitieu.ingest.footnotes import anchor_sentence
from chitieu.ingest.headings import find_headings
from chitieu.ingest.layout import is_decoration


def assemble(
    name: str,
    texts: Sequence[str],
    *,
    tables: Sequence[Table],
    footnotes: Sequence[Footnote],
    body_end: int,
) -> Document:
    """The Document of `texts` (texts[0] is line 1); `body_end` is the last
    body line, after which the footnotes are printed."""
    table_lines = {n for t in tables for n in range(t.line_start, t.line_end + 1)}
    decorations = frozenset(
        n for n in range(1, body_end + 1) if n not in table_lines and is_decoration(texts[n - 1])
    )
    draft = Document(
        name=name,
        lines=tuple(Line(n, text) for n, text in enumerate(texts, start=1)),
        headings=(),
        tables=tuple(tables),
        footnotes=tuple(footnotes),
        body_end=body_end,
        decorations=decorations,
    )
    paragraphs = draft.paragraphs()
    headings = find_headings(
        paragraphs,
        blocks=[(t.line_start, t.line_end) for t in tables],
        breaks=sorted(decorations),
    )
    return replace(
        draft,
        headings=headings,
        footnotes=tuple(_with_sentence(draft, footnote) for footnote in footnotes),
    )


def _with_sentence(document: Document, footnote: Footnote) -> Footnote:
    if footnote.anchor_line is None:
        return footnote
    if document.in_table(footnote.anchor_line):
        prefix = document.line(footnote.anchor_line).lstrip("\t")
    else:
        paragraph = document.paragraph_at(footnote.anchor_line)
        prefix = "".join(document.line(n) for n in range(paragraph.line, footnote.anchor_line + 1))
    return replace(footnote, anchor_text=anchor_sentence(prefix))
