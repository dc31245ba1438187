"""The review a person reads before accepting a catalogue, in Vietnamese.

The content (review_model) is rendered as Markdown (review_md) or as a
self-contained HTML page (review_html).
"""

from __future__ import annotations

from chitieu.catalog.model import Catalogue
from chitieu.ingest.review_html import render_html
from chitieu.ingest.review_md import render_markdown
from chitieu.ingest.review_model import LOW_CONFIDENCE, Review, Section, review_content

__all__ = [
    "FORMATS",
    "LOW_CONFIDENCE",
    "Review",
    "Section",
    "review_content",
    "review_format",
    "write_review",
]

FORMATS = {"md": render_markdown, "html": render_html}


def write_review(catalogue: Catalogue, *, fmt: str = "md") -> str:
    """The review as Markdown ("md") or HTML ("html")."""
    render = FORMATS.get(fmt)
    if render is None:
        raise ValueError(
            f"Định dạng rà soát không hỗ trợ: {fmt!r} (chỉ có {', '.join(map(repr, FORMATS))})"
        )
    return render(review_content(catalogue))


def review_format(filename: str) -> str:
    """The format for a review file, by its extension.

    >>> review_format("ra-soat.HTML"), review_format("ra-soat.htm"), review_format("ra-soat.md")
    ('html', 'html', 'md')
    """
    return "html" if filename.lower().endswith((".html", ".htm")) else "md"
