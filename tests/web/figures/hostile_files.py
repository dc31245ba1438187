"""Hostile figures files made from a real export, one mutation each, and what importing one did.

Shared by the fuzz test (tests/web/figures/test_fuzz_imports.py) and the probe
(benchmarks/hostile_imports.py). A store with the test catalogue gets a few figures; its
export (.csv and .xlsx, by web/figures/exports.py) is the base every file is mutated from.
Each trial reads and imports the file through the import boundary (`guarded`), exactly as the
job, the CLI and the preview do, and says what happened: accepted (and round-tripped),
refused (with a place), a partial write, an unplaced refusal, or an exception that escaped.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

SEED = 16_001  # fixed: the same 1.000 files on every run
FIGURES = """Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú
kt.grdp.tang_truong;hung_yen;2026;8,1;ước;%/năm;Sở Tài chính;
kt.grdp.tang_truong;hung_yen;2026-Q1;7,25;ước;;Sở Tài chính;quý 1
kt.grdp.tang_truong;hung_yen;2026-Q2;7,4;ước;;Sở Tài chính;
kt.grdp.tang_truong;hung_yen;2026-Q3;7,9;sơ bộ;;;
kt.grdp.tang_truong;hung_yen;2027;8,3;ước;;Sở Tài chính;
kt.grdp.tang_truong;hung_yen;2028;8,35;ước;;;
xh.y_te.bac_si;hung_yen;2026;11,5;chính thức;bác sỹ/vạn dân;Sở Y tế;
xh.y_te.bac_si;hung_yen;2027;12,05;ước;;Sở Y tế;
xh.y_te.bac_si;hung_yen;2028;12,4;ước;;;
"""
VALUE = 3  # the value's column in the export
CELL_CODES = {  # problems about one cell: their place has a column
    "not_a_number",
    "ambiguous",
    "english_number",
    "too_many_decimals",
    "beyond_store_limit",
    "beyond_store_decimals",
    "beyond_store_digits",
    "formula",
    "wrong_type",
    "bad_period",
    "bad_status",
    "unknown_indicator",
    "unknown_locality",
    "unit_mismatch",
}


def seed_store() -> None:
    """The figures every mutated file starts from (the catalogue must be loaded)."""
    from chitieu.ingest.figures_file import read_csv
    from chitieu.web.figures.imports import import_figures

    import_figures(read_csv(FIGURES.encode(), name="seed.csv"), actor=None, confirm_warnings="seed")


def base_files(folder: Path) -> dict[str, bytes]:
    """The store exported as .csv and .xlsx (web/figures/exports.py)."""
    from chitieu.web.figures.exports import export_figures

    found = {}
    for suffix in (".csv", ".xlsx"):
        path = folder / f"export{suffix}"
        export_figures(path)
        found[suffix] = path.read_bytes()
    return found


# -- mutations: (table rows as cells) -> rows, or raw bytes -> bytes ------------------


Rows = list[list[Any]]


def _value_row(rows: Rows, rng: random.Random) -> list[Any]:
    return rows[rng.randrange(1, len(rows))]


def _decimals_added(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    row = _value_row(rows, rng)
    digits = "".join(rng.choice("123456789") for _ in range(rng.randint(1, 3)))
    written = str(row[VALUE]) if xlsx else str(row[VALUE]).replace(".", "").replace(",", ".")
    value = f"{Decimal(written).quantize(Decimal('0.01'))}{digits}"
    row[VALUE] = float(value) if xlsx and rng.random() < 0.5 else value.replace(".", ",")
    return rows


ENGLISH = ["1,234.5", "12,345.67", "1,234,567", "7.25", "11.55", "1,000.0", "-1,234.5"]


def _english(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    _value_row(rows, rng)[VALUE] = rng.choice(ENGLISH)
    return rows


HUGE: list[Any] = [1e15, -1e15, 1e300, 1e-30, "1e15", "1.000.000.000.000.000", "99999999999999999"]


def _huge(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    value = rng.choice(HUGE)
    _value_row(rows, rng)[VALUE] = value if xlsx or isinstance(value, str) else repr(value)
    return rows


NONSENSE = [
    "1.2.3", "--5", "5-", "1e5", "١٢", "１２", "1\u00a0234", "NaN", "inf", "-inf", "abc",
    "½", "1/2", "5%", "8,1,2", ",5", "5,", ".", ",", "+-1", "0x10", "1_000", "²", "Ⅻ",
    "8,1 ", "\u2212 5", "1 234", "True", "None", "1.234.56", "=1+1", "'8,1", "৮", "8.1.",
]  # fmt: skip


def _nonsense(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    _value_row(rows, rng)[VALUE] = rng.choice(NONSENSE)
    return rows


def _delete_column(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    column = rng.randrange(len(rows[0]))
    return [row[:column] + row[column + 1 :] for row in rows]


def _duplicate_column(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    column = rng.randrange(len(rows[0]))
    return [[*row, row[column]] for row in rows]


def _swap_headers(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    a, b = rng.sample(range(len(rows[0])), 2)
    rows[0][a], rows[0][b] = rows[0][b], rows[0][a]
    return rows


def _empty_rows(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    for _ in range(rng.randint(1, 4)):
        rows.insert(rng.randrange(0, len(rows) + 1), [None] * len(rows[0]))
    return rows


def _formula(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    row = _value_row(rows, rng)
    row[rng.randrange(len(row))] = rng.choice(["=1+1", "=SUM(D2:D3)", '=HYPERLINK("x")'])
    return rows


def _date(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    when = datetime.datetime(2026, rng.randint(1, 12), rng.randint(1, 28))
    column = rng.choice([VALUE, VALUE, 2, 0])
    _value_row(rows, rng)[column] = when if xlsx else when.strftime("%d/%m/%Y")
    return rows


def _odd_cell(rows: Rows, rng: random.Random, xlsx: bool) -> Rows:
    """A cell of another type or shape: a bool, a long text, an unknown code, a blank."""
    row = _value_row(rows, rng)
    odd: list[Any] = [True, "x" * 5000, "không_có", "", " ", -8.1, 0, "2026-Q9", "kế hoạch"]
    row[rng.randrange(len(row))] = rng.choice(odd)
    return rows


def _truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _random_bytes(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    size = rng.randint(1, 64)
    return data[:start] + rng.randbytes(size) + data[start + size :]


CELL_MUTATIONS: dict[str, Callable[[Rows, random.Random, bool], Rows]] = {
    "decimals_added": _decimals_added,
    "english_number": _english,
    "huge_number": _huge,
    "nonsense_number": _nonsense,
    "deleted_column": _delete_column,
    "duplicated_column": _duplicate_column,
    "swapped_headers": _swap_headers,
    "empty_rows": _empty_rows,
    "formula": _formula,
    "date_in_cell": _date,
    "odd_cell": _odd_cell,
}
BYTE_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": _truncated,
    "random_bytes": _random_bytes,
}
MUST_REFUSE = {"decimals_added", "english_number", "huge_number"}
KINDS = [*CELL_MUTATIONS, "wrong_sheet_name", *BYTE_MUTATIONS]


@dataclass(frozen=True)
class Hostile:
    name: str  # file name, with its extension
    kind: str  # the mutation
    data: bytes


def hostile_files(base: dict[str, bytes], count: int, seed: int = SEED) -> list[Hostile]:
    """`count` files, one mutation each, cycling through the kinds and both formats."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        xlsx = (number // len(KINDS)) % 2 or kind == "wrong_sheet_name"  # a CSV has no sheet
        suffix = ".xlsx" if xlsx else ".csv"
        made.append(
            Hostile(f"dot_{number:04d}_{kind}{suffix}", kind, _mutate(base, kind, suffix, rng))
        )
    return made


