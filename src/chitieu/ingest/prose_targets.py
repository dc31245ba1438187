"""Targets written in prose: the "CÁC CHỈ TIÊU CỤ THỂ" section and its kin.

`extract_prose_targets(doc)` reads the section whose heading says "chỉ tiêu cụ
thể" or "chỉ tiêu chủ yếu" (or, when a document has none, e.g. a news excerpt,
every prose sentence that announces a target) and returns one `ProseTarget` per
target expression.

Layouts read:
- numbered items "1.1. Subject: target." and several sentences in one item;
- an item or bullet that ends with ":" and states no value ("1.2. Cơ cấu kinh tế
  trong GRDP đến năm 2030:") is the parent of the "- " bullets that follow;
- "trong đó" sub-targets, inline ("76,8 năm, trong đó, … tối thiểu 70 năm"), as a
  paragraph ("Trong đó, thu nội địa: …") or before bullets ("Dưới 1,5%; trong đó:"),
  and a parenthesised target "(thu nội địa không bao gồm …: Khoảng 36.000 tỷ đồng)";
- clauses without a colon ("có trên 90% tổ chức cơ sở đảng …") and runs separated
  by semicolons, or by commas when each part has its own subject and value.

Decisions:
- A numbered item ("3.8.") of the target section with no quantity and no
  following bullets is a TEXT target: it is on the list of targets, a person
  assesses it. A paragraph without a number and without a quantity (the defence
  paragraph 4 of the seed) yields nothing.
- "giảm bình quân 1-1,5%/năm" is a yearly reduction: aggregation CHANGE, the
  target is the size of the average yearly fall (1 to 1.5 percentage points),
  flag "per_year_change", direction LOWER. "giảm còn X" is a level (LEVEL, at most X).
- Outside a target section only sentences with a target cue ("phấn đấu", "mục
  tiêu", "chỉ tiêu", "kế hoạch", "đến năm", "giai đoạn", "đạt") are read, and
  sentences that report results ("ước đạt", "đã đạt", "so với cùng kỳ") are not.

Period and aggregation rules: see chitieu.ingest._prose_wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from chitieu.catalog.model import Aggregation, Direction
from chitieu.catalog.text import fold
from chitieu.ingest._prose_clauses import (
    announces_target,
    brackets,
    clean_subject,
    conversions_removed,
    has_own_subject,
    has_period_or_yearly,
    is_group_title,
    opens_list,
    reports_result,
    run_parts,
    sets_target,
    split_items,
    split_semicolons,
    split_sentences,
    split_trong_do,
    starts_with_measure,
    strip_fillers,
    subject_of_heading,
    target_colon,
)
from chitieu.ingest._prose_noise import is_boilerplate
from chitieu.ingest._prose_quantity import find_quantities, parse_text
from chitieu.ingest._prose_wording import (
    Term,
    aggregation_of,
    direction_of,
    document_term,
    period_of,
    term_from_title,
)
from chitieu.ingest.document import Document, Paragraph
from chitieu.quantity import NotATargetError, Target, TargetKind, parse_target

PER_YEAR_CHANGE = "per_year_change"

_SECTION_TITLES = ("chỉ tiêu cụ thể", "chỉ tiêu chủ yếu")
_STRUCTURE = "cơ cấu"
_GROUP_LEAD = re.compile(r"^\s*(?:\*\s*)?về\s+[^:]{2,60}$", re.IGNORECASE)
_BOTH = re.compile(r"\s+và\s+")
_BASE_TAIL = re.compile(r"\s*,?\s*so với[^,;.]*", re.IGNORECASE)
# "góp phần để tăng trưởng của cả nước đạt 10%": the country's target, not the place's
_COUNTRY = re.compile(r"cua ca nươc|cua toan quôc")
_PERIOD_WORDS = re.compile(r"nhiệm kỳ\s*\d{4}|giai đoạn\s*\d{4}|năm\s+\d{4}", re.IGNORECASE)
# "chỉ tiêu cụ thể", "chỉ tiêu chủ yếu", "chỉ tiêu kinh tế - xã hội chủ yếu năm 2021"
_SECTION_WORDS = re.compile(r"chi tiêu\b[^.:;]{0,40}?\b(?:cu thê|chu yêu)\b")
_SECTION_LINE = re.compile(
    r"^\s*(?:[\divxlIVXL]+(?:\.\d+)*\s*[.)\-–]\s*|[a-zđ]\)\s*|[-–+•*]\s*)?(?:vê\s+)?(?:cac\s+)?"
    r"(?:nhom\s+)?chi tiêu\b[^.:;]{0,40}?\b(?:cu thê|chu yêu)\b[^.]*$"
)
_NOT_TARGET_TITLES = ("kết quả", "thực hiện", "đánh giá")
_HEADING_WORDS = re.compile(
    r"^(?:muc tiêu tông quat|muc tiêu chung|nhiêm vu|giai phap|quan điêm|đinh hương|phương hương)"
)
_RESULTS_TITLE = re.compile(r"^(?:kêt qua|tinh hinh thưc hiên|đanh gia)\b")
_MULTI_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s+")
_SINGLE_NUMBER = re.compile(r"^\s*(\d+|[IVX]+|[a-zđ])\s*[.)\-–]\s+")
_BULLET = re.compile(r"^\s*[-–+•]\s*")
_TRONG_DO_START = re.compile(r"^\s*trong đó\s*[,:]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ProseTarget:
    """One target stated in prose.

    `number` is the item number as printed ("1.1") on the item's first target,
    None on the others; `item` is the enclosing item's number for all of them.
    `subject` is the indicator as written, `text` the target expression as
    written, `parent` the subject of the "trong đó" parent or of the heading the
    bullets hang from, `group` the title of the group heading ("Về phát triển
    kinh tế"). `line` is the line the target's clause starts on.
    """

    number: str | None
    subject: str
    text: str
    target: Target
    period_start: int | None
    period_end: int | None
    aggregation: Aggregation
    direction: Direction | None
    parent: str | None
    line: int
    sentence: str
    item: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class _Context:
    """What a clause inherits: its parent's subject, and the wording that sets
    the period and aggregation (sentence lead, parent clause)."""

    parent: str | None = None
    texts: tuple[str, ...] = ()
    period_texts: tuple[str, ...] = ()  # words that set only the period (a sentence's head)


@dataclass
class _State:
    doc: Document
    term: Term | None
    in_section: bool
    listing: bool = False  # outside a section: the paragraph before set or announced targets
    opened: bool = False  # … and ended by announcing a list ("… các chỉ tiêu sau:")
    results: bool = False  # a sentence of this paragraph reported results
    run_parent: _Context | None = None  # the composition the clauses of a sentence break down
    in_results: bool = False  # under a heading about results ("I. Kết quả thực hiện …")
    group: str | None = None
    item: str | None = None
    item_has_number: bool = False
    bullet_parent: _Context | None = None
    last_parent: _Context | None = None  # the item's first target, for "Trong đó, …"


def extract_prose_targets(
    doc: Document, *, plan_years: Term | None = None
) -> tuple[ProseTarget, ...]:
    """The targets of the document's target section, or of all its prose.

    `plan_years` are the years the plan's targets run over (2026-2030 for a
    2025-2030 congress, 2026 for an annual plan), when the plan's metadata knows them.
    """
    span = _target_section(doc)
    paragraphs = [p for p in doc.paragraphs() if span is None or span[0] <= p.line <= span[1]]
    texts = [p.text for p in paragraphs]
    opening = [line.text for line in doc.lines[:40]]
    term = document_term(texts) if span else None
    term = term or plan_years or term_from_title(opening) or document_term(texts)
    state = _State(doc=doc, term=term, in_section=span is not None)
    found: list[ProseTarget] = []
    for paragraph in paragraphs:
        if span is not None and paragraph.line == span[0]:
            continue  # the section heading itself
        if is_boilerplate(paragraph.text):
            continue
        state.results = False
        made = list(_paragraph_targets(paragraph, state))
        found.extend(made)
        state.opened = opens_list(paragraph.text)
        state.listing = bool(made) or state.opened
    return tuple(found)


def _target_section(doc: Document) -> tuple[int, int] | None:
    for heading in doc.all_headings():
        title = fold(heading.title)
        if _SECTION_WORDS.search(title) and not any(fold(w) in title for w in _NOT_TARGET_TITLES):
            return heading.line, heading.end_line
    for paragraph in doc.paragraphs():
        text = fold(paragraph.text)
        # a heading line ("2. Các chỉ tiêu chủ yếu:"), not a headline that names them
        if len(text) < 80 and _SECTION_LINE.match(text):
            enclosing = doc.heading_at(paragraph.line)
            end = enclosing[-1].end_line if enclosing else (doc.body_end or len(doc.lines))
            return paragraph.line, end
    return None


def _paragraph_targets(paragraph: Paragraph, state: _State) -> Iterator[ProseTarget]:
    text = paragraph.text.strip()
    bullet = _BULLET.match(text)
    multi = _MULTI_NUMBER.match(text)
    single = None if multi or bullet else _SINGLE_NUMBER.match(text)
    if multi or single:
        number_match = multi or single
        assert number_match is not None
        body = text[number_match.end() :]
        if (
            single
            and is_group_title(body)
            and (not find_quantities(body) or _RESULTS_TITLE.search(fold(body)))
        ):
            state.group, state.item, state.bullet_parent, state.last_parent = (
                body.strip(" :."),
                None,
                None,
                None,
            )
            # "I. Kết quả thực hiện năm 2020": its items report results, whatever they say
            state.in_results = bool(_RESULTS_TITLE.search(fold(body)))
            return
        state.item, state.item_has_number = number_match.group(1), True
        state.bullet_parent = state.last_parent = None
        yield from _item_targets(paragraph, body, number_match.end(), state, numbered=True)
        return
    if bullet:
        body = text[bullet.end() :]
        parent = state.bullet_parent or _Context()
        yield from _sentences(paragraph, body, bullet.end(), state, parent, number=None)
        return
    state.bullet_parent = None
    if not state.in_section:
        state.item = None
    trong_do = _TRONG_DO_START.match(text)
    if trong_do and state.last_parent is not None:
        body = text[trong_do.end() :]
        yield from _sentences(
            paragraph, body, trong_do.end(), state, state.last_parent, number=None
        )
        return
    lead, items = split_items(text)
    if items:
        yield from _run_of_items(paragraph, lead, items, state)
        return
    yield from _item_targets(paragraph, text, 0, state, numbered=False)


def _run_of_items(
    paragraph: Paragraph, lead: str, items: list[tuple[str, int, str]], state: _State
) -> Iterator[ProseTarget]:
    """ "… phấn đấu đạt các chỉ tiêu: (1) … (2) …": each item a target of the lead's list."""
    yield from _sentences(paragraph, lead, 0, state, _Context(), number=None)
    listed = state.in_section or state.listing or opens_list(lead) or announces_target(lead)
    context = _Context(texts=(lead,) if has_period_or_yearly(lead) else ())
    for body, start, number in items:
        yield from _sentences(paragraph, body, start, state, context, number=number, listed=listed)


