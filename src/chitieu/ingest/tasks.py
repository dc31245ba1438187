"""The task structure of a resolution's forward-looking part, as `Task` values.

Four kinds, found by the titles of their sections (tone marks and case ignored),
so the extractor does not depend on the Roman numerals of one document:

- ``focus``: the items "(1)", "(2)" … of the section titled "Nhiệm vụ trọng
  tâm"; codes ``trong_tam.1`` …
- ``pillar``: the "(i)", "(ii)" … inside a focus task that announces "trụ cột";
  codes ``tru_cot.i`` …, parent the focus task.
- ``breakthrough``: the items of the section titled "… đột phá chiến lược" that
  has numbered items; codes ``dot_pha.1`` …
- ``area``: the section titled "Nhiệm vụ và giải pháp" (or "Nhiệm vụ, giải
  pháp"): each numbered child ("1.") and grandchild ("1.1."); codes
  ``vi.1``, ``vi.1.1`` (prefix = the section's folded numbering), a grandchild's
  parent the child.

A task's text is its paragraphs, joined by line breaks (a paragraph split by a
footnote anchor is whole again). A parent area task ("vi.1") keeps its own
lines only, up to its first subsection, while its span (line_start..line_end)
covers its subsections and its indicators are its own and theirs. A pillar's
span is the lines that print it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chitieu.catalog.model import Indicator, Task
from chitieu.catalog.text import fold
from chitieu.ingest.document import Document, Heading
from chitieu.ingest.task_links import TaskLinker

_FORWARD_PART = fold("Phần thứ hai")
_FOCUS = fold("nhiệm vụ trọng tâm")
_BREAKTHROUGH = fold("đột phá chiến lược")
_AREAS = (fold("nhiệm vụ và giải pháp"), fold("nhiệm vụ, giải pháp"))
_PILLAR_WORD = fold("trụ cột")
_FORWARD_WORDS = tuple(
    fold(w) for w in ("mục tiêu", "nhiệm vụ", "phương hướng", "giải pháp", "kế hoạch")
)
_BACKWARD_WORDS = tuple(fold(w) for w in ("kết quả", "đánh giá", "tình hình thực hiện"))
_ITEM = re.compile(r"^\(\d+\)$")
_ROMAN_ITEM = re.compile(r"\((i{1,3}|iv|v|vi{1,3}|ix|x)\)\s*")
_LEADING_NUMBER = re.compile(r"^\s*\(\w+\)\s*")


def extract_tasks(doc: Document, indicators: Sequence[Indicator]) -> tuple[Task, ...]:
    """Focus tasks, their pillars, breakthroughs and area tasks, in that order."""
    tasks: list[Task] = []
    linker = TaskLinker(indicators)
    focus = _items_section(doc, _FOCUS)
    if focus is not None:
        for item in _items(focus):
            task = _item_task(doc, item, "focus", "trong_tam", linker)
            tasks.append(task)
            if _PILLAR_WORD in fold(task.text):
                tasks.extend(_pillars(doc, item, task.code, linker))
    breakthroughs = _items_section(doc, _BREAKTHROUGH)
    if breakthroughs is not None:
        for item in _items(breakthroughs):
            tasks.append(_item_task(doc, item, "breakthrough", "dot_pha", linker))
    areas = _section(doc, _AREAS)
    if areas is not None:
        tasks.extend(_area_tasks(doc, areas, linker, indicators))
    return tuple(tasks)


def forward_headings(doc: Document) -> tuple[Heading, ...]:
    """The top-level parts that look ahead (goals, tasks, solutions), not back (results).

    A part counts when its title speaks of "mục tiêu", "nhiệm vụ", "phương
    hướng", "giải pháp" or "kế hoạch" and not of "kết quả", "đánh giá" or
    "tình hình thực hiện".
    """
    return tuple(
        h
        for h in doc.headings
        if any(w in fold(h.title) for w in _FORWARD_WORDS)
        and not any(w in fold(h.title) for w in _BACKWARD_WORDS)
    )


def span_text(doc: Document, first: int, last: int) -> str:
    """The paragraphs that start within first..last, joined by line breaks."""
    return "\n".join(p.text.strip() for p in doc.paragraphs() if first <= p.line <= last)


def _scope(doc: Document) -> tuple[Heading, ...]:
    """The headings to search: the forward-looking part when the document has one."""
    for heading in doc.headings:
        if fold(heading.numbering) == _FORWARD_PART:
            return (heading,)
    return doc.headings


def _walk(doc: Document) -> Iterator[Heading]:
    for top in _scope(doc):
        yield from top.walk()


def _items_section(doc: Document, title: str) -> Heading | None:
    """The deepest section whose title holds `title` and whose children are "(n)" items."""
    found = None
    for heading in _walk(doc):
        if title in fold(heading.title) and any(_ITEM.match(c.numbering) for c in heading.children):
            found = heading
    return found


def _section(doc: Document, titles: tuple[str, ...]) -> Heading | None:
    for heading in _walk(doc):
        if any(fold(heading.title).startswith(t) for t in titles):
            return heading
    return None


def _items(section: Heading) -> tuple[Heading, ...]:
    return tuple(c for c in section.children if _ITEM.match(c.numbering))


def _item_task(doc: Document, item: Heading, kind: str, prefix: str, linker: TaskLinker) -> Task:
    text = span_text(doc, item.line, item.end_line)
    heading = _first_sentence(_LEADING_NUMBER.sub("", text))
    return Task(
        code=f"{prefix}.{item.numbering.strip('()')}",
        kind=kind,
        number=item.numbering,
        heading=heading,
        text=text,
        line_start=item.line,
        line_end=item.end_line,
        indicators=linker.links(text, heading),
    )


def _pillars(doc: Document, item: Heading, parent: str, linker: TaskLinker) -> list[Task]:
    paragraph = doc.paragraph_at(item.line)
    marks = list(_ROMAN_ITEM.finditer(paragraph.text))
    pillars: list[Task] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(paragraph.text)
        text = paragraph.text[mark.start() : end].strip().rstrip(";").strip()
        numeral = mark.group(1)
        heading = _first_sentence(text[mark.end() - mark.start() :])
        pillars.append(
            Task(
                code=f"tru_cot.{numeral}",
                kind="pillar",
                number=f"({numeral})",
                heading=heading,
                text=text,
                line_start=paragraph.line_of(mark.start()),
                line_end=paragraph.line_of(max(mark.start(), end - 1)),
                indicators=linker.links(text, heading),
                parent=parent,
            )
        )
    return pillars


def _area_tasks(
    doc: Document, section: Heading, linker: TaskLinker, indicators: Sequence[Indicator]
) -> list[Task]:
    prefix = fold(section.numbering).rstrip(".-")
    tasks: list[Task] = []
    for group in section.children:
        code = f"{prefix}.{group.numbering.rstrip('.')}"
        children = [
            Task(
                code=f"{prefix}.{child.numbering.rstrip('.')}",
                kind="area",
                number=child.numbering,
                heading=child.title,
                text=(text := span_text(doc, child.line, child.end_line)),
                line_start=child.line,
                line_end=child.end_line,
                indicators=linker.links(text, child.title),
                parent=code,
            )
            for child in group.children
        ]
        own_end = group.children[0].line - 1 if group.children else group.end_line
        own_text = span_text(doc, group.line, own_end)
        own = set(linker.links(own_text, group.title))
        for child_task in children:
            own.update(child_task.indicators)
        tasks.append(
            Task(
                code=code,
                kind="area",
                number=group.numbering,
                heading=group.title,
                text=own_text,
                line_start=group.line,
                line_end=group.end_line,
                indicators=tuple(i.code for i in indicators if i.code in own),
            )
        )
        tasks.extend(children)
    return tasks


def _first_sentence(text: str) -> str:
    """The item's lead: up to the first full stop or semicolon."""
    match = re.search(r"[.;](\s|$)", text)
    return (text[: match.start()] if match else text).strip()
