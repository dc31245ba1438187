"""A folder of real documents, each with its targets annotated by hand (tests/ingest/corpus).

`<slug>.yaml` annotates `<slug>.txt` (or .docx, .pdf): the plan's metadata and
every target with its line, indicator, text, kind, bounds, unit and period. The
format is described in the corpus folder's README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from chitieu.ingest.document import IngestError

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf")
_KINDS = ("point", "range", "min", "max", "approx", "ratio", "rank", "text")


@dataclass(frozen=True)
class AnnotatedTarget:
    line: int
    indicator: str
    text: str
    kind: str
    low: Decimal | None
    high: Decimal | None
    unit: str
    period: str  # "2026" or "2026-2030"
    change: bool = False  # a change against a base ("giảm 1-1,5%/năm", "tăng 8% so với …")


@dataclass(frozen=True)
class Annotation:
    path: Path  # the document
    place: str
    level: str
    kind: str
    issuer: str
    term: tuple[int, int] | None
    year: int | None
    form: str
    sources: tuple[str, ...]
    targets: tuple[AnnotatedTarget, ...]

    @property
    def name(self) -> str:
        return self.path.name


def read_corpus(folder: Path) -> tuple[Annotation, ...]:
    """Every annotated document of `folder`, by name; a YAML without its document is an error."""
    if not folder.is_dir():
        raise IngestError("Không tìm thấy thư mục bộ văn bản", place=str(folder))
    return tuple(read_annotation(path) for path in sorted(folder.glob("*.yaml")))


def read_annotation(path: Path) -> Annotation:
    document = next(
        (path.with_suffix(s) for s in DOCUMENT_SUFFIXES if path.with_suffix(s).exists()), None
    )
    if document is None:
        raise IngestError(
            f"Không có văn bản đi kèm ({', '.join(DOCUMENT_SUFFIXES)})", place=str(path)
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise IngestError(f"YAML không hợp lệ: {error}", place=str(path)) from error
    targets = tuple(
        _target(item, f"{path}: targets[{index}]")
        for index, item in enumerate(data.get("targets") or [])
    )
    return Annotation(
        path=document,
        place=str(data.get("place") or ""),
        level=str(data.get("level") or ""),
        kind=str(data.get("kind") or ""),
        issuer=str(data.get("issuer") or ""),
        term=_span(data.get("term")),
        year=int(data["year"]) if data.get("year") else None,
        form=str(data.get("form") or ""),
        sources=tuple(str(s) for s in data.get("sources") or ()),
        targets=targets,
    )


def _target(item: Any, place: str) -> AnnotatedTarget:
    if not isinstance(item, dict) or "line" not in item or "kind" not in item:
        raise IngestError("mỗi chỉ tiêu cần ít nhất line và kind", place=place)
    if item["kind"] not in _KINDS:
        raise IngestError(f"kind {item['kind']!r} không hợp lệ ({', '.join(_KINDS)})", place=place)
    return AnnotatedTarget(
        line=int(item["line"]),
        indicator=str(item.get("indicator") or ""),
        text=str(item.get("text") or ""),
        kind=str(item["kind"]),
        low=_decimal(item.get("low")),
        high=_decimal(item.get("high")),
        unit=str(item.get("unit") or ""),
        period=str(item.get("period") or ""),
        change=bool(item.get("change", False)),
    )


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _span(value: Any) -> tuple[int, int] | None:
    if not value:
        return None
    first, _, last = str(value).partition("-")
    return int(first), int(last or first)
