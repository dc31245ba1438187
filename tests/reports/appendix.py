"""The document's own results tables (Phụ lục 1A/1B), cell by cell, for comparing reports."""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.ingest import Document
from chitieu.quantity import NumberFormatError, parse_number

TABLES = {"1A": "hung_yen_cu_2020_2025", "1B": "thai_binh_cu_2020_2025"}


@dataclass(frozen=True)
class PrintedRow:
    cells: tuple[str, ...]  # STT, name, unit, target, result, assessment, as printed
    group: bool
    line: int


def printed_rows(document: Document, label: str) -> list[PrintedRow]:
    table = document.table(f"PHỤ LỤC {label}")
    return [PrintedRow(row.texts(), row.kind == "group", row.line) for row in table.data_rows()]


def ambiguous(text: str) -> bool:
    """A cell that reads two ways ("328,096")."""
    try:
        return parse_number(text).ambiguous
    except NumberFormatError:
        return False
