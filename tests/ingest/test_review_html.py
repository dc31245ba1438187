"""The review as an HTML page: well-formed, escaped, Vietnamese, the same content as Markdown."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from chitieu.catalog.model import Catalogue, Discrepancy
from chitieu.ingest.document import Document
from chitieu.ingest.pipeline import ingest
from chitieu.ingest.review import review_content, write_review

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Page(HTMLParser):
    """Checks that every element is closed in order; collects headings, cells and <html lang>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.lang = ""
        self.cells: list[str] = []
        self.headings: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag in ("td", "h2"):
            self._text = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"</{tag}> at {self.getpos()}")
        if tag in ("td", "h2") and self._text is not None:
            (self.cells if tag == "td" else self.headings).append("".join(self._text))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture(scope="module")
def catalogue(seed_document: Document) -> Catalogue:
    discrepancy = Discrepancy("xh.ho_ngheo", "value", "<1 %", "dưới 1%", 1482, 430, "A & B")
    return replace(ingest(seed_document, steps=()), discrepancies=(discrepancy,))


@pytest.fixture(scope="module")
def page_text(catalogue: Catalogue) -> str:
    return write_review(catalogue, fmt="html")


@pytest.fixture(scope="module")
def page(page_text: str) -> Page:
    return parse(page_text)


def test_the_page_is_well_formed_and_closes_every_element(page: Page) -> None:
    assert page.errors == [] and page.open == []


def test_the_page_is_vietnamese_and_self_contained(page: Page, page_text: str) -> None:
    assert page.lang == "vi"
    assert "<style>" in page_text and "<script" not in page_text
    assert "http://" not in page_text and "https://" not in page_text


def test_a_less_than_sign_in_a_cell_is_escaped(page: Page, page_text: str) -> None:
    assert "<td>&lt;1 %</td>" in page_text and "<1 %" not in page_text
    assert "<1 %" in page.cells and "A & B" in page.cells


def test_every_indicator_code_of_the_seed_is_a_cell(page: Page, catalogue: Catalogue) -> None:
    assert len(catalogue.indicators) == 58
    assert {i.code for i in catalogue.indicators} <= set(page.cells)


def test_the_page_has_the_same_sections_as_the_markdown(page: Page, catalogue: Catalogue) -> None:
    markdown = write_review(catalogue)
    titles = [s.title for s in review_content(catalogue).sections]
    assert page.headings == titles
    assert all(f"## {t}\n" in markdown for t in titles)


def test_an_empty_section_says_so(page_text: str) -> None:
    candidates = page_text.split("Chỉ tiêu ứng viên trong văn bản</h2>")[1].split("</section>")[0]
    assert "Không có." in candidates
