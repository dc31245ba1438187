"""`chitieu eval`: the corpus score as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chitieu.cli.evaluate import command
from tests.ingest.test_evaluate import corpus


def test_json_gives_per_document_and_total_scores(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(corpus(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"]["recall"] == 1.0
    assert data["documents"][0]["name"] == "kim-son.txt"


def test_text_names_each_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(corpus(tmp_path))])
    assert "kim-son.txt" in result.output and "TỔNG (1 văn bản)" in result.output


def test_a_missing_folder_is_one_vietnamese_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(tmp_path / "khong-co")])
    assert result.exit_code == 1
    assert "Không tìm thấy thư mục bộ văn bản" in result.output
