"""The examples in the core modules' docstrings are true (the core carries doctests on its
parse and format functions; the web layer needs Django set up and is tested elsewhere)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from decimal import Decimal

import pytest

CORE = ("quantity", "catalog", "ingest", "exchange", "assess", "outlook", "reports", "profile")


def _core_modules() -> list[str]:
    names = []
    for package in CORE:
        module = importlib.import_module(f"chitieu.{package}")
        names.append(module.__name__)
        names.extend(
            info.name
            for info in pkgutil.walk_packages(module.__path__, prefix=f"{module.__name__}.")
        )
    return names


def test_the_core_has_doctests() -> None:
    attempted = sum(_run(name).attempted for name in _core_modules())
    assert attempted >= 20


@pytest.mark.parametrize("name", _core_modules())
def test_docstring_examples(name: str) -> None:
    assert _run(name).failed == 0


def _run(name: str) -> doctest.TestResults:
    module = importlib.import_module(name)
    return doctest.testmod(module, extraglobs={"Decimal": Decimal}, verbose=False)
