"""docs/quantity.md keeps up with the code: its units table is the generated one."""

from __future__ import annotations

from pathlib import Path

from chitieu.quantity import UNITS, TargetKind
from chitieu.quantity.units import units_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "quantity.md"


def test_the_units_table_in_the_doc_is_the_generated_one() -> None:
    assert units_markdown() in DOC.read_text(encoding="utf-8")


def test_every_unit_code_appears_in_the_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [code for code in UNITS if f"`{code}`" not in text] == []


def test_every_target_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [kind.value for kind in TargetKind if f"| {kind.value} |" not in text] == []
