"""`chitieu eval CORPUS_DIR [--format text|json]`: the reader's recall and precision."""

from __future__ import annotations

import json
from pathlib import Path

import click

from chitieu.ingest.document import IngestError


@click.command(name="eval")
@click.argument("corpus", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def command(corpus: Path, fmt: str) -> None:
    """Chấm bộ đọc trên một bộ văn bản đã chú thích: recall, precision, chỗ sót, chỗ sai."""
    from chitieu.ingest.evaluate import evaluate_corpus
    from chitieu.ingest.evaluate_report import score_json, score_text

    try:
        score = evaluate_corpus(corpus)
    except IngestError as error:
        raise click.ClickException(str(error)) from None
    if fmt == "json":
        click.echo(json.dumps(score_json(score), ensure_ascii=False, indent=2))
    else:
        click.echo(score_text(score), nl=False)
