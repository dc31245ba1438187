"""The review as Vietnamese Markdown: one pipe table per section."""

from __future__ import annotations

from collections.abc import Sequence

from chitieu.ingest.review_model import NONE_FOUND, Review, Section


def render_markdown(review: Review) -> str:
    """The whole review; a section without rows says "Không có."."""
    return "\n".join([f"# {review.title}\n", *(_section(s) for s in review.sections)])


def _section(section: Section) -> str:
    note = f"{section.note}\n\n" if section.note else ""
    if not section.rows:
        return f"## {section.title}\n\n{note}{NONE_FOUND}\n"
    lines = [_row(section.header), "|" + "---|" * len(section.header)]
    lines.extend(_row(_marked(row, section.code_column)) for row in section.rows)
    return f"## {section.title}\n\n{note}" + "\n".join(lines) + "\n"


def _marked(row: Sequence[str], code_column: int | None) -> list[str]:
    return [f"`{cell}`" if i == code_column else cell for i, cell in enumerate(row)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    """One line, with a pipe escaped so the table keeps its columns.

    >>> _cell("A | B\\n  C")
    'A \\\\| B C'
    """
    return " ".join(text.split()).replace("|", "\\|")