def _item_targets(
    paragraph: Paragraph, body: str, offset: int, state: _State, *, numbered: bool
) -> Iterator[ProseTarget]:
    targets = list(
        _sentences(
            paragraph, body, offset, state, _Context(), number=state.item if numbered else None
        )
    )
    if targets or not numbered or not state.in_section or state.bullet_parent is not None:
        yield from targets
        return
    # A numbered target item with no quantity: a qualitative target (not a heading such as
    # "Mục tiêu tổng quát", "Nhiệm vụ, giải pháp").
    subject = body.strip().rstrip(".")
    if _HEADING_WORDS.match(fold(subject)):
        return
    context = (subject,)
    start, end = period_of(context, state.term)
    yield ProseTarget(
        number=state.item,
        subject=subject,
        text=subject,
        target=Target(subject, TargetKind.TEXT),
        period_start=start,
        period_end=end,
        aggregation=Aggregation.LEVEL,
        direction=None,
        parent=None,
        line=paragraph.line,
        sentence=body.strip(),
        item=state.item,
        group=state.group,
    )


def _sentences(
    paragraph: Paragraph,
    body: str,
    offset: int,
    state: _State,
    parent: _Context,
    *,
    number: str | None,
    listed: bool = False,
) -> Iterator[ProseTarget]:
    position = 0
    first = True
    for sentence in split_sentences(body):
        start = body.index(sentence, position)
        position = start + len(sentence)
        if not (listed or _accepts(sentence, state)):
            continue
        opens = _TRONG_DO_START.match(sentence)
        if opens and state.last_parent is not None and parent.parent is None:
            # "… tăng khoảng 13%. Trong đó: khu vực công nghiệp tăng 15,16%; …"
            yield from _clauses(
                paragraph,
                sentence[opens.end() :],
                offset + start + opens.end(),
                state,
                state.last_parent,
            )
            continue
        lead_text, _ = strip_fillers(sentence)
        lead_text = lead_text if has_period_or_yearly(lead_text) else ""
        head = _sentence_head(sentence)
        context = replace(
            parent,
            texts=(*((lead_text,) if lead_text else ()), *parent.texts),
            period_texts=(*((head,) if head else ()), *parent.period_texts),
        )
        for target in _clauses(paragraph, sentence, offset + start, state, context):
            if first and number is not None:
                target = replace(target, number=number)
            first = False
            state.listing = True  # the next sentence may go on with the list
            yield target


