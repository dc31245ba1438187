"""Importing a figures file: check every row against the store, then write all or nothing.

The file is read and checked for form by chitieu.ingest.figures_file; here each
row meets the store: is the code known, the locality known, the unit the
indicator's, the period inside the plan, the figure unlocked, the actor allowed?
Any problem: nothing is written and every problem is reported. None: every row
is written in one transaction, each change with its history row.

Each new or changed value also meets the indicator's plausibility rule
(figures.plausibility, the same checks as the entry form): a refusal is a
problem like any other; a warning (a value far from the last figure) is listed
with its place, and the file is written only when the import is confirmed with
a note, which goes into the history of each warned figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from chitieu.catalog.text import fold
from chitieu.ingest.figures_file import FigureRow, FiguresFile, Place, Problem, Progress
from chitieu.quantity import format_number, get_unit, parse_unit
from chitieu.quantity.errors import UnknownUnitError
from chitieu.quantity.units import unit_decimals
from chitieu.web.accounts.permissions import EditScope
from chitieu.web.figures.models import Action, Figure, FigureRevision, ReviewState, Status
from chitieu.web.figures.plausibility import Plausibility
from chitieu.web.figures.rights import status_refusal
from chitieu.web.figures.services import lock_reason, write_change
from chitieu.web.plans.models import Indicator, Locality

SOURCE_LENGTH = Figure._meta.get_field("source").max_length
PROGRESS_STEP = 200  # rows written between two progress calls


@dataclass(frozen=True)
class Change:
    """What importing one row does: create, update (old value shown) or nothing."""

    row: FigureRow
    action: str  # "create" | "update" | "unchanged"
    old_value: Decimal | None = None

    def describe(self) -> str:
        key = f"{self.row.indicator} {self.row.locality} {self.row.period} {self.row.status.label}"
        if self.action == "create":
            return f"{self.row.place}: thêm {key} = {self.row.value_text}"
        if self.action == "update":
            return f"{self.row.place}: sửa {key}: {self.old_value} → {self.row.value_text}"
        return f"{self.row.place}: giữ nguyên {key}"


@dataclass
class ImportReport:
    changes: list[Change] = field(default_factory=list)
    written: bool = False
    warnings: list[Problem] = field(default_factory=list)  # unusual values, to be confirmed

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)

    def summary(self) -> str:
        verb = "Đã ghi" if self.written else "Sẽ ghi (chạy thử, chưa ghi gì)"
        text = (
            f"{verb}: {self.count('create')} số liệu mới, {self.count('update')} số liệu sửa, "
            f"{self.count('unchanged')} không đổi."
        )
        if self.warnings and self.written:
            text += f" {len(self.warnings)} số liệu bất thường đã ghi kèm ghi chú xác nhận:"
            text += "".join(f"\n- {warning}" for warning in self.warnings)
        elif self.warnings:
            text += f" {len(self.warnings)} số liệu bất thường cần xác nhận kèm ghi chú."
        return text


class ImportRejected(ValueError):
    """The file has problems; nothing was written. `problems` lists every one, with its place."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems[:200])
        more = f"\n  … và {len(problems) - 200} lỗi khác" if len(problems) > 200 else ""
        super().__init__(self.heading() + f":\n{lines}{more}")

    def heading(self) -> str:
        return f"Tệp {self.name} có {len(self.problems)} lỗi; chưa ghi số liệu nào"


class WarningsUnconfirmed(ImportRejected):
    """Values far from their series' last figure: written only when confirmed with a note."""

    def heading(self) -> str:
        return (
            f"Tệp {self.name} có {len(self.problems)} số liệu bất thường; chưa ghi số liệu nào. "
            "Kiểm tra lại; nếu đúng, xác nhận kèm ghi chú lý do"
        )


CONFIRMED = "Xác nhận số liệu bất thường"


