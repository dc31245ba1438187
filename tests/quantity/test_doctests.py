"""The examples in the quantity modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["context", "format", "numbers", "parse", "tokens", "units"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"chitieu.quantity.{name}")
    result = doctest.testmod(module, extraglobs={"Decimal": __import__("decimal").Decimal})
    assert result.attempted > 0 and result.failed == 0
