"""Vietnamese numbers, units and target expressions: parse, resolve, convert, format.

Everything that reads a figure or a target from a document goes through here.
See docs/quantity.md for the rules.
"""

from chitieu.quantity.context import NumberContext, Resolution, resolve_number
from chitieu.quantity.errors import (
    NotATargetError,
    NumberFormatError,
    QuantityError,
    UnitMismatchError,
    UnknownUnitError,
)
from chitieu.quantity.format import format_number, format_target, format_value, plain
from chitieu.quantity.numbers import ParsedNumber, parse_number
from chitieu.quantity.parse import parse_target
from chitieu.quantity.target import NumberReading, Target, TargetKind
from chitieu.quantity.units import UNITS, Unit, convert, get_unit, parse_unit

__all__ = [
    "UNITS",
    "NotATargetError",
    "NumberContext",
    "NumberFormatError",
    "NumberReading",
    "ParsedNumber",
    "QuantityError",
    "Resolution",
    "Target",
    "TargetKind",
    "Unit",
    "UnitMismatchError",
    "UnknownUnitError",
    "convert",
    "format_number",
    "format_target",
    "format_value",
    "get_unit",
    "parse_number",
    "parse_target",
    "parse_unit",
    "plain",
    "resolve_number",
]
