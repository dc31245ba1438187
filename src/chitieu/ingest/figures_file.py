"""Read a figures file (the .xlsx entry template or a plain CSV) into checked rows.

SDMX-CSV and JSON files are read by figures_sdmx and figures_json; read_figures picks
the reader from the extension and, for a .csv, from its header.

Pure: no database. Every problem is reported with its sheet, row and column,
in Vietnamese, and reading never stops at the first one, so a person can fix a
whole file in one pass. Whether codes, localities and locks are valid is the
store's question (chitieu.web.figures.imports); this module answers only
"is each row well formed, and is any row repeated".

Columns (header text in English code or Vietnamese, any case or tone spelling):
indicator | locality | period | value | status, and optionally unit, source, note.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chitieu.catalog.text import fold
from chitieu.exchange.cell_text import unescape_csv_text
from chitieu.ingest.figure_cells import (
    cell_text,
    cell_value,
    export_value,
    is_formula,
    read_code,
    read_number,
    read_period,
    read_status,
)
from chitieu.ingest.figure_rows import (
    COLUMNS,
    HEADER_KEYS,
    LABELS,
    REQUIRED,
    FigureRow,
    FiguresFile,
    Place,
    Problem,
    Progress,
)
from chitieu.quantity import plain

if TYPE_CHECKING:
    from chitieu.ingest.file_limits import Limits

__all__ = [  # the file's public names, wherever they are defined
    "COLUMNS",
    "HEADER_KEYS",
    "INSTRUCTIONS_SHEET",
    "LABELS",
    "REQUIRED",
    "FigureRow",
    "FiguresFile",
    "FiguresFileError",
    "Place",
    "Problem",
    "Progress",
    "duplicates",
    "export_value",
    "plain",
    "read_csv",
    "read_figures",
    "read_records",
    "read_workbook",
]

INSTRUCTIONS_SHEET = "Hướng dẫn"


class FiguresFileError(ValueError):
    """A file that cannot be opened at all (not a workbook, not a CSV)."""


def read_figures(
    path: str | Path, *, progress: Progress | None = None, limits: Limits | None = None
) -> FiguresFile:
    """Read a .xlsx workbook, a .csv file (plain or SDMX-CSV, by its header) or a .json file.

    The file is first held to `limits` (chitieu.ingest.file_limits: size, zip directory,
    cells, XML declarations) and read within its parse time, else FileLimitError.
    """
    from chitieu.ingest.file_limits import Limits, check_file, start_deadline, stop_deadline

    limits = limits or Limits.from_env()
    clock = start_deadline(limits)
    try:
        check_file(Path(path), limits)
        return _read_figures(Path(path), progress)
    finally:
        stop_deadline(clock)


def _read_figures(path: Path, progress: Progress | None) -> FiguresFile:
    from chitieu.ingest.figures_json import read_json
    from chitieu.ingest.figures_sdmx import is_sdmx_csv, read_sdmx_csv

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_workbook(path, progress=progress)
    if suffix in (".csv", ".txt"):
        data = path.read_bytes()
        reader = read_sdmx_csv if is_sdmx_csv(data) else read_csv
        return reader(data, name=path.name, progress=progress)
    if suffix == ".json":
        return read_json(path.read_bytes(), name=path.name, progress=progress)
    raise FiguresFileError(f"{path.name}: chỉ nhận tệp .xlsx, .csv (kể cả SDMX-CSV) hoặc .json.")


# -- CSV -------------------------------------------------------------------------


def read_csv(data: bytes, *, name: str, progress: Progress | None = None) -> FiguresFile:
    from chitieu.ingest.file_limits import within_deadline

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(
            Place(None, line),
            "tệp không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); "
            "hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”.",
            "not_utf8",
        )
        return FiguresFile(name, (), (problem,))
    lines = text.splitlines()
    delimiter = _delimiter(lines[0] if lines else "")
    records = list(within_deadline(csv.reader(io.StringIO(text), delimiter=delimiter)))
    return _read_table(name, None, within_deadline(_csv_cells(records)), len(records), progress)


def _delimiter(header: str) -> str:
    # Excel in a Vietnamese locale writes ";" because "," is the decimal mark.
    return max((",", ";", "\t"), key=header.count)


def _csv_cells(records: list[list[str]]) -> Iterator[tuple[int, list[tuple[str, Any]]]]:
    for number, record in enumerate(records, start=1):
        # A text that a spreadsheet would run was written with a leading apostrophe.
        yield number, [(str(index), unescape_csv_text(value)) for index, value in enumerate(record)]


# -- records (the API's JSON rows) ----------------------------------------------------


def read_records(records: Sequence[Mapping[str, Any]], *, name: str) -> FiguresFile:
    """Rows already split into fields (a JSON request), read cell by cell like a file.

    Row numbers are 1-based positions in `records`; a place's column is the field name
    ("value", "period" …). A row with no value is a problem here, not a blank line.
    """
    header = {key: key for key in COLUMNS}
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    for number, record in enumerate(records, start=1):
        cells = [(key, record.get(key)) for key in COLUMNS if record.get(key) is not None]
        row, row_problems = _row(None, number, cells, header, header)
        if row is None and not row_problems:
            row_problems = [
                Problem(Place(None, number, "value"), "thiếu giá trị.", "missing_value")
            ]
        problems += row_problems
        if row is not None:
            rows.append(row)
    problems += duplicates(rows)
    return FiguresFile(name, tuple(rows), tuple(problems))


# -- workbook --------------------------------------------------------------------


def read_workbook(path: Path, *, progress: Progress | None = None) -> FiguresFile:
    import zipfile
    import zlib

    import openpyxl

    from chitieu.ingest.file_limits import within_deadline

    try:
        workbook = openpyxl.load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, zlib.error, OSError, KeyError, ValueError) as error:
        raise FiguresFileError(f"{path.name}: không mở được tệp Excel ({error}).") from error
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    for sheet in workbook.worksheets:
        if _skipped(sheet):
            continue
        cells = within_deadline(_sheet_cells(sheet))
        result = _read_table(path.name, sheet.title, cells, sheet.max_row, progress, sheet=sheet)
        rows += result.rows
        problems += result.problems
    problems += duplicates(rows)
    return FiguresFile(path.name, tuple(rows), tuple(problems))


def _skipped(sheet: Any) -> bool:
    """The instructions sheet and hidden helper sheets (lists for validation) are not data."""
    return fold(sheet.title) == fold(INSTRUCTIONS_SHEET) or sheet.sheet_state != "visible"


def _sheet_cells(sheet: Any) -> Iterator[tuple[int, list[tuple[str, Any]]]]:
    for row in sheet.iter_rows():
        cells = [(cell.column_letter, cell) for cell in row if cell.value is not None]
        if cells:
            yield row[0].row, cells


# -- the table, whatever its container ----------------------------------------------


def _read_table(
    name: str,
    sheet_name: str | None,
    cells: Iterable[tuple[int, list[tuple[str, Any]]]],
    total: int,
    progress: Progress | None,
    *,
    sheet: Any = None,
) -> FiguresFile:
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    header: dict[str, str] | None = None  # column key -> column id
    labels: dict[str, str] = {}  # column id -> what to call it in a message
    header_row = 0
    first_row = 0
    for number, row_cells in cells:
        if progress is not None and number % 1000 == 0:
            progress(number, total)
        if header is None:
            header, labels = _header(row_cells, sheet_name is None)
            header_row = number
            first_row = first_row or number
            if header is not None:
                missing = [LABELS[c] for c in REQUIRED if c not in header]
                if missing:
                    problems.append(
                        Problem(
                            Place(sheet_name, number),
                            f"thiếu cột {', '.join(missing)} ở dòng tiêu đề.",
                            "missing_column",
                        )
                    )
                    return FiguresFile(name, (), tuple(problems))
            continue
        row, row_problems = _row(sheet_name, number, row_cells, header, labels)
        problems += row_problems
        if row is not None:
            rows.append(row)
    if header is None and first_row:
        problems.append(
            Problem(
                Place(sheet_name, first_row),
                "không tìm thấy dòng tiêu đề (cần các cột "
                + ", ".join(LABELS[c] for c in REQUIRED)
                + "); nếu đây là trang ghi chú thêm, hãy xoá hoặc ẩn trang này.",
                "no_header",
            )
        )
    if sheet is not None and header is not None:
        problems += _merged(sheet, header_row)
    if sheet is None:
        problems += duplicates(rows)
    return FiguresFile(name, tuple(rows), tuple(problems))


def _header(
    row_cells: Sequence[tuple[str, Any]], is_csv: bool
) -> tuple[dict[str, str] | None, dict[str, str]]:
    """The header is the first row naming at least three known columns."""
    found: dict[str, str] = {}
    labels: dict[str, str] = {}
    for column_id, cell in row_cells:
        text = cell_text(cell)
        key = HEADER_KEYS.get(fold(text)) if text else None
        if key is not None and key not in found:
            found[key] = column_id
            labels[column_id] = f"“{text}”" if is_csv else column_id
    return (found, labels) if len(found) >= 3 else (None, {})


def _row(
    sheet_name: str | None,
    number: int,
    row_cells: Sequence[tuple[str, Any]],
    header: dict[str, str],
    labels: dict[str, str],
) -> tuple[FigureRow | None, list[Problem]]:
    by_id = dict(row_cells)
    raw = {key: by_id.get(column_id) for key, column_id in header.items()}
    problems: list[Problem] = []

    def place(key: str) -> Place:
        return Place(sheet_name, number, labels.get(header.get(key, "")))

    for key, cell in raw.items():
        if is_formula(cell):
            problems.append(
                Problem(
                    place(key),
                    f"ô chứa công thức ({cell_value(cell)}); hãy dán giá trị (Paste Values) thay cho công thức.",
                    "formula",
                )
            )
    if problems:
        return None, problems
    values = {key: cell_value(cell) for key, cell in raw.items()}
    if values.get("value") in (None, ""):
        filled = [k for k in ("status", "source", "note") if values.get(k) not in (None, "")]
        if filled:
            problems.append(Problem(place("value"), "thiếu giá trị.", "missing_value"))
        return None, problems
    for key in REQUIRED:
        if values.get(key) in (None, ""):
            problems.append(Problem(place(key), f"thiếu {LABELS[key].lower()}.", "missing"))
    if problems:
        return None, problems
    period = read_period(values["period"], place("period"), problems)
    value, value_text = read_number(values["value"], place("value"), problems)
    status = read_status(values["status"], place("status"), problems)
    indicator = read_code(values["indicator"], place("indicator"), problems)
    locality = read_code(values["locality"], place("locality"), problems)
    if problems or period is None or value is None or status is None:
        return None, problems
    cells = tuple((key, labels.get(column_id, column_id)) for key, column_id in header.items())
    return (
        FigureRow(
            place=Place(sheet_name, number),
            indicator=indicator,
            locality=locality,
            period=period,
            value=value,
            value_text=value_text,
            status=status,
            unit=cell_text(values.get("unit")),
            source=cell_text(values.get("source")),
            note=cell_text(values.get("note")),
            cells=cells,
        ),
        [],
    )


def _merged(sheet: Any, header_row: int) -> list[Problem]:
    return [
        Problem(
            Place(sheet.title, merged.min_row, merged.coord),
            f"các ô {merged.coord} bị gộp; hãy bỏ gộp ô (Unmerge) để mỗi dòng là một số liệu.",
            "merged_cells",
        )
        for merged in sheet.merged_cells.ranges
        if merged.max_row > header_row
    ]


def duplicates(rows: Iterable[FigureRow]) -> list[Problem]:
    first: dict[tuple[str, str, str, str], FigureRow] = {}
    problems = []
    for row in rows:
        earlier = first.setdefault(row.key, row)
        if earlier is not row:
            problems.append(
                Problem(
                    row.place,
                    f"trùng với {earlier.place} (cùng chỉ tiêu {row.indicator}, địa bàn "
                    f"{row.locality}, kỳ {row.period}, loại {row.status.label}).",
                    "duplicate",
                )
            )
    return problems
