"""Limits checked on a figures file before it is parsed: a hostile file is refused cheaply.

A workbook is a zip: its central directory says each member's compressed and
uncompressed size without decompressing anything, and zipfile never hands out more
than the declared size, so the directory bounds what openpyxl may inflate. The
sheets are then streamed in chunks (never held whole) to count their rows and cells
and to refuse any DOCTYPE or ENTITY declaration (an XML entity bomb). A CSV or JSON
file is bounded by its size and its line count, read in chunks.

Pure: no database, no Django. The limits come from the environment (the same
variables the web settings read) unless a caller passes its own.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from chitieu.ingest.figures_file import FiguresFileError

T = TypeVar("T")
MB = 1024 * 1024
CHUNK = MB
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SHEET = re.compile(rb"<(?:\w+:)?sheet[\s/]")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_OVERLAP = 32  # bytes carried from one chunk to the next, so no tag is cut in two


def _env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    upload_mb: float = 20  # the file as sent
    uncompressed_mb: float = 50  # a workbook's members, inflated, all together
    ratio: float = 200  # a member's uncompressed size over its compressed size
    members: int = 500
    sheets: int = 50
    cells: int = 500_000  # all sheets together
    rows: int = 200_000  # a CSV's lines, or a workbook's rows
    parse_seconds: float = 60

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            upload_mb=_env("CHITIEU_MAX_UPLOAD_MB", cls.upload_mb),
            uncompressed_mb=_env("CHITIEU_MAX_UNCOMPRESSED_MB", cls.uncompressed_mb),
            ratio=_env("CHITIEU_MAX_ZIP_RATIO", cls.ratio),
            members=int(_env("CHITIEU_MAX_ZIP_MEMBERS", cls.members)),
            sheets=int(_env("CHITIEU_MAX_SHEETS", cls.sheets)),
            cells=int(_env("CHITIEU_MAX_CELLS", cls.cells)),
            rows=int(_env("CHITIEU_MAX_ROWS", cls.rows)),
            parse_seconds=_env("CHITIEU_PARSE_SECONDS", cls.parse_seconds),
        )

    @property
    def upload_bytes(self) -> int:
        return int(self.upload_mb * MB)


class FileLimitError(FiguresFileError):
    """A file refused by a limit before (or while) it is read: never worth a retry."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _mb(size: float) -> str:
    return f"{size / MB:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".") + " MB"


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# -- the deadline ----------------------------------------------------------------------

_deadline: ContextVar[float | None] = ContextVar("chitieu_parse_deadline", default=None)


def start_deadline(limits: Limits) -> object:
    """Start the parse clock (a token for `stop_deadline`); `check_deadline` reads it."""
    return _deadline.set(time.monotonic() + limits.parse_seconds)


def stop_deadline(token: object) -> None:
    _deadline.reset(token)  # type: ignore[arg-type]


def check_deadline() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise FileLimitError(
            "đọc tệp quá thời gian cho phép; hãy chia tệp thành các tệp nhỏ hơn.", "parse_timeout"
        )


def within_deadline(rows: Iterable[T]) -> Iterator[T]:
    """The same rows, checking the parse clock before each one."""
    for row in rows:
        check_deadline()
        yield row


# -- checks ----------------------------------------------------------------------------


