"""The whole ingest: a resolution (text, .docx or a read Document) -> one Catalogue.

Tables are recognised by their headers: a table with a "Kết quả"/"Thực hiện"
column is a results table (Phụ lục 1A/1B), one with only target columns is a
target table (Phụ lục 2). The plan is named from the target table's caption
("MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH KIM SƠN LẦN THỨ NHẤT, NHIỆM KỲ
A - B" -> kim_son_A_B), or from the document's first lines, the file name or a
person's hints (chitieu.ingest.plan_meta); a document is never refused for them.

The prose extractors (prose targets, reconciliation, tasks, candidates,
baselines, claims) live in their own modules and are optional: `EXTRACTORS`
names each one, and the pipeline calls those that are installed. Everything is
kept in document order.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from chitieu.catalog.model import (
    Catalogue,
    FootnoteMatch,
    Group,
    Indicator,
    PastTerm,
    Plan,
    TableReading,
)
from chitieu.catalog.text import fold
from chitieu.ingest import read_document
from chitieu.ingest.baselines import FormerUnit
from chitieu.ingest.codes import province_name, term_years, unique_code
from chitieu.ingest.document import Document, Table
from chitieu.ingest.past_terms import past_years, read_past_term
from chitieu.ingest.plan_hints import PlanHints
from chitieu.ingest.plan_meta import PlanMeta, describe, plan_from_meta, read_plan_meta
from chitieu.ingest.table_columns import table_reading
from chitieu.ingest.target_table import is_results_table, is_target_table, read_target_table

# step -> (module under chitieu.ingest, function). A missing module skips the step.
EXTRACTORS: dict[str, tuple[str, str]] = {
    "prose_targets": ("prose_targets", "extract_prose_targets"),
    "reconcile": ("reconcile", "reconcile"),
    "indicators_from_prose": ("reconcile", "indicators_from_prose"),
    "tasks": ("tasks", "extract_tasks"),
    "candidates": ("candidates", "extract_candidates"),
    "baselines": ("baselines", "extract_baselines"),
    "claims": ("claims", "extract_claims"),
}

_TERM_YEARS = 5  # a congress meets in its term's first year: 2025-2030 sets 2026-2030
_HEAD_LINES = 40  # where to look for the plan's title when there is no target table
_MAX_TITLE = 200
_BARE_TITLE = 20  # "NGHỊ QUYẾT" alone: its subject is on the next line
_TITLE_WORDS = re.compile(r"^(nghi quyêt|kê hoach|bao cao chinh tri|chương trinh hanh đông)\b")


def extractor(step: str) -> Callable[..., Any] | None:
    """The function of an optional step, or None when its module is not there."""
    module_name, function = EXTRACTORS[step]
    full_name = f"chitieu.ingest.{module_name}"
    try:
        module = importlib.import_module(full_name)
    except ModuleNotFoundError as error:
        if error.name == full_name:
            return None
        raise
    found = getattr(module, function, None)
    return found if callable(found) else None


def ingest(
    source: str | Path | Document,
    *,
    plan_code: str | None = None,
    steps: Collection[str] | None = None,
    hints: PlanHints | None = None,
) -> Catalogue:
    """Read the document and extract everything the catalogue holds.

    `hints` (or `plan_code`) give what a person knows of the plan and win over
    what the document says; nothing here refuses a document for its metadata.

    `steps` limits the optional extractors to those named (keys of
    `EXTRACTORS`); None runs every one that is installed.
    """
    document = source if isinstance(source, Document) else read_document(source)
    call = _Caller(steps)
    target_tables = [t for t in document.tables if is_target_table(t)]
    results_tables = [t for t in document.tables if is_results_table(t)]
    plan = build_plan(document, target_tables, plan_code=plan_code, hints=hints)
    groups, indicators = _table_indicators(document, target_tables, plan)
    past_terms = _past_terms(document, results_tables, plan)

    prose = call("prose_targets", document, plan_years=target_years(plan), default=())
    discrepancies: tuple[Any, ...] = ()
    if indicators:
        reconciled = call("reconcile", indicators, prose, document=document.name, default=None)
        if reconciled is not None:
            indicators = tuple(reconciled.indicators)
            discrepancies = tuple(reconciled.discrepancies)
    else:
        indicators = tuple(call("indicators_from_prose", prose, document=document.name, default=()))
        groups = groups or _groups_of(indicators, prose)
    former = _former_units(hints, plan)
    claims = tuple(call("claims", document, default=()))
    found = call(
        "baselines", document, indicators, former=former, claims=claims or None, default={}
    )
    indicators = _with_baselines(indicators, found)

    return Catalogue(
        plan=plan,
        groups=groups,
        indicators=indicators,
        past_terms=past_terms,
        tasks=tuple(call("tasks", document, indicators, default=())),
        discrepancies=discrepancies,
        candidates=tuple(call("candidates", document, indicators, default=())),
        claims=claims,
        footnotes=footnote_matches(document),
        tables=_table_readings(document.tables, target_tables, results_tables),
    )


class _Caller:
    """Calls an optional step if it is wanted and installed, else gives the default."""

    def __init__(self, steps: Collection[str] | None) -> None:
        self.steps = steps

    def __call__(self, step: str, *args: Any, default: Any, **kwargs: Any) -> Any:
        if self.steps is not None and step not in self.steps:
            return default
        function = extractor(step)
        return default if function is None else function(*args, **kwargs)


def build_plan(
    document: Document,
    target_tables: list[Table],
    *,
    plan_code: str | None = None,
    hints: PlanHints | None = None,
) -> Plan:
    """The plan as the document (or a person's hints) describes it; never refused.

    What cannot be found stays empty: `PlanMeta.missing()` names it for the review.
    """
    if plan_code is not None:
        hints = replace(hints or PlanHints(), plan_code=plan_code)
    meta = read_plan_meta(
        [(f"{t.title} {t.caption}", t.line_start) for t in target_tables],
        ((line.number, line.text) for line in document.lines),
        file_name=document.name,
        hints=hints,
    )
    caption = target_tables[0].caption if target_tables and target_tables[0].caption else ""
    return plan_from_meta(
        meta,
        document=document.name,
        name=_plan_name(caption) if caption else plan_title(meta, document),
        code=hints.plan_code if hints else None,
    )


def target_years(plan: Plan) -> tuple[int, int] | None:
    """The years a plan's targets run over: a 2025-2030 congress sets targets for
    2026-2030 (2025 is the year it meets and reviews); a plan's own years otherwise."""
    if plan.term_start is None or plan.term_end is None:
        return None
    if plan.kind == "resolution" and plan.term_end - plan.term_start == _TERM_YEARS:
        return plan.term_start + 1, plan.term_end
    return plan.term_start, plan.term_end


def plan_title(meta: PlanMeta, document: Document) -> str:
    """The document's own title ("NGHỊ QUYẾT" + "Về kế hoạch …" joined), else a name made
    of what is known, else its first line (a news headline), else the file's name."""
    head = [" ".join(line.text.split()) for line in document.lines[:_HEAD_LINES]]
    head = [text for text in head if text]
    for index, text in enumerate(head):
        if _TITLE_WORDS.match(fold(text)) and len(text) <= _MAX_TITLE:
            following = head[index + 1] if index + 1 < len(head) else ""
            if len(text) < _BARE_TITLE and fold(following).startswith("vê "):
                return f"{text} {following}"
            return text
    if described := describe(meta):
        return described
    if head and len(head[0]) <= _MAX_TITLE:
        return head[0]
    return Path(document.name).stem


def _plan_name(caption: str) -> str:
    """ "MỤC TIÊU NGHỊ QUYẾT ..." -> "NGHỊ QUYẾT ...": the plan is the resolution."""
    words = caption.split()
    if len(words) > 2 and " ".join(words[:2]).upper() == "MỤC TIÊU":
        return " ".join(words[2:])
    return " ".join(words)


def _table_indicators(
    document: Document, tables: list[Table], plan: Plan
) -> tuple[tuple[Group, ...], tuple[Indicator, ...]]:
    groups: list[Group] = []
    indicators: list[Indicator] = []
    for table in tables:
        read = read_target_table(
            table,
            document=document.name,
            term=(plan.term_start, plan.term_end) if plan.term_start and plan.term_end else None,
        )
        renames: dict[str, str] = {}
        for indicator in read.indicators:
            code = unique_code(indicator.code, (i.code for i in indicators))
            renames[indicator.code] = code
            parent = renames.get(indicator.parent, indicator.parent) if indicator.parent else None
            indicators.append(replace(indicator, code=code, parent=parent))
        known = {group.code for group in groups}
        groups.extend(group for group in read.groups if group.code not in known)
    return tuple(groups), tuple(indicators)


def _past_terms(document: Document, tables: list[Table], plan: Plan) -> tuple[PastTerm, ...]:
    provinces = {province_name(table.caption) or table.caption for table in tables}
    # Results of several provinces in one report: a merger, so each is a former province.
    former = len(provinces) > 1
    readable = [t for t in tables if term_years(f"{t.title} {t.caption}") or past_years(t)]
    return tuple(
        read_past_term(t, document=document.name, former=former, locality=plan.locality)
        for t in readable
    )


def _table_readings(
    tables: tuple[Table, ...], targets: list[Table], results: list[Table]
) -> tuple[TableReading, ...]:
    """How each table of the document was read (targets, past results, or neither)."""
    return tuple(
        table_reading(t, "target" if t in targets else "results" if t in results else "other")
        for t in tables
        if len(t.header) > 1
    )


def _former_units(hints: PlanHints | None, plan: Plan) -> tuple[FormerUnit, ...] | None:
    """The former units a person (or a place profile) named; None: learn them from the
    document's results tables."""
    if hints is None or hints.former_units is None:
        return None
    return tuple(
        FormerUnit(code, fold(name), shared=fold(name) == fold(plan.place))
        for code, name in hints.former_units
    )


def _groups_of(indicators: tuple[Indicator, ...], prose: Any) -> tuple[Group, ...]:
    """The groups of indicators read from prose, named by their headings as written."""
    from chitieu.ingest.reconcile import group_code  # an optional step's module: only here

    titles = {group_code(t.group): t.group.strip(" :.") for t in prose if t.group}
    titles.setdefault("chung", "Chỉ tiêu chung")  # targets listed under no group heading
    seen: dict[str, Group] = {}
    for indicator in indicators:
        name = titles.get(indicator.group, indicator.group)
        seen.setdefault(indicator.group, Group(indicator.group, name, ""))
    return tuple(seen.values())


def _with_baselines(
    indicators: tuple[Indicator, ...], baselines: dict[str, tuple[Any, ...]]
) -> tuple[Indicator, ...]:
    return tuple(
        replace(i, baselines=(*i.baselines, *baselines[i.code])) if baselines.get(i.code) else i
        for i in indicators
    )


def footnote_matches(document: Document) -> tuple[FootnoteMatch, ...]:
    """Each footnote with the body line its anchor was matched to, in number order."""
    return tuple(
        FootnoteMatch(f.number, f.anchor_line, f.confidence, f.text)
        for f in sorted(document.footnotes, key=lambda f: f.number)
    )