def _mutate(base: dict[str, bytes], kind: str, suffix: str, rng: random.Random) -> bytes:
    data = base[suffix]
    if kind in BYTE_MUTATIONS:
        return BYTE_MUTATIONS[kind](data, rng)
    xlsx = suffix == ".xlsx"
    rows = _read_xlsx(data) if xlsx else _read_csv(data)
    if kind == "wrong_sheet_name":
        return (
            _write_xlsx(rows, rng.choice(["Hướng dẫn", "Sheet1", "", "x" * 31])) if xlsx else data
        )
    rows = CELL_MUTATIONS[kind](rows, rng, xlsx)
    return _write_xlsx(rows, "So lieu") if xlsx else _write_csv(rows)


def _read_csv(data: bytes) -> Rows:
    return [list(row) for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))]


def _write_csv(rows: Rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return out.getvalue().encode()


def _read_xlsx(data: bytes) -> Rows:
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _write_xlsx(rows: Rows, title: str) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# -- one trial ---------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    kind: str
    result: str  # accepted | refused | unreadable | partial_write | unplaced | traceback | not_round_trip
    detail: str = ""


def snapshot() -> tuple[Any, ...]:
    from chitieu.web.figures.models import Figure, FigureRevision

    figures = Figure.objects.order_by("pk").values_list("pk", "value", "source", "note", "status")
    return (tuple(figures), FigureRevision.objects.count())


def try_file(hostile: Hostile, folder: Path) -> Outcome:
    """Import the file through the boundary, in a savepoint rolled back after an acceptance."""
    from django.db import transaction

    from chitieu.ingest.figures_file import FiguresFileError, read_figures
    from chitieu.web.figures.import_guard import UNREADABLE, guarded
    from chitieu.web.figures.imports import ImportRejected, import_figures

    path = folder / hostile.name
    path.write_bytes(hostile.data)
    before = snapshot()
    outcome: Outcome
    try:
        with transaction.atomic():
            with guarded(path.name):
                figures_file = read_figures(path)
                import_figures(figures_file, actor=None, confirm_warnings="thử nghiệm")
            outcome = _round_trip(hostile.kind, figures_file)
            transaction.set_rollback(True)  # the next file meets the same store
    except ImportRejected as rejected:
        outcome = _placed(hostile.kind, rejected.problems, UNREADABLE)
        if outcome.result == "unreadable":  # what the boundary caught, for the probe to show
            cause = rejected.__cause__
            outcome = Outcome(hostile.kind, "unreadable", f"{type(cause).__name__}: {cause}"[:200])
    except FiguresFileError as error:
        named = path.name in str(error)
        outcome = Outcome(hostile.kind, "refused" if named else "unplaced", str(error)[:200])
    except Exception as error:  # what the boundary should have caught
        outcome = Outcome(hostile.kind, "traceback", f"{type(error).__name__}: {error}"[:200])
    finally:
        path.unlink()
    if outcome.result != "accepted" and snapshot() != before:
        return Outcome(hostile.kind, "partial_write", outcome.detail)
    return outcome


def _placed(kind: str, problems: list[Any], unreadable: str) -> Outcome:
    for problem in problems:
        place = problem.place
        if problem.code == unreadable:
            return Outcome(kind, "unreadable", problem.message[:200])
        if (
            place.row < 1
            or (problem.code in CELL_CODES and not place.column)
            or not problem.message
        ):
            return Outcome(kind, "unplaced", f"{problem.code} at {place}")
    codes = ",".join(sorted({p.code for p in problems}))
    return Outcome(kind, "refused", codes)


def _round_trip(kind: str, figures_file: Any) -> Outcome:
    """Every row of the accepted file, exported again, has the value the file gave."""
    from chitieu.web.figures.exports import export_rows

    exported = {(*tuple(row[:3]), row[4]): row[VALUE] for row in export_rows(numbers=True)}
    for row in figures_file.rows:
        key = (row.indicator, row.locality, str(row.period), row.status.label)
        if key not in exported or Decimal(str(exported[key])) != row.value:
            return Outcome(kind, "not_round_trip", f"{key}: {row.value} → {exported.get(key)}")
    shown = "; ".join(row.value_text for row in figures_file.rows)
    return Outcome(kind, "accepted", f"{len(figures_file.rows)} rows: {shown}"[:300])