def check_file(path: Path, limits: Limits | None = None) -> None:
    """Refuse `path` (FileLimitError, with a Vietnamese reason) if it is beyond a limit."""
    limits = limits or Limits.from_env()
    size = path.stat().st_size
    if size > limits.upload_bytes:
        raise FileLimitError(
            f"{path.name}: tệp {_mb(size)} lớn hơn giới hạn {_mb(limits.upload_bytes)}.",
            "file_too_large",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        check_workbook(path, limits)
    elif path.suffix.lower() in (".csv", ".txt"):
        check_lines(path, limits)  # a JSON file's lines say nothing: its size bounds it


def check_lines(path: Path, limits: Limits) -> None:
    """A text file's line count, read a chunk at a time."""
    lines = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            check_deadline()
            lines += chunk.count(b"\n")
            if lines > limits.rows:
                raise FileLimitError(
                    f"{path.name}: tệp có hơn {_count(limits.rows)} dòng, vượt giới hạn; "
                    "hãy chia thành các tệp nhỏ hơn.",
                    "too_many_rows",
                )


def check_workbook(path: Path, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise FiguresFileError(f"{path.name}: không mở được tệp Excel ({error}).") from error
    with archive:
        members = archive.infolist()
        _check_directory(path.name, members, limits)
        _check_members(path.name, archive, members, limits)


def _check_directory(name: str, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """What the zip's central directory says, nothing decompressed."""
    if len(members) > limits.members:
        raise FileLimitError(
            f"{name}: tệp Excel có {_count(len(members))} thành phần, vượt giới hạn "
            f"{_count(limits.members)}.",
            "too_many_members",
        )
    sheets = [m for m in members if _is_sheet(m.filename)]
    if len(sheets) > limits.sheets:
        raise FileLimitError(
            f"{name}: tệp có {_count(len(sheets))} trang tính, vượt giới hạn "
            f"{_count(limits.sheets)} trang.",
            "too_many_sheets",
        )
    total = sum(m.file_size for m in members)
    if total > limits.uncompressed_mb * MB:
        raise FileLimitError(
            f"{name}: tệp Excel khi giải nén lên tới {_mb(total)}, vượt giới hạn "
            f"{_mb(limits.uncompressed_mb * MB)} (có thể là tệp “bom nén”).",
            "uncompressed_too_large",
        )
    for member in members:
        # A small member may compress oddly well; only a big one is a threat.
        if member.file_size > MB and member.file_size > limits.ratio * max(member.compress_size, 1):
            raise FileLimitError(
                f"{name}: thành phần {member.filename} nén với tỉ lệ bất thường "
                f"({_count(member.file_size // max(member.compress_size, 1))} lần; có thể là "
                "tệp “bom nén”).",
                "compression_ratio",
            )


def _is_sheet(filename: str) -> bool:
    return filename.startswith(("xl/worksheets/", "xl/chartsheets/")) and filename.endswith(".xml")


def _check_members(
    name: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], limits: Limits
) -> None:
    """Stream every XML member: no declarations anywhere; rows, cells and sheets counted."""
    cells = rows = 0
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        sheet = _is_sheet(member.filename)
        first = True
        for chunk, fresh in _chunks(archive, member):
            check_deadline()
            if _DECLARATION.search(chunk):
                raise FileLimitError(
                    f"{name}: tệp Excel chứa khai báo DOCTYPE/ENTITY trong {member.filename}; "
                    "tệp Excel thật không có khai báo này (có thể là tệp “bom XML”).",
                    "xml_entities",
                )
            if member.filename == "xl/workbook.xml" and len(_SHEET.findall(chunk)) > limits.sheets:
                raise FileLimitError(
                    f"{name}: tệp có hơn {_count(limits.sheets)} trang tính, vượt giới hạn.",
                    "too_many_sheets",
                )
            if not sheet:
                continue
            if first:
                _check_dimension(name, member.filename, chunk, limits)
                first = False
            cells += sum(1 for m in _CELL.finditer(chunk) if m.end() > fresh)
            rows += sum(1 for m in _ROW.finditer(chunk) if m.end() > fresh)
            if cells > limits.cells or rows > limits.rows:
                raise FileLimitError(
                    f"{name}: tệp có hơn {_count(limits.cells)} ô hoặc {_count(limits.rows)} "
                    "dòng số liệu, vượt giới hạn; hãy chia thành các tệp nhỏ hơn.",
                    "too_many_cells",
                )


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[tuple[bytes, int]]:
    """The member in chunks, each prefixed by the tail of the one before; with the offset at
    which its new bytes start (a match ending at or before it was counted already)."""
    tail = b""
    with archive.open(member) as stream:
        while block := stream.read(CHUNK):
            yield tail + block, len(tail)
            tail = block[-_OVERLAP:]


def _check_dimension(name: str, member: str, head: bytes, limits: Limits) -> None:
    """The sheet's own claim of its used range (<dimension ref="A1:K2000"/>), if any."""
    found = _DIMENSION.search(head[:4096])
    if found is None or found.group(3) is None:
        return
    first_column, first_row, last_column, last_row = found.groups()
    width = _column_number(last_column.decode()) - _column_number(first_column.decode()) + 1
    height = int(last_row) - int(first_row) + 1
    if width * height > limits.cells:
        raise FileLimitError(
            f"{name}: trang {member} khai báo vùng {_count(width * height)} ô, vượt giới hạn "
            f"{_count(limits.cells)} ô; hãy chia thành các tệp nhỏ hơn.",
            "too_many_cells",
        )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
