"""Loading the localities tree (communes, wards …) from a CSV a user supplies.

Columns: code, name, parent_code, kind. Rows may come in any order; every
problem is reported with its line and nothing is written unless all are good.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from chitieu.catalog.text import fold
from chitieu.web.accounts.permissions import require_admin
from chitieu.web.plans.models import Locality, LocalityKind

KINDS = {fold(key): kind for kind in LocalityKind for key in (kind.value, kind.label)}


@dataclass(frozen=True)
class LocalityRow:
    line: int
    code: str
    name: str
    parent_code: str
    kind: LocalityKind


class LocalityFileError(ValueError):
    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"Tệp {name} có {len(problems)} lỗi; chưa ghi địa bàn nào:\n{listing}")


def read_localities(data: bytes, *, name: str) -> list[LocalityRow]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LocalityFileError(
            name, ["tệp không phải mã UTF-8; hãy lưu lại dạng “CSV UTF-8”."]
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"code", "name", "parent_code", "kind"} - set(reader.fieldnames or ())
    if missing:
        raise LocalityFileError(name, [f"dòng 1: thiếu cột {', '.join(sorted(missing))}."])
    rows, problems, seen = [], [], set()
    for line, record in enumerate(reader, start=2):
        code, label = (record["code"] or "").strip(), (record["name"] or "").strip()
        kind = KINDS.get(fold(record["kind"] or ""))
        if not code or not label:
            problems.append(f"dòng {line}: thiếu mã hoặc tên.")
        elif code in seen:
            problems.append(f"dòng {line}: mã “{code}” lặp lại.")
        elif kind is None:
            problems.append(
                f"dòng {line}: loại “{record['kind']}” không hợp lệ "
                f"({', '.join(k.value for k in LocalityKind)})."
            )
        else:
            seen.add(code)
            rows.append(LocalityRow(line, code, label, (record["parent_code"] or "").strip(), kind))
    problems += _tree_problems(rows)
    if problems:
        raise LocalityFileError(name, problems)
    return rows


def _tree_problems(rows: list[LocalityRow]) -> list[str]:
    parents = {row.code: row.parent_code for row in rows}
    known = set(parents) | set(Locality.objects.values_list("code", flat=True))
    problems = []
    for row in rows:
        if row.parent_code and row.parent_code not in known:
            problems.append(f"dòng {row.line}: không có địa bàn cha mã “{row.parent_code}”.")
            continue
        code, path = row.code, {row.code}
        while parents.get(code):
            code = parents[code]
            if code in path:
                problems.append(
                    f"dòng {row.line}: địa bàn “{row.code}” nằm trong chính nó (vòng lặp)."
                )
                break
            path.add(code)
    return problems


@transaction.atomic
def load_localities(rows: list[LocalityRow], *, actor: Any | None) -> tuple[int, int]:
    """Create or update every row, then link parents; return (created, updated)."""
    require_admin(actor)
    created = 0
    for row in rows:
        _, new = Locality.objects.update_or_create(
            code=row.code, defaults={"name": row.name, "kind": row.kind.value}
        )
        created += new
    by_code = {loc.code: loc for loc in Locality.objects.all()}
    for row in rows:
        locality = by_code[row.code]
        parent = by_code.get(row.parent_code)
        if locality.parent_id != (parent.pk if parent else None):
            locality.parent = parent
            locality.save(update_fields=["parent"])
    return created, len(rows) - created
