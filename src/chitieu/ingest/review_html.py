"""The review as one self-contained Vietnamese HTML page (inline stylesheet, no scripts).

Every text from the document is escaped: a target such as "<1 %" stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from chitieu.ingest.review_model import NONE_FOUND, Review, Section

STYLE = """
body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; margin: 1.5rem;
  color: #1f2933; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
nav ol { columns: 2; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #cbd2d9; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e4e7eb; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #f5f7fa; }
code { font-size: .85rem; white-space: nowrap; }
.note, .empty { color: #52606d; }
@media print { nav { display: none; } thead th { position: static; } }
""".strip()


def render_html(review: Review) -> str:
    """The whole page, with a table of contents linking to each section."""
    anchors = [f"muc-{n}" for n in range(1, len(review.sections) + 1)]
    toc = "".join(
        f'<li><a href="#{a}">{escape(s.title)}</a></li>'
        for a, s in zip(anchors, review.sections, strict=True)
    )
    body = "\n".join(_section(s, a) for a, s in zip(anchors, review.sections, strict=True))
    title = escape(review.title)
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n"
        f'<nav aria-label="Mục lục"><ol>{toc}</ol></nav>\n{body}\n</body>\n</html>\n'
    )


def _section(section: Section, anchor: str) -> str:
    parts = [
        f'<section aria-labelledby="{anchor}">',
        f'<h2 id="{anchor}">{escape(section.title)}</h2>',
    ]
    if section.note:
        parts.append(f'<p class="note">{escape(section.note)}</p>')
    if section.rows:
        parts.append(_table(section))
    else:
        parts.append(f'<p class="empty">{NONE_FOUND}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _table(section: Section) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in section.header)
    rows = "\n".join(_row(row, section.code_column) for row in section.rows)
    return (
        f'<div class="table-wrap"><table>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table></div>"
    )


def _row(row: Sequence[str], code_column: int | None) -> str:
    cells = "".join(
        f"<td><code>{escape(cell)}</code></td>" if i == code_column else f"<td>{escape(cell)}</td>"
        for i, cell in enumerate(row)
    )
    return f"<tr>{cells}</tr>"
