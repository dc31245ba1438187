"""Storing the document's own figures: baselines and the past term's results.

The document was written in the first year of its term (2025 for 2025–2030),
so its figures for that year are estimates (ước) and earlier ones official.
A result cell that reads two ways ("328,096") is listed, never stored.
The figures are stored as published (ReviewState.PUBLISHED) with their document
line as source: the resolution is their ground, nobody in the office reviews them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from chitieu.catalog import model
from chitieu.catalog.period import Period
from chitieu.quantity import format_number
from chitieu.web.accounts.permissions import require_admin
from chitieu.web.figures.models import Figure, ReviewState, Status
from chitieu.web.figures.services import lock_reason, record_figure
from chitieu.web.plans.models import Indicator
from chitieu.web.plans.services import ensure_locality, past_term_indicator_code


class NotLoadedError(ValueError):
    """seed-history before load: the indicators are not in the store yet."""


@dataclass
class SeedReport:
    stored: int = 0
    unchanged: int = 0
    kept: int = 0  # figures another source has written since: left as they are
    ambiguous: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Đã lưu {self.stored} số liệu từ văn bản, {self.unchanged} số liệu đã có sẵn."]
        if self.kept:
            lines[0] += f" {self.kept} số liệu đã có từ nguồn khác, giữ nguyên."
        if self.ambiguous:
            lines.append(f"{len(self.ambiguous)} số liệu đọc được nhiều cách, chưa lưu:")
            lines += [f"  - {item}" for item in self.ambiguous]
        if self.locked:
            lines.append(f"{len(self.locked)} số liệu đã khoá, không ghi đè:")
            lines += [f"  - {item}" for item in self.locked]
        return "\n".join(lines)


@transaction.atomic
def seed_history(
    catalogue: model.Catalogue, *, actor: Any | None, keep_other_sources: bool = False
) -> SeedReport:
    """Store the document's figures. With keep_other_sources a figure that another source
    (published figures, an entry) has written since is kept, so re-applying a profile
    does not swing a value back and forth between the document and that source."""
    require_admin(actor)
    report = SeedReport()
    written_year = catalogue.plan.years[0]
    indicators = {i.code: i for i in Indicator.objects.all()}
    for item in catalogue.indicators:
        indicator = _loaded(indicators, item.code)
        for baseline in item.baselines:
            locality_code = baseline.locality or catalogue.plan.locality
            _store(
                report,
                indicator,
                locality_code,
                baseline.year,
                baseline.value,
                baseline.source,
                baseline.source.text,
                written_year=written_year,
                keep_other_sources=keep_other_sources,
                actor=actor,
                status=Status(baseline.status) if baseline.status else None,
            )
    for term in catalogue.past_terms:
        for position, row in enumerate(term.rows, start=1):
            indicator = _loaded(indicators, past_term_indicator_code(term, position))
            if row.result_value is None:
                if len(row.result_readings) > 1:
                    report.ambiguous.append(_ambiguous(term, row))
                continue
            _store(
                report,
                indicator,
                term.locality,
                term.period_end,
                row.result_value,
                row.source,
                row.result_text,
                written_year=written_year,
                keep_other_sources=keep_other_sources,
                actor=actor,
            )
    return report


def _loaded(indicators: dict[str, Indicator], code: str) -> Indicator:
    try:
        return indicators[code]
    except KeyError:
        raise NotLoadedError(
            f"Chỉ tiêu {code} chưa có trong cơ sở dữ liệu; hãy chạy “chitieu load” trước."
        ) from None


def _store(
    report: SeedReport,
    indicator: Indicator,
    locality_code: str,
    year: int,
    value: Decimal,
    source: model.Source,
    written: str,
    *,
    written_year: int,
    keep_other_sources: bool = False,
    actor: Any | None,
    status: Status | None = None,
) -> None:
    """Store one figure the document states. Its status is what the document says (an
    "Ước thực hiện" column), else an estimate for the year it was written, else official."""
    locality = ensure_locality(locality_code)
    if status is None:
        status = Status.ESTIMATE if year >= written_year else Status.OFFICIAL
    where = f"{source.document}, dòng {source.line}" if source.line else source.document
    existing = Figure.objects.filter(
        indicator=indicator, locality=locality, period=str(year), status=status
    ).first()
    if (
        existing is not None
        and (existing.value, existing.source) == (value, where)
        and existing.review_state in (ReviewState.PUBLISHED, ReviewState.APPROVED)
    ):
        report.unchanged += 1
        return
    if existing is not None and keep_other_sources and existing.source != where:
        report.kept += 1
        return
    locked = lock_reason(existing, publishing=True) if existing is not None else None
    if locked is not None:
        report.locked.append(f"{indicator.code} {locality.code} {year}: {locked}")
        return
    record_figure(
        indicator,
        locality,
        Period.year_of(year),
        status,
        value,
        actor=actor,
        expected_version=existing.version if existing else None,
        source=where,
        source_text=written[:100],
        reason="Số liệu trong văn bản",
        published=True,
    )
    report.stored += 1


def _ambiguous(term: model.PastTerm, row: model.PastTermRow) -> str:
    readings = " hoặc ".join(format_number(r) for r in row.result_readings)
    return (
        f"{term.name}, STT {row.stt} {row.indicator}: “{row.result_text}” đọc được {readings} "
        f"(dòng {row.source.line})"
    )
