"""The past term's audit page: official and computed assessments side by side.

With the source document at hand (settings.CHITIEU_SOURCE_DIRS), the core audit
(chitieu.assess.audit) runs on the document's own tables and the summary
sentences ("… 17/21 chỉ tiêu đạt và vượt") are checked against them. Without it
the stored past-term targets and results are assessed with the dashboard's rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from chitieu.assess import DEFAULT_RULES, Rules
from chitieu.assess.audit import Audit, AuditRow, audit_terms, official_status
from chitieu.assess.rollup import group_rows
from chitieu.assess.summary_claims import (
    ClaimCheck,
    check_statements,
    locality_keys,
    statements_from_claims,
)
from chitieu.catalog.model import Assessment, Catalogue
from chitieu.web.dashboard.services import Row, dashboard_rows
from chitieu.web.plans.models import Plan, PlanKind


@dataclass(frozen=True)
class StoredRow:
    """A stored past-term row: the official word beside the computed status."""

    row: Row
    official: str
    official_status: Assessment | None

    @property
    def agree(self) -> bool | None:
        if self.official_status is None or self.row.status is Assessment.NO_DATA:
            return None
        return self.official_status is self.row.status


@dataclass(frozen=True)
class TermTable:
    plan: Plan
    rows: list[AuditRow] | list[StoredRow]
    agreement: tuple[int, int]


@dataclass(frozen=True)
class AuditPage:
    tables: list[TermTable]
    claims: tuple[ClaimCheck, ...]
    from_document: Path | None  # None: built from the store
    years: str = ""  # the past terms' years, "2020–2025"; "" when none is stored


def past_term_years(plans: Iterable[Plan] | None = None) -> str:
    """The years of the stored past terms, as the menu and the page title write them:
    "2020–2025", several distinct terms joined by ", "; "" when no past term is stored
    (a place whose documents carry no results table of the term before).

    The years come from the store, never from here: each place's documents say them.
    """
    if plans is None:
        plans = Plan.objects.filter(kind=PlanKind.PAST_TERM)
    terms = sorted({(p.term_start, p.term_end) for p in plans})
    return ", ".join(f"{start}–{end}" for start, end in terms)


def audit_page(rules: Rules = DEFAULT_RULES) -> AuditPage:
    plans = list(Plan.objects.filter(kind=PlanKind.PAST_TERM).order_by("code"))
    years = past_term_years(plans)
    documents = {p.document for p in plans if p.document}
    found = _document(documents.pop()) if len(documents) == 1 else None
    if found is not None:
        return replace(_from_document(found, plans, rules), years=years)
    return AuditPage([_stored_table(plan, rules) for plan in plans], (), None, years)


def _document(name: str) -> Path | None:
    for folder in getattr(settings, "CHITIEU_SOURCE_DIRS", ()):
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=2)
def _catalogue(path: Path, modified: float) -> Catalogue:
    from chitieu.ingest.pipeline import ingest

    return ingest(path)


def _from_document(path: Path, plans: list[Plan], rules: Rules) -> AuditPage:
    catalogue = _catalogue(path, path.stat().st_mtime)
    terms = catalogue.past_terms
    audit: Audit = audit_terms(terms, rules)
    by_code = {p.code: p for p in plans}
    tables = []
    for term in terms:
        labels = {row.table for row in term.rows}
        rows = [r for r in audit.rows if r.table in labels]
        judged = [r for r in rows if r.agree is not None]
        plan = by_code.get(term.code)
        if plan is not None:
            tables.append(TermTable(plan, rows, (sum(1 for r in judged if r.agree), len(judged))))
    keys = locality_keys(terms)
    statements = statements_from_claims(catalogue.claims, keys)
    claims = check_statements(statements, group_rows(audit.rows), keys)
    return AuditPage(tables, claims, path)


def _stored_table(plan: Plan, rules: Rules) -> TermTable:
    rows = dashboard_rows(plan, locality=plan.locality, rules=rules, as_of=plan.term_end)
    stored = []
    for row in rows:
        words = [t.official_assessment for t in row.indicator.targets.all() if t.plan_id == plan.pk]
        word = words[0] if words else ""
        stored.append(StoredRow(row, word, official_status(word or None)))
    judged = [r for r in stored if r.agree is not None]
    return TermTable(plan, stored, (sum(1 for r in judged if r.agree), len(judged)))
