"""The departments file: who enters which indicators, for which localities.

CSV or YAML. CSV columns (header in English or Vietnamese): code (mã), name
(tên), indicators (chỉ tiêu), localities (địa bàn); a list cell holds codes
separated by spaces, commas or semicolons. YAML: a list of mappings with the same
keys, lists as YAML lists. An indicator entry is a code or a prefix such as
"kt.thu_ngan_sach.*"; a locality entry a code or "<code>/*" (the locality and
every locality under it). Optional columns give the defaults for what no code
names: topics (chủ đề: words of an indicator's name or code), groups (nhóm:
words of its group's name or code) and default (mặc định: takes the rest).
A place profile's inline departments are read into the same specs. Pure: the
entries are checked against the store when applied (chitieu.web.plans.departments);
`default_owners` decides an indicator's departments from them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chitieu.catalog.text import fold
from chitieu.profile.model import PlaceProfile

COLUMNS = {
    fold(title): key
    for key, titles in {
        "code": ("code", "mã", "ma"),
        "name": ("name", "tên", "ten"),
        "indicators": ("indicators", "chỉ tiêu", "chi tieu"),
        "localities": ("localities", "địa bàn", "dia ban"),
        "topics": ("topics", "chủ đề", "chu de"),
        "groups": ("groups", "nhóm", "nhom"),
        "default": ("default", "mặc định", "mac dinh"),
    }.items()
    for title in titles
}
REQUIRED = ("code", "name", "indicators", "localities")
OPTIONAL = ("topics", "groups", "default")
YES = {"true", "yes", "1", "x", "có", "co"}
SLUG = re.compile(r"^[a-z0-9_-]+$")


class DepartmentsFileError(ValueError):
    """A problem of the departments file, with its row (1-based, the header is row 1) and column."""

    def __init__(
        self, file: str, message: str, *, row: int | None = None, column: str = ""
    ) -> None:
        place = file + (f", dòng {row}" if row else "") + (f", cột “{column}”" if column else "")
        super().__init__(f"{place}: {message}")
        self.row = row
        self.column = column


@dataclass(frozen=True)
class DepartmentSpec:
    code: str
    name: str
    indicators: tuple[str, ...]
    localities: tuple[str, ...]
    row: int
    columns: dict[str, str]  # field -> the column as the file names it
    file: str = ""
    key: str = ""  # a profile's "departments[0]": problems then name the key, not row and column
    topics: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    default: bool = False

    def where(self, field: str) -> str:
        """Where a problem of `field` is: "so.csv, dòng 2, cột “indicators”"."""
        if self.key:
            return f"{self.file}, khoá “{self.key}.{field}”"
        return f"{self.file}, dòng {self.row}, cột “{self.columns.get(field, field)}”"


def read_departments(path: Path) -> list[DepartmentSpec]:
    """The departments of a CSV or YAML file, each checked for form (not yet against the store)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return _read_yaml(path)
    return _read_csv(path)


def _read_csv(path: Path) -> list[DepartmentSpec]:
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    reader = csv.reader(text.splitlines(), dialect)
    header = next(reader, None)
    if header is None:
        raise DepartmentsFileError(path.name, "tệp trống.")
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, title in enumerate(header):
        key = COLUMNS.get(fold(title.strip()))
        if key is None:
            raise DepartmentsFileError(path.name, f"không biết cột “{title}”.", row=1, column=title)
        columns[key], names[key] = index, title
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise DepartmentsFileError(path.name, f"thiếu cột {', '.join(missing)}.", row=1)
    specs = []
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        record = {k: cells[i] if i < len(cells) else "" for k, i in columns.items()}
        specs.append(_spec(path.name, record, number, names))
    return specs


def _read_yaml(path: Path) -> list[DepartmentSpec]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DepartmentsFileError(path.name, f"không đọc được YAML ({error}).") from None
    if not isinstance(data, list):
        raise DepartmentsFileError(path.name, "tệp YAML phải là một danh sách sở, ngành.")
    specs = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DepartmentsFileError(path.name, "mỗi mục phải có code, name, …", row=number)
        record: dict[str, Any] = {}
        names: dict[str, str] = {}
        for title, value in item.items():
            key = COLUMNS.get(fold(str(title).strip()))
            if key is None:
                raise DepartmentsFileError(
                    path.name, f"không biết khoá “{title}”.", row=number, column=str(title)
                )
            record[key], names[key] = value, str(title)
        specs.append(_spec(path.name, record, number, names))
    return specs


def _spec(file: str, record: dict[str, Any], row: int, names: dict[str, str]) -> DepartmentSpec:
    code = str(record.get("code") or "").strip()
    if not SLUG.match(code):
        raise DepartmentsFileError(
            file,
            f"mã sở, ngành “{code}” không hợp lệ (chữ thường không dấu, số, “_”).",
            row=row,
            column=names.get("code", "code"),
        )
    name = str(record.get("name") or "").strip()
    if not name:
        raise DepartmentsFileError(file, "thiếu tên sở, ngành.", row=row, column=names["name"])
    return DepartmentSpec(
        code,
        name,
        _entries(record.get("indicators")),
        _entries(record.get("localities")),
        row,
        {k: names.get(k, k) for k in REQUIRED + OPTIONAL},
        file=file,
        topics=_words(record.get("topics")),
        groups=_words(record.get("groups")),
        default=_yes(record.get("default")),
    )


def _entries(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(e for e in re.split(r"[\s,;]+", str(value)) if e)


def _words(value: Any) -> tuple[str, ...]:
    """Keywords: a YAML list, or a cell separated by commas or semicolons (words keep spaces)."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else re.split(r"[,;]", str(value))
    return tuple(str(v).strip() for v in items if str(v).strip())


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return fold(str(value or "").strip()) in YES


def profile_departments(profile: PlaceProfile) -> list[DepartmentSpec]:
    """The departments a profile names, inline or in its departments file."""
    if isinstance(profile.departments, Path):
        return read_departments(profile.departments)
    where = profile.relative(profile.file)
    return [
        DepartmentSpec(
            entry.code,
            entry.name,
            entry.indicators,
            entry.localities,
            row=number,
            columns={key: key for key in REQUIRED + OPTIONAL},
            file=where,
            key=f"departments[{number - 1}]",
            topics=entry.topics,
            groups=entry.groups,
            default=entry.default,
        )
        for number, entry in enumerate(profile.departments, start=1)
    ]
