"""`chitieu plans`: the plans in the store (resolutions, annual plans, past terms)."""

from __future__ import annotations

import json

import click


@click.command("plans")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='json: [{"code", "name", "term"}] cho các công cụ khác đọc.',
)
def command(fmt: str) -> None:
    """Liệt kê các kế hoạch đã nạp (kể cả nhiệm kỳ trước của các tỉnh cũ)."""
    from chitieu.web.setup import migrate

    migrate()
    from chitieu.web.plans.models import Plan

    plans = [
        {"code": p.code, "name": p.name, "term": f"{p.term_start}-{p.term_end}"}
        for p in Plan.objects.order_by("-term_start", "code")
    ]
    if fmt == "json":
        click.echo(json.dumps(plans, ensure_ascii=False, indent=2))
        return
    if not plans:
        click.echo("Chưa có kế hoạch nào; hãy chạy “chitieu load”.")
    for plan in plans:
        click.echo(f"{plan['code']}\t{plan['term']}\t{plan['name']}")
