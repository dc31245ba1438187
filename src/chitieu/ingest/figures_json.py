"""Read a JSON file of figures (chitieu.exchange.plain.write_json) into the importer's rows;
an SDMX-JSON data message (it has "dataSets") goes to figures_sdmx_json.

A place is the figure's position in the list ("dòng 3" is the third figure) and the
field's name. Values are decimal strings ("8.1") or JSON numbers read as Decimal, never
through a binary float.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from chitieu.ingest.figure_cells import read_code, read_period, read_status
from chitieu.ingest.figure_rows import REQUIRED, FigureRow, FiguresFile, Place, Problem, Progress
from chitieu.ingest.figures_file import duplicates
from chitieu.ingest.figures_sdmx_json import is_sdmx_json, read_sdmx_json

FIELDS = ("indicator", "locality", "period", "value", "status", "unit", "source", "note")


def read_json(data: bytes, *, name: str, progress: Progress | None = None) -> FiguresFile:
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as error:
        return _refused(name, f"không đọc được JSON ({error}).", "bad_json")
    if is_sdmx_json(document):
        return read_sdmx_json(data, name=name, progress=progress)
    figures = document.get("figures") if isinstance(document, dict) else document
    if not isinstance(figures, list):
        return _refused(name, "cần một danh sách “figures”.", "bad_json")
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    for number, item in enumerate(figures, start=1):
        if progress is not None and number % 1000 == 0:
            progress(number, len(figures))
        row = _row(number, item, problems)
        if row is not None:
            rows.append(row)
    problems += duplicates(rows)
    return FiguresFile(name, tuple(rows), tuple(problems))


def _row(number: int, item: Any, problems: list[Problem]) -> FigureRow | None:
    def place(key: str) -> Place:
        return Place(None, number, f"“{key}”")

    if not isinstance(item, dict):
        problems.append(
            Problem(Place(None, number), "mỗi số liệu phải là một đối tượng.", "bad_json")
        )
        return None
    found = len(problems)
    for key in REQUIRED:
        if item.get(key) in (None, ""):
            problems.append(Problem(place(key), f"thiếu trường “{key}”.", "missing"))
    if len(problems) > found:
        return None
    period = read_period(item["period"], place("period"), problems)
    value, value_text = _value(item["value"], place("value"), problems)
    status = read_status(item["status"], place("status"), problems)
    indicator = read_code(item["indicator"], place("indicator"), problems)
    locality = read_code(item["locality"], place("locality"), problems)
    if len(problems) > found or period is None or value is None or status is None:
        return None
    return FigureRow(
        place=Place(None, number),
        indicator=indicator,
        locality=locality,
        period=period,
        value=value,
        value_text=str(item.get("value_text") or value_text),
        status=status,
        unit=str(item.get("unit") or ""),
        source=str(item.get("source") or ""),
        note=str(item.get("note") or ""),
        cells=tuple((key, f"“{key}”") for key in FIELDS),
    )


def _value(raw: Any, place: Place, problems: list[Problem]) -> tuple[Decimal | None, str]:
    """A plain decimal ("8.1" or 8.1); the Vietnamese way of writing is for CSV and Excel."""
    import re

    text = str(raw).strip()
    if isinstance(raw, bool) or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        problems.append(
            Problem(place, f'giá trị “{text}” phải là số dạng "1234.5".', "not_a_number")
        )
        return None, ""
    return Decimal(text), text


def _refused(name: str, message: str, code: str) -> FiguresFile:
    return FiguresFile(name, (), (Problem(Place(None, 1), message, code),))
