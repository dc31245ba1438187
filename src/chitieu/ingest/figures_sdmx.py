"""Read an SDMX-CSV 2.0 file of figures (chitieu.exchange.sdmx_csv) into the importer's rows.

sdmx1's SDMX-CSV reader checks the header against our DSD and turns each line into an
observation; we read the line ourselves around it, so that every problem names its line
and column (“REF_AREA”). Whether a code is in the store's code lists is the store's
question (web.figures.imports): an unknown indicator or locality is reported there, at the
same line and column. The status code list is fixed, so an unknown status is reported here.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from chitieu.catalog.model import FigureStatus
from chitieu.exchange import mapping as m
from chitieu.exchange.cell_text import unescape_csv_text
from chitieu.ingest.figure_rows import FigureRow, FiguresFile, Place, Problem, Progress
from chitieu.ingest.figures_file import duplicates
from chitieu.quantity import plain

# Our column keys (FigureRow.cells) and the SDMX columns they come from.
KEYS = {
    "indicator": m.INDICATOR,
    "locality": m.REF_AREA,
    "status": m.FIGURE_STATUS,
    "period": m.TIME_PERIOD,
    "value": m.OBS_VALUE,
    "unit": m.UNIT_MEASURE,
    "source": m.SOURCE_DETAIL,
    "note": m.OBS_COM,
}
REQUIRED = (*m.DIMENSIONS, m.OBS_VALUE)


def is_sdmx_csv(data: bytes) -> bool:
    """Whether the text starts like SDMX-CSV 2.0 (its first column is STRUCTURE)."""
    return data.lstrip(b"\xef\xbb\xbf").lstrip().upper().startswith(b"STRUCTURE")


def read_sdmx_csv(data: bytes, *, name: str, progress: Progress | None = None) -> FiguresFile:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _refused(name, 1, "tệp SDMX-CSV phải ở mã UTF-8.", "not_utf8")
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        return _refused(name, 1, "tệp trống.", "empty")
    header = [column.strip() for column in records[0]]
    reader = _sdmx_reader()
    try:
        reader.inspect_header(header)
    except (ValueError, IndexError) as error:
        return _refused(name, 1, f"không phải SDMX-CSV 2.0 ({error}).", "not_sdmx_csv")
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        return _refused(
            name, 1, f"thiếu cột {', '.join(missing)} của cấu trúc {m.DSD_ID}.", "missing_column"
        )
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    for number, record in enumerate(records[1:], start=2):
        if progress is not None and number % 1000 == 0:
            progress(number, len(records))
        if not any(field.strip() for field in record):
            continue
        row = _row(reader, header, number, record, problems)
        if row is not None:
            rows.append(row)
    problems += duplicates(rows)
    return FiguresFile(name, tuple(rows), tuple(problems))


def _sdmx_reader() -> Any:
    from sdmx.reader.csv import Reader

    from chitieu.exchange.records import Codes
    from chitieu.exchange.structure import build_structure

    structure = build_structure(Codes((), ()))
    reader = Reader()
    reader._dataflow = structure.dataflow  # what Reader.convert sets from `structure=`
    reader._structure = structure.dsd
    return reader


def _row(
    reader: Any, header: list[str], number: int, record: list[str], problems: list[Problem]
) -> FigureRow | None:
    found = len(problems)
    fields = dict(zip(header, (field.strip() for field in record), strict=False))

    def place(column: str) -> Place:
        return Place(None, number, f"“{column}”")

    def problem(column: str, message: str, code: str) -> None:
        problems.append(Problem(place(column), message, code))

    if len(record) != len(header):
        problem("STRUCTURE", f"dòng có {len(record)} cột, tiêu đề có {len(header)}.", "columns")
        return None
    try:
        reader.handle_row(record)
    except AssertionError:
        problem(
            "STRUCTURE", "cột STRUCTURE, STRUCTURE_ID hoặc ACTION không hợp lệ.", "bad_structure"
        )
        return None
    observation = reader._observations.popitem()[1][-1]
    dimension = {k: v.value for k, v in observation.dimension.values.items()}
    attribute = {k: str(v.value) for k, v in observation.attached_attribute.items()}
    if f":{m.DATAFLOW_ID}(" not in fields.get("STRUCTURE_ID", ""):
        problem("STRUCTURE_ID", f"dữ liệu không thuộc dataflow {m.DATAFLOW_ID}.", "wrong_dataflow")
    if fields.get("ACTION", "I") == "D":
        problem(
            "ACTION", "không nhận dòng xoá (ACTION D); hãy xoá số liệu trên trang web.", "delete"
        )
    if len(problems) > found:
        return None
    columns = tuple(column for column in KEYS.values() if column in header)
    return observation_row(
        number, dimension, str(observation.value or ""), attribute, columns, problems
    )


def observation_row(
    number: int,
    dimension: dict[str, str],
    value_text: str,
    attribute: dict[str, str],
    columns: tuple[str, ...],
    problems: list[Problem],
) -> FigureRow | None:
    """The importer's row of one observation of DF_FIGURES (from SDMX-CSV or SDMX-JSON),
    or None with its problems, each at (number, the SDMX column)."""
    found = len(problems)

    def place(column: str) -> Place:
        return Place(None, number, f"“{column}”")

    def problem(column: str, message: str, code: str) -> None:
        problems.append(Problem(place(column), message, code))

    for column in (m.INDICATOR, m.REF_AREA):
        if not m.is_sdmx_id(dimension.get(column, "")):
            problem(
                column, f"mã “{dimension.get(column, '')}” không phải mã SDMX hợp lệ.", "bad_code"
            )
    status = _status(dimension.get(m.FIGURE_STATUS, ""), place(m.FIGURE_STATUS), problems)
    period = None
    try:
        period = m.period_from_sdmx(dimension.get(m.TIME_PERIOD, ""))
    except m.MappingError as error:
        problem(m.TIME_PERIOD, str(error), "bad_period")
    value = _value(value_text, place(m.OBS_VALUE), problems)
    obs_status = attribute.get(m.OBS_STATUS, "")
    if status is not None and obs_status and obs_status != m.OBS_STATUS_CODES[status]:
        problem(
            m.OBS_STATUS,
            f"OBS_STATUS “{obs_status}” không khớp loại số liệu {status.label} "
            f"(cần “{m.OBS_STATUS_CODES[status]}”).",
            "status_mismatch",
        )
    if len(problems) > found or status is None or period is None or value is None:
        return None
    return FigureRow(
        place=Place(None, number),
        indicator=m.indicator_code(dimension[m.INDICATOR]),
        locality=dimension[m.REF_AREA],
        period=period,
        value=value,
        value_text=unescape_csv_text(attribute.get(m.ORIGINAL_TEXT, "")) or f"{plain(value):f}",
        status=status,
        unit=attribute.get(m.UNIT_MEASURE, ""),
        source=unescape_csv_text(attribute.get(m.SOURCE_DETAIL, "")),
        note=unescape_csv_text(attribute.get(m.OBS_COM, "")),
        cells=tuple((key, f"“{column}”") for key, column in KEYS.items() if column in columns),
    )


def _status(code: str, place: Place, problems: list[Problem]) -> FigureStatus | None:
    status = m.STATUS_OF_CODE.get(code)
    if status is None:
        known = ", ".join(m.STATUS_OF_CODE)
        problems.append(
            Problem(
                place,
                f"mã “{code}” không có trong danh mục {m.CODELISTS[m.FIGURE_STATUS]} ({known}).",
                "unknown_code",
            )
        )
    return status


def _value(text: str, place: Place, problems: list[Problem]) -> Decimal | None:
    """SDMX writes numbers with a decimal point and no thousands separator: 1234.5."""
    import re

    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        problems.append(
            Problem(
                place,
                f"giá trị “{text}” phải là số dạng 1234.5 (dấu chấm thập phân).",
                "not_a_number",
            )
        )
        return None
    return Decimal(text)


def _refused(name: str, row: int, message: str, code: str) -> FiguresFile:
    return FiguresFile(name, (), (Problem(Place(None, row), message, code),))
