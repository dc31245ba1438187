"""Figures as plain CSV (the columns `chitieu import` reads) and as JSON.

The CSV is today's export: Vietnamese headers, values written the Vietnamese way
(8,1) so that Excel on a Vietnamese machine reads them. The JSON has one object per
figure with the value as a plain decimal string ("8.1"), never a binary float.
Readers: chitieu.ingest.figures_file (CSV) and chitieu.ingest.figures_json.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from chitieu.exchange.cell_text import text_row
from chitieu.exchange.records import FigureRecord
from chitieu.ingest.figure_cells import export_value
from chitieu.ingest.figure_rows import COLUMNS, LABELS
from chitieu.quantity import get_unit, plain
from chitieu.quantity.errors import UnknownUnitError

JSON_FORMAT = "chitieu.figures"
JSON_VERSION = 1
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
JSON_MEDIA_TYPE = "application/json"


def write_csv(records: Iterable[FigureRecord]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([LABELS[column] for column in COLUMNS])
    for record in records:
        writer.writerow(
            text_row(
                [
                    record.indicator,
                    record.locality,
                    str(record.period),
                    export_value(record.value),
                    record.status.label,
                    unit_symbol(record.unit),
                    record.source,
                    record.note,
                ]
            )
        )
    return stream.getvalue()


def figure_object(record: FigureRecord) -> dict[str, Any]:
    return {
        "indicator": record.indicator,
        "locality": record.locality,
        "period": str(record.period),
        "status": record.status.value,
        "value": f"{plain(record.value):f}",
        "unit": record.unit,
        "source": record.source,
        "note": record.note,
        "value_text": record.value_text,
        "review_state": record.review_state,
    }


def write_json(records: Iterable[FigureRecord]) -> str:
    """{"format", "version", "figures": [...]}, one figure per line so a diff reads well."""
    lines = [json.dumps(figure_object(r), ensure_ascii=False) for r in records]
    head = f'{{"format": "{JSON_FORMAT}", "version": {JSON_VERSION}, "figures": ['
    return head + ("\n" + ",\n".join(lines) + "\n" if lines else "") + "]}\n"


def unit_symbol(code: str) -> str:
    if not code:
        return ""
    try:
        return get_unit(code).symbol
    except UnknownUnitError:
        return code
