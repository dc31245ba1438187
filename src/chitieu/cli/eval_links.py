"""`chitieu eval-links DOCUMENT GOLD`: precision and recall of the task–target links."""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.ingest.document import IngestError


@click.command(name="eval-links")
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
def command(document: Path, gold: Path) -> None:
    """Chấm liên kết nhiệm vụ – chỉ tiêu của bộ đọc so với liên kết do người xác định."""
    from chitieu.ingest.task_links_eval import evaluate_task_links, score_text

    try:
        score = evaluate_task_links(document, gold)
    except IngestError as error:
        raise click.ClickException(str(error)) from None
    click.echo(score_text(score), nl=False)
