"""`chitieu ingest FILE [-o catalogue.yaml] [--format yaml|json] [--review review.md] [--plan-code CODE]`.

Reads a resolution (.txt or .docx), extracts the catalogue and writes it (to
stdout without -o). With `--format json` on stdout the output is the JSON
contract of `catalogue_json`: every key below is always present, even when
empty or at its default (the catalogue file itself leaves defaults out).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from chitieu.catalog.io import dumps, to_data
from chitieu.catalog.model import (
    Baseline,
    Catalogue,
    Indicator,
    IndicatorTarget,
    PastTerm,
    PastTermRow,
    Source,
)
from chitieu.ingest.document import IngestError
from chitieu.ingest.plan_hints import PlanHints
from chitieu.ingest.plan_meta import KINDS, LEVELS
from chitieu.quantity import Target


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _source(source: Source | None) -> dict[str, Any]:
    if source is None:
        return {"document": None, "line": None, "line_end": None, "text": ""}
    return {
        "document": source.document,
        "line": source.line,
        "line_end": source.line_end,
        "text": source.text,
    }


def _target(target: Target) -> dict[str, Any]:
    return {
        "text": target.text,
        "kind": target.kind.value,
        "low": _number(target.low),
        "high": _number(target.high),
        "low_inclusive": target.low_inclusive,
        "high_inclusive": target.high_inclusive,
        "unit": target.unit,
        "ratio": list(target.ratio) if target.ratio else None,
        "ambiguous": target.ambiguous,
        "flags": list(target.flags),
    }


def _indicator_target(target: IndicatorTarget) -> dict[str, Any]:
    return {
        **_target(target.value),
        "period": f"{target.period_start}-{target.period_end}",
        "aggregation": target.aggregation.value,
        "source": _source(target.source),
    }


def _baseline(baseline: Baseline) -> dict[str, Any]:
    return {
        "year": baseline.year,
        "value": _number(baseline.value),
        "unit": baseline.unit,
        "locality": baseline.locality,
        "source": _source(baseline.source),
    }


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "group": indicator.group,
        "parent": indicator.parent,
        "stt": indicator.stt,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "targets": [_indicator_target(t) for t in indicator.targets],
        "baselines": [_baseline(b) for b in indicator.baselines],
        "source": _source(indicator.source),
    }


def _past_row(row: PastTermRow) -> dict[str, Any]:
    return {
        "table": row.table,
        "stt": row.stt,
        "indicator": row.indicator,
        "unit": row.unit,
        "unit_text": row.unit_text,
        "target_text": row.target_text,
        "target": _target(row.target) if row.target else None,
        "result_text": row.result_text,
        "result_value": _number(row.result_value),
        "result_readings": [_number(r) for r in row.result_readings],
        "official_assessment": row.official_assessment,
        "group": row.group,
        "parent_stt": row.parent_stt,
        "source": _source(row.source),
    }


def _past_term(term: PastTerm) -> dict[str, Any]:
    return {
        "code": term.code,
        "name": term.name,
        "locality": term.locality,
        "period": f"{term.period_start}-{term.period_end}",
        "rows": [_past_row(row) for row in term.rows],
    }


def _plain(value: Any) -> Any:
    """Catalogue-file data made JSON-ready (Decimals as numbers)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return _number(value)
    return value


def catalogue_json(catalogue: Catalogue) -> dict[str, Any]:
    """The JSON contract: fixed keys, always present, in document order."""
    return {
        "plan": _plain(to_data(catalogue.plan)),
        "groups": [_plain(to_data(group)) for group in catalogue.groups],
        "indicators": [_indicator(i) for i in catalogue.indicators],
        "past_terms": [_past_term(t) for t in catalogue.past_terms],
        "discrepancies": [_plain(to_data(d)) for d in catalogue.discrepancies],
        "candidates": [_plain(to_data(c)) for c in catalogue.candidates],
        "tasks": [_plain(to_data(t)) for t in catalogue.tasks],
        "claims": [_plain(to_data(c)) for c in catalogue.claims],
        "footnotes": [
            {
                "number": f.number,
                "anchor_line": f.anchor_line,
                "confidence": f.confidence,
                "text": f.text,
            }
            for f in catalogue.footnotes
        ],
    }


class TermType(click.ParamType):
    """ "2025-2030" -> (2025, 2030)."""

    name = "term"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", str(value))
        if not match or int(match.group(1)) > int(match.group(2)):
            self.fail(f"nhiệm kỳ {value!r} không hợp lệ (dạng 2025-2030)", param, ctx)
        return int(match.group(1)), int(match.group(2))


@click.command(name="ingest")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp danh mục cần ghi (mặc định: in ra màn hình).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default=None,
    help="Định dạng (mặc định: theo đuôi tệp -o, hoặc yaml).",
)
@click.option(
    "--review",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ghi bản rà soát vào tệp này (.html, .htm: trang HTML; đuôi khác: Markdown).",
)
@click.option("--plan-code", help="Mã kế hoạch (mặc định: địa phương + nhiệm kỳ hoặc năm).")
@click.option("--locality", help='Địa phương, khi văn bản không nêu: "Tây Ninh", "Tân Phú".')
@click.option("--level", type=click.Choice(LEVELS), help="Cấp của địa phương.")
@click.option("--issuer", help='Cơ quan ban hành: "Hội đồng nhân dân tỉnh Tây Ninh".')
@click.option("--kind", type=click.Choice(KINDS), help="Loại kế hoạch.")
@click.option("--term", type=TermType(), help="Nhiệm kỳ hoặc giai đoạn: 2025-2030.")
@click.option("--year", type=click.IntRange(1900, 2200), help="Năm của kế hoạch năm: 2026.")
def command(
    file: Path,
    output: Path | None,
    fmt: str | None,
    review: Path | None,
    **hints: Any,
) -> None:
    """Đọc nghị quyết hoặc kế hoạch (.txt, .docx, .pdf) và lập danh mục chỉ tiêu.

    Điều văn bản không nêu (cơ quan ban hành, địa phương, nhiệm kỳ hoặc năm) được để
    trống, báo ra màn hình và trong bản rà soát; các tùy chọn trên bổ sung cho văn bản.
    """
    from chitieu.ingest.pipeline import ingest
    from chitieu.ingest.plan_meta import plan_gaps
    from chitieu.ingest.review import review_format, write_review

    try:
        catalogue = ingest(file, hints=PlanHints(**hints))
    except IngestError as error:
        click.echo(f"Lỗi: {error}", err=True)
        raise SystemExit(2) from None
    for gap in plan_gaps(catalogue.plan):
        click.echo(f"Lưu ý: {gap}", err=True)
    fmt = fmt or ("json" if output is not None and output.suffix == ".json" else "yaml")
    if output is not None:
        output.write_text(dumps(catalogue, fmt=fmt), encoding="utf-8")
        click.echo(f"Đã ghi danh mục: {output} ({len(catalogue.indicators)} chỉ tiêu)", err=True)
    elif fmt == "json":
        click.echo(json.dumps(catalogue_json(catalogue), ensure_ascii=False, indent=2))
    else:
        click.echo(dumps(catalogue, fmt="yaml"), nl=False)
    if review is not None:
        text = write_review(catalogue, fmt=review_format(review.name))
        review.write_text(text, encoding="utf-8")
        click.echo(f"Đã ghi bản rà soát: {review}", err=True)
