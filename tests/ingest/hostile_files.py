"""Hostile figures files, generated on the spot, and a measure of reading one in a child process.

Used by tests/ingest/test_upload_limits.py and benchmarks/hostile_uploads.py. Nothing here is
kept in the repository as a file: each bomb is written where the caller says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

MB = 1024 * 1024
SRC = Path(__file__).resolve().parents[2] / "src"

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
_SHEET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_STRINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>chỉ tiêu</t></si></sst>'
)


def _workbook(path: Path, sheet: Callable[[Callable[[bytes], object]], None], strings: str) -> Path:
    """A minimal .xlsx whose one sheet is written, chunk by chunk, by `sheet(write)`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", strings)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            sheet(out.write)
    return path


def _rows(count: int, dimension: str = "") -> Callable[[Callable[[bytes], object]], None]:
    """A sheet of `count` identical rows of ten numbers (repeated text compresses to nothing)."""
    cells = "<c><v>1</v></c>" * 10  # no r=: each cell takes the next place
    row = f"<row>{cells}</row>".encode()
    head = (_SHEET_OPEN + (f'<dimension ref="{dimension}"/>' if dimension else "")).encode()

    def write(out: Callable[[bytes], object]) -> None:
        out(head + b"<sheetData>")
        block = row * 10_000
        done = 0
        while done < count:
            step = min(10_000, count - done)
            out(block if step == 10_000 else row * step)
            done += step
        out(b"</sheetData></worksheet>")

    return write


def zip_bomb(path: Path, inflated_mb: int = 200) -> Path:
    """A workbook whose one sheet inflates to `inflated_mb` MB of cells from a few hundred KB."""
    row_bytes = len(b"<row>") + 10 * len(b"<c><v>1</v></c>") + len(b"</row>")
    return _workbook(path, _rows(inflated_mb * MB // row_bytes), _STRINGS)


def dense_sheet(path: Path, rows: int, dimension: str = "") -> Path:
    """A workbook of `rows` rows of ten cells; `dimension` is what the sheet claims (may lie)."""
    return _workbook(path, _rows(rows, dimension), _STRINGS)


def entity_bomb(path: Path) -> Path:
    """Billion laughs in sharedStrings.xml: ten levels of ten entities each."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<!DOCTYPE sst [{''.join(entities)}]>"
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>&lol9;</t></si></sst>"
    )
    cell = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    sheet = (_SHEET_OPEN + f"<sheetData>{cell}</sheetData></worksheet>").encode()
    return _workbook(path, lambda write: write(sheet), strings)


def many_sheets(path: Path, count: int = 100) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Trang 1"
    for number in range(2, count + 1):
        workbook.create_sheet(f"Trang {number}")
    workbook.save(path)
    return path


def huge_csv(path: Path, size_mb: int = 300) -> Path:
    """A CSV of `size_mb` MB: a real header, then a sparse tail (nothing held in memory)."""
    with path.open("wb") as out:
        out.write("chỉ tiêu;địa bàn;kỳ;giá trị;loại số liệu\n".encode())
        out.truncate(size_mb * MB)
    return path


def long_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("chỉ tiêu;địa bàn;kỳ;giá trị;loại số liệu\n")
        out.writelines(f"GRDP;HY;{2000 + n % 30};1;Ước\n" for n in range(rows))
    return path


@dataclass(frozen=True)
class Measure:
    code: str  # the refusal's code, "accepted", or the class of another error
    message: str
    seconds: float
    peak_mb: float  # the child's peak resident memory


_CHILD = """
import json, resource, sys, time
from chitieu.ingest.figures_file import read_figures
from chitieu.ingest.file_limits import FileLimitError
start = time.perf_counter()
try:
    read_figures(sys.argv[1])
    code, message = "accepted", ""
except FileLimitError as error:
    code, message = error.code, str(error)
except Exception as error:
    code, message = type(error).__name__, str(error)[:300]
seconds = time.perf_counter() - start
# VmHWM is this program's own peak: ru_maxrss would keep the forking parent's (pytest's) size,
# which Linux carries across exec.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024 if "VmHWM:" in status else (
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps({"code": code, "message": message, "seconds": seconds, "peak": peak}))
"""


def measure(path: Path, env: dict[str, str] | None = None, timeout: float = 600) -> Measure:
    """Read `path` with read_figures in a fresh interpreter: its outcome, time and peak memory."""
    environment = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return Measure("timeout", "", timeout, float("nan"))
    result = json.loads(out.decode().strip().splitlines()[-1]) if out.strip() else {}
    if not result:
        raise RuntimeError(err.decode()[-2000:])
    return Measure(result["code"], result["message"], result["seconds"], result["peak"])
