"""`chitieu ingest FILE [-o catalogue.yaml] [--format yaml|json] [--review review.md] [hints]`.

Reads a resolution or plan (.txt, .docx or .pdf), extracts the catalogue and writes it
(to stdout without -o); what the document does not say about its plan is said on
stderr and in the review, and the options below give it. With `--format json` on stdout the output is the JSON
contract of chitieu.catalog.json_contract.catalogue_json.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from chitieu.catalog.io import dumps
from chitieu.catalog.json_contract import catalogue_json
from chitieu.cli._errors import InputFile
from chitieu.ingest.document import IngestError
from chitieu.ingest.plan_hints import PlanHints
from chitieu.ingest.plan_meta import KINDS, LEVELS


class TermType(click.ParamType):
    """ "2025-2030" -> (2025, 2030)."""

    name = "term"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", str(value))
        if not match or int(match.group(1)) > int(match.group(2)):
            self.fail(f"nhiệm kỳ {value!r} không hợp lệ (dạng năm đầu-năm cuối)", param, ctx)
        return int(match.group(1)), int(match.group(2))


@click.command(name="ingest")
@click.argument("file", type=InputFile())
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
@click.option("--locality", help='Địa phương, khi văn bản không nêu: "Kim Sơn", "Tân Phú".')
@click.option("--level", type=click.Choice(LEVELS), help="Cấp của địa phương.")
@click.option("--issuer", help='Cơ quan ban hành: "Hội đồng nhân dân tỉnh Kim Sơn".')
@click.option("--kind", type=click.Choice(KINDS), help="Loại kế hoạch.")
@click.option("--term", type=TermType(), help="Nhiệm kỳ hoặc giai đoạn, dạng năm đầu-năm cuối.")
@click.option("--year", type=click.IntRange(1900, 2200), help="Năm của kế hoạch năm.")
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