def import_figures(
    figures_file: FiguresFile,
    *,
    actor: Any | None,
    dry_run: bool = False,
    progress: Progress | None = None,
    description: str | None = None,
    confirm_warnings: str = "",
    published: bool = False,
) -> ImportReport:
    """Check every row, then write them all (or, with dry_run, only say what would change).

    progress(done, total) is called while writing, every PROGRESS_STEP rows and at the end.
    Each history row's reason is `description` (default "Nhập từ tệp <name>") and the row.
    Plausibility warnings stop the import (WarningsUnconfirmed) unless `confirm_warnings`
    gives the note that confirms them; the note is added to each warned row's reason.
    `published`: the file is a publication (published figures), stored as ReviewState.PUBLISHED.

    The checks only read the store, so they run before the write transaction opens (on
    SQLite a transaction holds the one write lock from its start, settings.DATABASES): the
    entry form and other writers go on meanwhile. The transaction then compares the versions
    of the figures the file names with those the checks saw; if any moved, the checks run
    again inside it, so what is written was always checked against what it overwrites.
    """
    checker, report = _checked(figures_file, actor, published, dry_run, confirm_warnings)
    if dry_run:
        return report
    with transaction.atomic():
        if _versions(checker.indicators.values()) != checker.versions:
            checker, report = _checked(figures_file, actor, published, dry_run, confirm_warnings)
        note = confirm_warnings.strip()
        describe = description or f"Nhập từ tệp {figures_file.name}"
        confirmed = checker.warned if note else set()
        _write(checker, report.changes, actor, progress, describe, confirmed, note)
        report.written = True
    return report


def _checked(
    figures_file: FiguresFile,
    actor: Any | None,
    published: bool,
    dry_run: bool,
    confirm_warnings: str,
) -> tuple[_Checker, ImportReport]:
    """Every row against the store: the report, or ImportRejected / WarningsUnconfirmed."""
    problems = list(figures_file.problems)
    checker = _Checker(figures_file.rows, actor, published=published)
    changes = []
    for row in figures_file.rows:
        change = checker.check(row, problems)
        if change is not None:
            changes.append(change)
    if problems:
        problems.sort(key=lambda p: (p.place.sheet or "", p.place.row))
        raise ImportRejected(figures_file.name, problems)
    report = ImportReport(changes, warnings=checker.warnings)
    if report.warnings and not dry_run and not confirm_warnings.strip():
        raise WarningsUnconfirmed(figures_file.name, report.warnings)
    return checker, report


def _versions(indicators: Any) -> dict[int, int]:
    """Each stored figure of these indicators and its version: what a check depended on."""
    return dict(Figure.objects.filter(indicator__in=list(indicators)).values_list("pk", "version"))


