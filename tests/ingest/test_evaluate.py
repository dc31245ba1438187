"""Scoring the reader against a hand-annotated document."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.ingest.corpus import read_annotation
from chitieu.ingest.evaluate import evaluate_corpus, name_similarity

NEWS = """Kim Sơn đặt mục tiêu tăng trưởng cao
Chiều 9/12, HĐND tỉnh Kim Sơn đã thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2026.
Theo nghị quyết, năm 2026 tỉnh phấn đấu tốc độ tăng trưởng GRDP đạt 10%; tỷ lệ hộ nghèo dưới 1,5%.
"""

ANNOTATION = """place: Kim Sơn
level: tinh
kind: annual_plan
issuer: Hội đồng nhân dân tỉnh Kim Sơn
year: 2026
form: news
targets:
  - {line: 3, indicator: tốc độ tăng trưởng GRDP, text: "10%", kind: point, low: 10, high: 10, unit: "%", period: "2026"}
  - {line: 3, indicator: tỷ lệ hộ nghèo, text: "dưới 1,5%", kind: max, low: null, high: 1.5, unit: "%", period: "2026"}
"""


def corpus(tmp_path: Path, text: str = NEWS, annotation: str = ANNOTATION) -> Path:
    (tmp_path / "kim-son.txt").write_text(text, encoding="utf-8")
    (tmp_path / "kim-son.yaml").write_text(annotation, encoding="utf-8")
    return tmp_path


def test_every_target_found_scores_full(tmp_path: Path) -> None:
    score = evaluate_corpus(corpus(tmp_path))
    document = score.documents[0]
    assert (document.annotated, document.predicted, document.recall, document.precision) == (
        2,
        2,
        1.0,
        1.0,
    )
    assert document.metadata == ()


def test_a_missed_target_lowers_recall_and_is_listed(tmp_path: Path) -> None:
    extra = ANNOTATION + (
        '  - {line: 1, indicator: tăng trưởng, text: "cao", kind: point, low: 99, high: 99,'
        ' unit: "%", period: "2026"}\n'
    )
    document = evaluate_corpus(corpus(tmp_path, annotation=extra)).documents[0]
    assert document.recall == pytest.approx(2 / 3)
    assert [m.line for m in document.misses] == [1]


def test_a_false_target_lowers_precision_and_is_listed(tmp_path: Path) -> None:
    only_growth = ANNOTATION.rsplit("  - {line: 3, indicator: tỷ lệ hộ nghèo", 1)[0]
    document = evaluate_corpus(corpus(tmp_path, annotation=only_growth)).documents[0]
    assert document.precision == 0.5
    assert [f.text for f in document.false_targets] == ["dưới 1,5%"]


def test_wrong_metadata_is_reported(tmp_path: Path) -> None:
    wrong = ANNOTATION.replace("year: 2026", "year: 2027")
    document = evaluate_corpus(corpus(tmp_path, annotation=wrong)).documents[0]
    assert any(m.startswith("years:") for m in document.metadata)


def test_same_numbers_elsewhere_with_another_name_do_not_match(tmp_path: Path) -> None:
    moved = ANNOTATION.replace("line: 3, indicator: tỷ lệ hộ nghèo", "line: 9, indicator: dân số")
    document = evaluate_corpus(corpus(tmp_path, text=NEWS + "\n" * 6, annotation=moved)).documents[
        0
    ]
    assert [m.indicator for m in document.misses] == ["dân số"]


def test_an_annotation_needs_its_document(tmp_path: Path) -> None:
    (tmp_path / "lone.yaml").write_text(ANNOTATION, encoding="utf-8")
    with pytest.raises(ValueError, match="Không có văn bản đi kèm"):
        read_annotation(tmp_path / "lone.yaml")


def test_name_similarity_ignores_tone_marks() -> None:
    assert name_similarity("Tỷ lệ đô thị hoá", "tỷ lệ đô thị hóa") == 1.0