def _sentence_head(sentence: str) -> str:
    """The words before a sentence's first value, when they name a period for all its
    clauses: "Theo nghị quyết, trong nhiệm kỳ 2025-2030, tỉnh phấn đấu …"."""
    spans = find_quantities(sentence)
    head = sentence[: spans[0].start] if spans else ""
    return head if _PERIOD_WORDS.search(head) else ""


def _accepts(sentence: str, state: _State) -> bool:
    """A sentence of a target section, or one that sets a target (or continues a list of
    them) rather than reporting a result."""
    if state.in_section:
        return True
    if state.in_results:
        return False
    base_year = state.term[0] - 1 if state.term else None
    if reports_result(sentence, base_year=base_year):
        state.results = True  # what follows in the paragraph reports results too …
        return False
    if state.results and not sets_target(sentence, base_year=base_year):
        return False  # … until a sentence plainly sets a target
    state.results = False
    if state.opened or announces_target(sentence):
        return True
    if starts_with_measure(sentence) and target_colon(sentence) is not None:
        return True  # "Cơ cấu kinh tế: khu vực I 33%, …": a list item by its shape
    # after targets, a list goes on with its measures ("Cơ cấu kinh tế: …", "Trong đó: …")
    return state.listing and (
        starts_with_measure(sentence) or bool(_TRONG_DO_START.match(sentence))
    )


