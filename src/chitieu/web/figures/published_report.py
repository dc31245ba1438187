"""The published-figures import report in Markdown, in Vietnamese (pure: no database).

Counts, unmapped rows, conflicting sources, revision chains, each annual plan
against the resolution's milestones for its year, and the national targets table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from chitieu.ingest.published import Published, revision_chains
from chitieu.outlook.annual_plan import VERDICT_LABELS, PlanCheck, ProvinceTarget
from chitieu.quantity import format_number


@dataclass(frozen=True)
class AnnualSection:
    """One annual plan's checks (and the national row, when there is one)."""

    year: int
    checks: tuple[PlanCheck, ...]


@dataclass(frozen=True)
class NationalSection:
    name: str  # "bảng mục tiêu quốc gia …", as the profile names it
    rows: tuple[ProvinceTarget, ...]


def markdown_report(
    published: Published,
    summary: str,
    annual: Sequence[AnnualSection] = (),
    national: NationalSection | None = None,
) -> str:
    lines = ["# Báo cáo nhập số liệu đã công bố", "", summary, ""]
    lines += _unmapped(published)
    lines += _conflicts(published)
    lines += _chains(published)
    for section in annual:
        lines += _annual(section)
    if national is not None:
        lines += _national(national)
    return "\n".join(lines) + "\n"


def _n(value: Decimal) -> str:
    return format_number(value.normalize())


def _unmapped(published: Published) -> list[str]:
    lines = [
        "## Dòng chưa ánh xạ",
        "",
        "| Tệp | Dòng | Chỉ tiêu | Địa bàn | Kỳ | Giá trị | Lý do |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in published.unmapped:
        r = item.row
        lines.append(
            f"| {r.file} | {r.line} | {r.indicator} | {r.locality} | {r.period} | {r.value} "
            f"| {item.reason} |"
        )
    return lines


def _conflicts(published: Published) -> list[str]:
    lines = [
        "",
        "## Nguồn khác nhau (cùng kỳ, cùng loại số liệu, khác giá trị)",
        "",
        "| Mã | Địa bàn | Kỳ | Loại | Giá trị lưu (nguồn) | Giá trị khác (nguồn) |",
        "|---|---|---|---|---|---|",
    ]
    for conflict in published.conflicts:
        kept, other = conflict.kept, conflict.other
        f = kept.figure
        lines.append(
            f"| {f.indicator} | {f.locality} | {f.period} | {f.status.label} | "
            f"{_n(f.value)} ({kept.row.place}; {f.source}) | "
            f"{_n(other.figure.value)} ({other.row.place}; {other.figure.source}) |"
        )
    return lines


def _chains(published: Published) -> list[str]:
    lines = ["", "## Chuỗi điều chỉnh (ước → sơ bộ → chính thức)", ""]
    for (code, locality, period), chain in revision_chains(published.figures).items():
        steps = " → ".join(
            f"{m.figure.status.label} {_n(m.figure.value)} ({m.row.place})" for m in chain
        )
        lines.append(f"- {code}, {locality}, {period}: {steps}")
    return lines


def _annual(section: AnnualSection) -> list[str]:
    year = section.year
    lines = [
        "",
        f"## Kế hoạch năm {year} so với lộ trình của Nghị quyết",
        "",
        f"| Chỉ tiêu | Mã | Kế hoạch {year} | Cần đạt {year} | Kết luận | Giải thích |",
        "|---|---|---|---|---|---|",
    ]
    for check in section.checks:
        milestone = (
            "—" if check.milestone is None else _n(check.milestone.quantize(Decimal("0.01")))
        )
        lines.append(
            f"| {check.name} | {check.code or '—'} | {check.annual_text} | {milestone} | "
            f"{VERDICT_LABELS[check.verdict]} | {check.explanation} |"
        )
    return lines


def _national(section: NationalSection) -> list[str]:
    title = section.name[:1].upper() + section.name[1:]
    lines = ["", f"## {title}", "", "| Tỉnh, thành | Mục tiêu |", "|---|---|"]
    lines += [f"| {row.province} | {row.text} |" for row in section.rows]
    return lines
