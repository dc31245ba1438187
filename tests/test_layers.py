"""The import rules between the layers (docs/developer.md, "The flow").

The web layer never imports the command line: everything a command does is a
function of the core or of a web service, which the pages and an API call too.
The core never imports Django, the web layer or the command line.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "chitieu"
CORE = (
    "quantity",
    "catalog",
    "ingest",
    "exchange",
    "assess",
    "outlook",
    "reports",
    "profile",
    "paths.py",
)


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import of the file, lazy ones inside functions too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def offences(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(SRC)}:{line}: import {name}"
        for path in files
        for line, name in imported(path)
        if any(name == f or name.startswith(f"{f}.") for f in forbidden)
    ]


def test_the_web_layer_never_imports_the_command_line() -> None:
    assert offences(sorted((SRC / "web").rglob("*.py")), ("chitieu.cli",)) == []


@pytest.mark.parametrize("part", CORE)
def test_the_core_never_imports_django_the_web_or_the_command_line(part: str) -> None:
    root = SRC / part
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    assert offences(files, ("django", "chitieu.web", "chitieu.cli")) == []


def test_the_rule_sees_a_lazy_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from chitieu.cli.load import USER_OPTION\n", encoding="utf-8")
    assert [name for _, name in imported(sample)] == ["chitieu.cli.load"]
