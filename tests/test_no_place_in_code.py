"""A ratchet: no module under src/ names a place, a plan code or a fixed plan year.

What is special to one installation lives in its place profile (data/<place>/profile.yaml)
and the data it names. This test reads every .py, template and static file under src/
(the vendored chart bundle aside) and fails on:

- a province's name: the 34 provinces and cities, and the former provinces the shipped
  data knows, with or without tone marks ("Thanh Hoá", "Thanh Hóa", "Thanh Hoa"), and in
  ASCII slug form ("hung_yen", "hung-yen");
- a plan code: a slug ending in a year or a term ("<place>_2026", "<place>_2025_2030");
- a plan year (2025, 2026, 2030) written as a literal in code: a number, or a string that
  is not a docstring; or in a template's text.

ALLOWED lists the exceptions, each with its reason. It may only shrink: a new entry
needs a reason a reviewer accepts, and an entry that no longer matches anything fails.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from chitieu.catalog.text import fold

SRC = Path(__file__).resolve().parents[1] / "src" / "chitieu"
SUFFIXES = (".py", ".html", ".txt", ".css", ".js", ".json", ".yaml")
SKIPPED = ("static/chitieu/vendor/",)  # third-party code, minified

PROVINCES = (
    # the six centrally-run cities
    "Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh",
    # the 28 provinces (since 1 July 2025)
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    # former provinces the shipped data names
    "Thái Bình",
)  # fmt: skip
# An ASCII form too ambiguous to search for: "hue" is also an English word.
NO_ASCII_FORM = {"Huế"}
YEARS = ("2025", "2026", "2030")
_YEAR = re.compile(rf"(?<![\d.,/])(?:{'|'.join(YEARS)})(?![\d])")
_PLAN_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:19|20)\d\d(?:_(?:19|20)\d\d)?\b")

# (path under src/chitieu, text on the line) -> reason. "*" as text: the whole file.
ALLOWED: dict[tuple[str, str], str] = {
    ("web/settings.py", 'TIME_ZONE = "Asia/Ho_Chi_Minh"'): "the IANA time zone's name",
    # Help texts that show how to write a period: the year is an example, not a plan's.
    ("catalog/period.py", "(dùng dạng 2026, 2026-H1"): "period format example",
    ("web/dashboard/forms.py", '"Ví dụ: 2026, 2026-H1'): "period format example",
    ("web/dashboard/models.py", '"2026, 2026-H1, 2026-Q2"'): "period format example",
    ("web/dashboard/migrations/0001_initial.py", '"2026, 2026-H1, 2026-Q2"'): (
        "period format example (a migration repeats the model's help text)"
    ),
    ("web/dashboard/tasks.py", "(ví dụ 2026, 2026-H1)"): "period format example",
    ("web/entry/forms.py", '"2026, 2026-H1, 2026-Q2, 2026-03"'): "period format example",
    ("web/figures/models.py", '"2026, 2026-H1, 2026-Q2, 2026-03"'): "period format example",
    ("web/figures/migrations/0001_initial.py", '"2026, 2026-H1, 2026-Q2, 2026-03"'): (
        "period format example (a migration repeats the model's help text)"
    ),
    ("web/figures/template.py", "5. Kỳ: 2026 (cả năm)"): "period format example",
    ("ingest/figure_cells.py", "hãy ghi dạng chữ như 2026"): "period format example",
    ("exchange/mapping.py", "(2026, 2026-S1, 2026-Q2, 2026-M03"): "SDMX period format example",
    ("web/api/exchange.py", "(2026-01-01/P5Y cho 2026-2030)"): "SDMX period format example",
    ("web/api/figures_read.py", 'description="2026, 2026-H1, 2026-Q2, 2026-03"'): (
        "period format example"
    ),
    ("web/api/write_schemas.py", '"Kỳ: 2026, 2026-Q1, 2026-03, 2026-H1."'): (
        "period format example"
    ),
    ("outlook/coherence_base.py", '"co_cau.tong_2030"'): (
        "comment example of a check id that names the term's last year"
    ),
}


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _key(text: str) -> str:
    """A found name back to its entry: "thai_binh", "thai-binh" and "thai binh" are one."""
    return re.sub(r"[\s_-]+", " ", text)


def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """One pattern over tone-folded text, one over raw lower-case text (ASCII spellings),
    and the province each spelling belongs to."""
    names: dict[str, str] = {}
    folded, plain = [], []
    for name in PROVINCES:
        words = fold(name).split()
        folded.append(r"[\s_-]+".join(re.escape(w) for w in words))
        names[" ".join(words)] = name
        if name not in NO_ASCII_FORM:
            ascii_words = _ascii(name).split()
            plain.append("[ _-]?".join(ascii_words))
            names[" ".join(ascii_words)] = name
            names["".join(ascii_words)] = name
    return (
        re.compile(rf"(?<!\w)(?:{'|'.join(folded)})(?!\w)"),
        re.compile(rf"(?<![a-z0-9])(?:{'|'.join(plain)})(?![a-z0-9])"),
        names,
    )


BY_FOLD, BY_ASCII, NAME_OF = _patterns()


def source_files() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*")):
        relative = path.relative_to(SRC).as_posix()
        if path.suffix in SUFFIXES and not any(relative.startswith(s) for s in SKIPPED):
            yield path


def _docstring_lines(source: str) -> set[int]:
    """Every line of every docstring (module, class, function)."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