class _Checker:
    """The store's side of the checks, with everything the file names read up front."""

    def __init__(
        self, rows: tuple[FigureRow, ...], actor: Any | None, *, published: bool = False
    ) -> None:
        self.published = published
        codes = {row.indicator for row in rows}
        self.indicators = {
            i.code: i for i in Indicator.objects.filter(code__in=codes).select_related("plan")
        }
        self.localities = {
            loc.code: loc
            for loc in Locality.objects.filter(code__in={row.locality for row in rows})
        }
        self.existing = {
            (f.indicator.code, f.locality.code, f.period, f.status): f
            for f in Figure.objects.filter(indicator__in=self.indicators.values()).select_related(
                "indicator", "locality", "reviewed_by", "entered_by"
            )
        }
        self.versions = {f.pk: f.version for f in self.existing.values()}
        self.scope = EditScope(actor)
        self.plausibility = Plausibility(self.indicators.values(), self.localities.values())
        for row in rows:  # the file's own totals, shares and earlier years count as stored
            indicator, locality = (
                self.indicators.get(row.indicator),
                self.localities.get(row.locality),
            )
            if indicator is not None and locality is not None:
                self.plausibility.pending(
                    indicator, locality, row.period, row.status.value, row.value
                )
        self.warnings: list[Problem] = []
        self.warned: set[Place] = set()  # rows whose history will carry the confirmation

    def _plausible(self, row: FigureRow, indicator: Indicator, locality: Locality) -> list[Problem]:
        """The refusals about the row's value; its warnings go to self.warnings."""
        findings = self.plausibility.check(indicator, locality, row.period, row.status, row.value)
        refused = []
        for finding in findings:
            problem = Problem(row.at("value"), finding.message, finding.code)
            if finding.refused:
                refused.append(problem)
            else:
                self.warnings.append(problem)
                self.warned.add(row.place)
        return refused

    def check(self, row: FigureRow, problems: list[Problem]) -> Change | None:
        found = len(problems)
        indicator = self.indicators.get(row.indicator)
        locality = self.localities.get(row.locality)
        if indicator is None:
            problems.append(
                Problem(
                    row.at("indicator"),
                    f"không có chỉ tiêu mã “{row.indicator}”.",
                    "unknown_indicator",
                )
            )
        if locality is None:
            problems.append(
                Problem(
                    row.at("locality"), f"không có địa bàn mã “{row.locality}”.", "unknown_locality"
                )
            )
        if indicator is None or locality is None:
            return None
        if row.unit and not _same_unit(row.unit, indicator.unit):
            problems.append(
                Problem(
                    row.at("unit"),
                    f"đơn vị “{row.unit}” khác đơn vị của chỉ tiêu ({_unit_label(indicator.unit)}).",
                    "unit_mismatch",
                )
            )
        if not self.scope.allows(indicator.pk, locality.pk):
            problems.append(
                Problem(
                    row.at("indicator"),
                    f"bạn không được giao nhập chỉ tiêu {indicator.code} cho địa bàn {locality.name}.",
                    "not_allowed",
                )
            )
        elif (refusal := status_refusal(self.scope.user, row.status)) is not None:
            problems.append(Problem(row.at("status"), refusal, "status_not_allowed"))
        if len(row.source) > SOURCE_LENGTH:
            problems.append(
                Problem(row.at("source"), f"nguồn dài quá {SOURCE_LENGTH} ký tự.", "too_long")
            )
        existing = self.existing.get(row.key)
        plan = indicator.plan
        if existing is None and not plan.term_start <= row.period.year <= plan.term_end:
            problems.append(
                Problem(
                    row.at("period"),
                    f"kỳ {row.period} nằm ngoài thời kỳ của kế hoạch “{plan.name}” "
                    f"({plan.term_start}–{plan.term_end}).",
                    "period_outside_plan",
                )
            )
        if existing is not None and self._differs(existing, row):
            reason = lock_reason(existing, publishing=self.published)
            if reason is not None:
                problems.append(Problem(row.at("value"), f"số liệu bị khoá: {reason}", "locked"))
        if len(problems) > found:
            return None
        if existing is None or existing.value != row.value:
            refused = self._plausible(row, indicator, locality)
            if not any(p.code.startswith("beyond_store") for p in refused):
                refused = _precision(row, indicator) + refused
            if refused:
                problems.extend(refused)
                return None
        if existing is None:
            return Change(row, "create")
        if self._differs(existing, row):
            return Change(row, "update", existing.value)
        return Change(row, "unchanged", existing.value)

    def _differs(self, figure: Figure, row: FigureRow) -> bool:
        """A published row also changes a figure stored before as a draft."""
        if self.published and figure.review_state != ReviewState.PUBLISHED:
            return True
        return _differs(figure, row)


def _differs(figure: Figure, row: FigureRow) -> bool:
    return (figure.value, figure.source, figure.note) != (row.value, row.source, row.note)