def _clauses(
    paragraph: Paragraph, sentence: str, offset: int, state: _State, context: _Context
) -> Iterator[ProseTarget]:
    """The clauses of a sentence: split at ";" (outside brackets) and at "trong đó".
    A clause that opens with "trong đó" hangs from the clause before it, and so
    do the clauses after it in the sentence."""
    current = context
    previous: _Context | None = None
    state.run_parent = None
    for clause, start in split_semicolons(sentence):
        if state.run_parent is not None:
            current = state.run_parent
        opens = _TRONG_DO_START.match(clause)
        if opens and previous is not None:
            current = previous
            clause, start = clause[opens.end() :], start + opens.end()
            if not clause.strip():
                state.bullet_parent = previous
                continue
        head, tail = split_trong_do(clause)
        emitted = list(_clause_targets(paragraph, head, sentence, offset + start, state, current))
        yield from emitted
        if emitted:
            previous = _Context(emitted[0].subject, (head, *current.texts))
            if current.parent is None:
                state.last_parent = previous
        elif head.rstrip().endswith(":"):
            state.bullet_parent = _Context(subject_of_heading(head), (head, *current.texts))
        if tail is None:
            continue
        parent = previous or current
        tail_text, tail_start = tail
        if not tail_text.strip():
            state.bullet_parent = parent
            continue
        yield from _clause_targets(
            paragraph, tail_text, sentence, offset + start + tail_start, state, parent
        )
        current = parent


def _clause_targets(
    paragraph: Paragraph, clause: str, sentence: str, offset: int, state: _State, context: _Context
) -> Iterator[ProseTarget]:
    inner = list(brackets(clause))
    bare = conversions_removed(clause)
    for text, _ in inner:
        bare = bare.replace(f"({text})", " ")
    made = [
        target
        for made in _colon_or_run(paragraph, bare, sentence, offset, state, context)
        for target in _each_subject(made)
        if not _COUNTRY.search(fold(target.subject))
    ]
    yield from made
    if made:
        parent = _Context(made[0].subject, (bare, *context.texts))
        for text, start in inner:
            yield from _colon_or_run(paragraph, text, sentence, offset + start, state, parent)


