"""The corpus score as a person reads it (text) or a program does (JSON)."""

from __future__ import annotations

from typing import Any

from chitieu.ingest.corpus import AnnotatedTarget
from chitieu.ingest.evaluate import CorpusScore, DocumentScore, Found


def score_text(score: CorpusScore) -> str:
    lines = [
        f"{'văn bản':<48} {'chú thích':>9} {'đọc được':>9} {'recall':>7} {'precision':>9}",
    ]
    for document in score.documents:
        lines.append(
            f"{document.name[:48]:<48} {document.annotated:>9} {document.predicted:>9} "
            f"{_pct(document.recall):>7} {_pct(document.precision):>9}"
        )
    lines.append(
        f"{'TỔNG (' + str(len(score.documents)) + ' văn bản)':<48} {score.annotated:>9} "
        f"{score.predicted:>9} {_pct(score.recall):>7} {_pct(score.precision):>9}"
    )
    lines.append(f"Địa phương: {len(score.places)}")
    for document in score.documents:
        detail = _details(document)
        if detail:
            lines += ["", f"## {document.name}", *detail]
    return "\n".join(lines) + "\n"


def _details(document: DocumentScore) -> list[str]:
    lines = [f"  Lỗi đọc: {document.error}"] if document.error else []
    lines += [f"  Bỏ sót {_annotated(a)}" for a in document.misses]
    lines += [f"  Không phải chỉ tiêu {_found(f)}" for f in document.false_targets]
    lines += [f"  Khác: {d}" for d in document.differences]
    lines += [f"  Kế hoạch: {m}" for m in document.metadata]
    return lines


def _annotated(target: AnnotatedTarget) -> str:
    return f"dòng {target.line}: {target.indicator} — {target.text}"


def _found(target: Found) -> str:
    return f"dòng {target.line}: {target.indicator} — {target.text} ({target.code})"


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%".replace(".", ",")


def score_json(score: CorpusScore) -> dict[str, Any]:
    return {
        "documents": [_document_json(d) for d in score.documents],
        "total": {
            "documents": len(score.documents),
            "places": list(score.places),
            "annotated": score.annotated,
            "predicted": score.predicted,
            "recall": round(score.recall, 4),
            "precision": round(score.precision, 4),
        },
    }


def _document_json(document: DocumentScore) -> dict[str, Any]:
    return {
        "name": document.name,
        "annotated": document.annotated,
        "predicted": document.predicted,
        "found": document.found,
        "correct": document.correct,
        "recall": round(document.recall, 4),
        "precision": round(document.precision, 4),
        "misses": [
            {"line": a.line, "indicator": a.indicator, "text": a.text} for a in document.misses
        ],
        "false_targets": [
            {"line": f.line, "indicator": f.indicator, "text": f.text, "code": f.code}
            for f in document.false_targets
        ],
        "differences": list(document.differences),
        "metadata": list(document.metadata),
        "error": document.error,
    }