def _precision(row: FigureRow, indicator: Indicator) -> list[Problem]:
    """More decimals than the indicator's unit is written with: refused, never rounded."""
    allowed = unit_decimals(indicator.unit)
    exponent = row.value.normalize().as_tuple().exponent
    if not isinstance(exponent, int) or -exponent <= allowed:
        return []  # a non-finite value is the store limit's refusal
    unit = _unit_label(indicator.unit)
    limit = f"tối đa {allowed} chữ số sau dấu phẩy" if allowed else "số nguyên"
    return [
        Problem(
            row.at("value"),
            f"giá trị {row.value_text or format_number(row.value)} có {-exponent} chữ số "
            f"sau dấu phẩy; chỉ tiêu {indicator.code} (đơn vị {unit}) ghi {limit}. "
            "Hệ thống không tự làm tròn: hãy ghi lại đúng số.",
            "too_many_decimals",
        )
    ]


def _same_unit(text: str, code: str) -> bool:
    if fold(text) in (fold(code), fold(_unit_label(code))):
        return True
    unit = parse_unit(text)
    return unit is not None and unit.code == code


def _unit_label(code: str) -> str:
    try:
        return get_unit(code).symbol
    except UnknownUnitError:
        return code or "không có đơn vị"


def _reason(description: str, row: FigureRow, confirmed: set[Place], note: str) -> str:
    """ "Nhập từ tệp so_lieu.xlsx, KINH TẾ dòng 12": the history says where the value came from,
    and for a value confirmed as plausible, the confirmation note."""
    where = f"dòng {row.place.row}"
    text = (
        f"{description}, {row.place.sheet} {where}"
        if row.place.sheet
        else f"{description}, {where}"
    )
    return f"{text}. {CONFIRMED}: {note}" if row.place in confirmed else text


def _write(
    checker: _Checker,
    changes: list[Change],
    actor: Any | None,
    progress: Progress | None,
    description: str,
    confirmed: set[Place],
    note: str,
) -> None:
    now = timezone.now()
    new = [c.row for c in changes if c.action == "create"]
    updates = [c.row for c in changes if c.action == "update"]
    total = len(new) + len(updates)
    done = 0
    for start in range(0, len(new), PROGRESS_STEP):
        batch = new[start : start + PROGRESS_STEP]
        _create(
            checker, batch, actor, now, [_reason(description, r, confirmed, note) for r in batch]
        )
        done += len(new[start : start + PROGRESS_STEP])
        if progress is not None:
            progress(done, total)
    for row in updates:
        write_change(
            checker.existing[row.key],
            action=Action.UPDATE,
            actor=actor,
            reason=_reason(description, row, confirmed, note),
            new_value=row.value,
            fields={
                "value": row.value,
                "source": row.source,
                "note": row.note,
                "source_text": row.value_text[:100],
                **({"review_state": ReviewState.PUBLISHED} if checker.published else {}),
            },
        )
        done += 1
        if progress is not None and (done % PROGRESS_STEP == 0 or done == total):
            progress(done, total)


def _create(
    checker: _Checker, rows: list[FigureRow], actor: Any | None, now: Any, reasons: list[str]
) -> None:
    figures = [
        Figure(
            indicator=checker.indicators[row.indicator],
            locality=checker.localities[row.locality],
            period=str(row.period),
            year=row.period.year,
            status=Status(row.status.value),
            value=row.value,
            source_text=row.value_text[:100],
            source=row.source,
            note=row.note,
            entered_by=actor,
            entered_at=now,
            review_state=ReviewState.PUBLISHED if checker.published else ReviewState.DRAFT,
        )
        for row in rows
    ]
    # SQLite (3.35+) and PostgreSQL both return the new keys from a bulk insert.
    created = Figure.objects.bulk_create(figures)
    FigureRevision.objects.bulk_create(
        [
            FigureRevision(
                figure=figure,
                version=1,
                action=Action.CREATE,
                new_value=figure.value,
                new_source=figure.source,
                review_state=figure.review_state,
                reason=reason,
                actor=actor,
                at=now,
            )
            for figure, reason in zip(created, reasons, strict=True)
        ]
    )
