"""The documentation keeps up with the code (a ratchet, after datasette's test_docs.py):
the CLI reference is the generated one, every code a user meets is explained, every
environment setting is in the deployment guide, and every guide is reachable from the README."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

import pytest

from chitieu.catalog.model import Aggregation, Assessment, Direction
from chitieu.cli._reference import render
from chitieu.quantity import TargetKind

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_the_cli_reference_is_the_generated_one() -> None:
    assert _doc("cli.md") == render(), (
        "docs/cli.md is out of date; regenerate it with "
        "`.venv/bin/python -m chitieu.cli._reference > docs/cli.md`"
    )


def _documented(member: Enum, text: str) -> bool:
    """Written as its code in backticks, or its Vietnamese label as a table cell."""
    label = getattr(member, "label", None)
    return (
        f"`{member.value}`" in text
        or f"| {member.value} |" in text
        or (label is not None and f"| {label} |" in text)
    )


@pytest.mark.parametrize(
    ("enum", "doc"),
    [
        (TargetKind, "quantity.md"),
        (Aggregation, "assessment.md"),
        (Direction, "assessment.md"),
        (Assessment, "assessment.md"),
        (Aggregation, "outlook-method.md"),
    ],
)
def test_every_member_of_a_user_facing_enum_is_documented(enum: type[Enum], doc: str) -> None:
    text = _doc(doc)
    assert [m.value for m in enum if not _documented(m, text)] == [], f"add them to docs/{doc}"


def _environment_settings() -> list[str]:
    source = (ROOT / "src" / "chitieu" / "web" / "settings.py").read_text(encoding="utf-8")
    names = re.findall(r"os\.environ(?:\.get\(\s*|\[\s*)[\"']([A-Z0-9_]+)[\"']", source)
    return sorted(set(names))


def test_the_settings_read_from_the_environment_are_found() -> None:
    assert {"DATABASE_URL", "CHITIEU_SECRET_KEY"} <= set(_environment_settings())


def test_every_environment_setting_is_in_the_deployment_guide() -> None:
    text = _doc("deployment.md")
    missing = [name for name in _environment_settings() if not re.search(rf"`{name}\b", text)]
    assert missing == [], "add them to the settings table of docs/deployment.md"


def test_every_doc_is_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unlinked = [p.name for p in sorted(DOCS.glob("*.md")) if f"(docs/{p.name})" not in readme]
    assert unlinked == [], "link them from README.md"
