"""`chitieu eval-links`: the task-link score on the seed, as text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from chitieu.cli.eval_links import command
from tests.ingest.test_task_links_eval import GOLD


def test_prints_precision_recall_and_each_false_link(seed_path: Path) -> None:
    result = CliRunner().invoke(command, [str(seed_path), str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "Nhiệm vụ được chấm: 47" in result.output
    assert "Precision: " in result.output and "Recall: " in result.output
    assert "trong_tam.6 → xh.ntm" not in result.output


def test_a_bad_gold_file_is_one_vietnamese_line(seed_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "gold.yaml"
    bad.write_text("[", encoding="utf-8")
    result = CliRunner().invoke(command, [str(seed_path), str(bad)])
    assert result.exit_code == 1
    assert "Không đọc được tệp liên kết chuẩn" in result.output