def _colon_or_run(
    paragraph: Paragraph, clause: str, sentence: str, offset: int, state: _State, context: _Context
) -> Iterator[ProseTarget]:
    colon = target_colon(clause)
    if colon is not None and _GROUP_LEAD.match(clause[:colon]):
        # "Về xây dựng Đảng: phấn đấu hằng năm có trên 90% …": a group, then its targets
        state.group = clause[:colon].strip(" :")
        yield from _colon_or_run(
            paragraph, clause[colon + 1 :], sentence, offset + colon + 1, state, context
        )
        return
    if colon is not None:
        subject, expression = clause[:colon], clause[colon + 1 :]
        prefix, _, subject = subject.rpartition(":")  # "Mục tiêu năm 2026: Cơ cấu kinh tế: …"
        context = replace(context, texts=(prefix, *context.texts)) if prefix else context
        parts = run_parts(expression)
        if has_own_subject(expression):  # "mục tiêu …: tốc độ tăng trưởng … đạt 10,5%/năm"
            lead = replace(context, texts=(subject, *context.texts))
            for part_subject, part_expression in parts:
                yield _make(
                    paragraph, part_subject, part_expression, clause, sentence, offset, state, lead
                )
            return
        if len(parts) > 1 or _names_its_part(subject, parts):
            # "Cơ cấu kinh tế: nông nghiệp 8%, công nghiệp 60%", or one part per clause
            # "Cơ cấu kinh tế: Công nghiệp, xây dựng 54,6%; dịch vụ 36,5%; …"
            parent = _Context(subject_of_heading(clean_subject(subject)), (subject, *context.texts))
            state.run_parent = parent
            for part_subject, part_expression in parts:
                yield _make(
                    paragraph,
                    part_subject,
                    part_expression,
                    clause,
                    sentence,
                    offset,
                    state,
                    parent,
                )
            return
        yield _make(
            paragraph,
            clean_subject(subject),
            expression.strip(" .;"),
            clause,
            sentence,
            offset,
            state,
            context,
        )
        return
    for part_subject, part_expression in run_parts(clause):
        yield _make(
            paragraph, part_subject, part_expression, clause, sentence, offset, state, context
        )


def _each_subject(target: ProseTarget) -> Iterator[ProseTarget]:
    """ "chỉ số PAR Index và chỉ số DTI của tỉnh thuộc nhóm 25 …": one target for each
    measure named by the same head noun (not "tổng mức bán lẻ … và doanh thu …", one)."""
    subjects = _BOTH.split(target.subject)
    heads = {" ".join(fold(s).split()[:2]) for s in subjects}
    if len(subjects) < 2 or len(heads) > 1 or not starts_with_measure(subjects[0]):
        yield target
        return
    for subject in subjects:
        yield replace(target, subject=subject.strip())


def _base_after(clause: str, expression: str) -> str:
    """ " so với ước thực hiện năm 2025" when it follows the expression in the clause."""
    at = clause.find(expression)
    tail = clause[at + len(expression) :] if at >= 0 else ""
    base = _BASE_TAIL.match(tail)
    return f" {base.group(0).strip()}" if base else ""


def _names_its_part(subject: str, parts: list[tuple[str, str]]) -> bool:
    """ "Cơ cấu …: <part> 54,6%": a composition heading whose one value names its part."""
    return len(parts) == 1 and bool(parts[0][0]) and fold(_STRUCTURE) in fold(subject)


def _make(
    paragraph: Paragraph,
    subject: str,
    expression: str,
    clause: str,
    sentence: str,
    offset: int,
    state: _State,
    context: _Context,
) -> ProseTarget:
    expression = expression.strip(" .;,")
    target = _parse(expression)
    own = f"{subject} {expression}{_base_after(clause, expression)}"
    start, end = period_of((own, *context.texts, *context.period_texts), state.term)
    aggregation = aggregation_of((own, *context.texts), target)
    if aggregation is Aggregation.CHANGE and PER_YEAR_CHANGE not in target.flags:
        target = replace(target, flags=(*target.flags, PER_YEAR_CHANGE))
    return ProseTarget(
        number=None,
        subject=subject,
        text=expression,
        target=target,
        period_start=start,
        period_end=end,
        aggregation=aggregation,
        direction=direction_of(own, target),
        parent=context.parent,
        line=paragraph.line_of(offset),
        sentence=sentence.strip(),
        item=state.item,
        group=state.group,
    )


def _parse(expression: str) -> Target:
    try:
        target = parse_target(parse_text(expression))
    except NotATargetError:
        return Target(expression, TargetKind.TEXT)
    return replace(target, text=expression)
