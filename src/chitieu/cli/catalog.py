"""`chitieu catalog check FILE`: validate a catalogue file (schema, then meaning).

Beyond the JSON Schema it checks what a schema cannot: duplicate indicator
codes, parents and groups that do not exist, unit codes chitieu.quantity does
not know, and target periods written backwards. Every problem names its place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click

from chitieu.catalog.io import CatalogueFileError, read_catalogue
from chitieu.catalog.model import Catalogue
from chitieu.cli._errors import InputFile
from chitieu.quantity import UNITS


def check_catalogue(catalogue: Catalogue) -> list[str]:
    """Every semantic problem of a catalogue that passed the schema, in file order."""
    return [
        *_duplicates(catalogue),
        *_references(catalogue),
        *_units(catalogue),
        *_periods(catalogue),
    ]


def _duplicates(catalogue: Catalogue) -> Iterator[str]:
    counts = Counter(i.code for i in catalogue.indicators)
    for code, count in counts.items():
        if count > 1:
            yield f"Mã chỉ tiêu '{code}' bị trùng ({count} lần)"
    group_counts = Counter(g.code for g in catalogue.groups)
    for code, count in group_counts.items():
        if count > 1:
            yield f"Mã nhóm '{code}' bị trùng ({count} lần)"


def _references(catalogue: Catalogue) -> Iterator[str]:
    codes = {i.code for i in catalogue.indicators}
    groups = {g.code for g in catalogue.groups}
    for n, indicator in enumerate(catalogue.indicators):
        place = f"indicators/{n} ({indicator.code})"
        if indicator.parent is not None and indicator.parent not in codes:
            yield f"tại {place}: chỉ tiêu cha '{indicator.parent}' không có trong danh mục"
        if indicator.parent == indicator.code:
            yield f"tại {place}: chỉ tiêu không thể là cha của chính nó"
        if indicator.group not in groups:
            yield f"tại {place}: nhóm '{indicator.group}' không có trong danh mục"


def _units(catalogue: Catalogue) -> Iterator[str]:
    def unknown(unit: str | None) -> bool:
        return unit is not None and unit not in UNITS

    for n, indicator in enumerate(catalogue.indicators):
        place = f"indicators/{n} ({indicator.code})"
        if unknown(indicator.unit):
            yield f"tại {place}: mã đơn vị '{indicator.unit}' không có trong danh mục đơn vị"
        for k, target in enumerate(indicator.targets):
            if unknown(target.value.unit):
                yield (
                    f"tại {place}/targets/{k}: mã đơn vị '{target.value.unit}' "
                    "không có trong danh mục đơn vị"
                )
        for k, baseline in enumerate(indicator.baselines):
            if unknown(baseline.unit):
                yield (
                    f"tại {place}/baselines/{k}: mã đơn vị '{baseline.unit}' "
                    "không có trong danh mục đơn vị"
                )
    for t, term in enumerate(catalogue.past_terms):
        for r, row in enumerate(term.rows):
            if unknown(row.unit):
                yield (
                    f"tại past_terms/{t}/rows/{r} ({term.code}, STT {row.stt or '-'}): "
                    f"mã đơn vị '{row.unit}' không có trong danh mục đơn vị"
                )


def _periods(catalogue: Catalogue) -> Iterator[str]:
    for n, indicator in enumerate(catalogue.indicators):
        for k, target in enumerate(indicator.targets):
            if target.period_start > target.period_end:
                yield (
                    f"tại indicators/{n} ({indicator.code})/targets/{k}: giai đoạn "
                    f"{target.period_start}-{target.period_end} bị đảo ngược "
                    "(năm đầu lớn hơn năm cuối)"
                )


@click.group(name="catalog")
def command() -> None:
    """Làm việc với tệp danh mục chỉ tiêu."""


@command.command(name="check")
@click.argument("file", type=InputFile())
def check(file: Path) -> None:
    """Kiểm tra một tệp danh mục (lược đồ và nội dung)."""
    try:
        catalogue = read_catalogue(file)
    except CatalogueFileError as error:
        _fail(file, error.errors)
        return
    problems = check_catalogue(catalogue)
    if problems:
        _fail(file, problems)
        return
    targets = sum(len(i.targets) for i in catalogue.indicators)
    click.echo(
        f"Tệp danh mục {file} hợp lệ: kế hoạch {catalogue.plan.code}, "
        f"{len(catalogue.groups)} nhóm, {len(catalogue.indicators)} chỉ tiêu, "
        f"{targets} mục tiêu, {len(catalogue.past_terms)} bảng kết quả nhiệm kỳ trước."
    )


def _fail(file: Path, problems: list[str]) -> None:
    click.echo(f"Tệp danh mục {file} không hợp lệ ({len(problems)} lỗi):", err=True)
    for problem in problems:
        click.echo(f"  - {problem}", err=True)
    raise SystemExit(1)