# Python 3.12 tokenizes an f-string into pieces: its text is in FSTRING_MIDDLE tokens.
_STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def _code_years(source: str) -> Iterator[int]:
    """Lines holding a plan year as a number, or inside a string that is not a docstring."""
    docstrings = _docstring_lines(source)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NUMBER and token.string in YEARS:
            yield token.start[0]
        elif token.type in _STRING_TOKENS and token.start[0] not in docstrings:
            text = token.string
            for match in _YEAR.finditer(text):
                yield token.start[0] + text.count("\n", 0, match.start())


@cache
def findings(path: Path) -> tuple[tuple[int, str, str], ...]:
    """(line number, line, what it names) for every place, plan code or year found."""
    return tuple(_findings(path))


def _findings(path: Path) -> Iterator[tuple[int, str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        spellings = {m.group() for m in BY_FOLD.finditer(fold(line))}
        spellings |= {m.group() for m in BY_ASCII.finditer(line.lower())}
        for name in sorted({NAME_OF[_key(s)] for s in spellings}):
            yield number, line, f"tên “{name}”"
        for match in _PLAN_CODE.finditer(line):
            yield number, line, f"mã kế hoạch “{match.group()}”"
    if path.suffix == ".py" and _YEAR.search(text):  # tokenize only where a year is written
        years = set(_code_years(text))
    elif path.suffix == ".html":
        years = {n for n, line in enumerate(lines, start=1) if _YEAR.search(line)}
    else:
        years = set()
    for number in sorted(years):
        yield number, lines[number - 1], "năm kế hoạch viết cố định"


def allowed(relative: str, line: str) -> bool:
    if (relative, "*") in ALLOWED:
        return True
    return any(path == relative and text in line for path, text in ALLOWED)


def test_no_module_names_a_place_a_plan_code_or_a_plan_year() -> None:
    problems = []
    for path in source_files():
        relative = path.relative_to(SRC).as_posix()
        for number, line, what in findings(path):
            if not allowed(relative, line):
                problems.append(f"src/chitieu/{relative}:{number}: {what}: {line.strip()}")
    assert problems == [], (
        "move these into a place profile or its data (data/<place>/), or, for an example "
        "that only illustrates, add an entry with its reason to ALLOWED:\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("entry", sorted(ALLOWED))
def test_every_allowed_entry_still_matches_something(entry: tuple[str, str]) -> None:
    """The allow-list only shrinks: an entry nothing needs any more must go."""
    relative, text = entry
    path = SRC / relative
    assert path.is_file(), f"{relative} is gone: remove its ALLOWED entry"
    found = [line for _, line, _ in findings(path)]
    assert found, f"{relative} names nothing any more: remove its ALLOWED entries"
    if text != "*":
        assert any(text in line for line in found), f"remove ALLOWED[{entry!r}]"


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('PLACE = "Hưng Yên"', True),
        ('code = "hung_yen"', True),
        ("# Thanh Hoá and Thanh Hóa are one province", True),
        ('slug = "thai-binh"', True),
        ("IV. DIỄN BIẾN TỪNG CHỈ TIÊU", False),  # not Điện Biên: đ is not d
        ("the hue of a chart", False),
    ],
)
def test_a_name_is_found_in_every_spelling_and_only_there(
    tmp_path: Path, line: str, named: bool
) -> None:
    path = tmp_path / "sample.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert any(what.startswith("tên") for _, _, what in findings(path)) is named


def test_a_year_in_code_is_found_but_not_in_a_docstring(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(
        '"""Reads the plan of 2026."""\n\nYEAR = 2026\nLABEL = "năm 2030"\n# in 2025\n',
        encoding="utf-8",
    )
    assert [n for n, _, what in findings(path) if what.startswith("năm")] == [3, 4]
