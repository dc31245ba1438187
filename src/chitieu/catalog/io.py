"""The catalogue file: YAML (or JSON), schema-validated, in a stable order so diffs read well.

The file form follows the dataclasses of chitieu.catalog.model field by field,
with two flattenings that make it easier to read and edit by hand:
an indicator's target writes its expression's fields (text, kind, low, ...)
beside its own, and a period is written "2026-2030".
Numbers are written as YAML numbers with their exact decimal digits and read
back as Decimal, never through float.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import jsonschema
import yaml

from chitieu.catalog import model
from chitieu.quantity.target import Target

T = TypeVar("T")

SCHEMA_VERSION = 1


class CatalogueFileError(ValueError):
    """A catalogue file that cannot be read; `errors` lists every problem with its place."""

    def __init__(self, path: str, errors: list[str]) -> None:
        self.path = path
        self.errors = errors
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(f"Tệp danh mục {path} không hợp lệ ({len(errors)} lỗi):\n{lines}")


# -- to plain data -----------------------------------------------------------


def to_data(value: Any) -> Any:
    """Turn a catalogue object into plain data (dicts, lists, str, int, Decimal, bool, None)."""
    if isinstance(value, model.IndicatorTarget | model.Candidate):
        return _flatten_target(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _is_default(f, getattr(value, f.name))
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    return value


def _is_default(f: dataclasses.Field[Any], value: Any) -> bool:
    """Fields left at their default are not written: the file shows what was found."""
    return f.default is not dataclasses.MISSING and value == f.default


def _flatten_target(owner: model.IndicatorTarget | model.Candidate) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in dataclasses.fields(owner):
        item = getattr(owner, f.name)
        if _is_default(f, item):
            continue
        if isinstance(item, Target) and f.name in ("value", "target"):
            data.update(to_data(item))
        elif isinstance(owner, model.IndicatorTarget) and f.name == "period_start":
            data["period"] = f"{owner.period_start}-{owner.period_end}"
        elif isinstance(owner, model.IndicatorTarget) and f.name == "period_end":
            continue
        else:
            data[f.name] = to_data(item)
    return data


# -- from plain data -----------------------------------------------------------


def from_data(cls: type[T], data: Any) -> T:
    """Build `cls` (a model dataclass) from plain data written by `to_data`."""
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        if data is None:
            return None
        return _build(options[0], data)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in data)
        return tuple(_build(arg, item) for arg, item in zip(args, data, strict=True))
    if tp is Decimal:
        return _decimal(data)
    if tp is float:
        return float(data)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp in (model.IndicatorTarget, model.Candidate):
        return _unflatten_target(tp, data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    return data


def _unflatten_target(tp: Any, data: dict[str, Any]) -> Any:
    target_names = {f.name for f in dataclasses.fields(Target)}
    target = _build(Target, {k: v for k, v in data.items() if k in target_names})
    rest = {k: v for k, v in data.items() if k not in target_names}
    if tp is model.IndicatorTarget:
        start, end = _period(rest.pop("period"))
        rest["period_start"], rest["period_end"] = start, end
        hints = get_type_hints(tp)
        built = {k: _build(hints[k], v) for k, v in rest.items()}
        return model.IndicatorTarget(value=target, **built)
    hints = get_type_hints(tp)
    built = {k: _build(hints[k], v) for k, v in rest.items()}
    return model.Candidate(target=target, **built)


def _period(text: str | int) -> tuple[int, int]:
    parts = str(text).split("-")
    return int(parts[0]), int(parts[-1])


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("boolean is not a number")
    return Decimal(str(value))


# -- YAML and JSON -------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a person reads the file: repeat values instead of &id001 / *id001


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    tag = (
        "tag:yaml.org,2002:int"
        if value == value.to_integral_value() and "." not in text
        else ("tag:yaml.org,2002:float")
    )
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _represent_decimal)


class _Loader(yaml.SafeLoader):
    pass


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    return Decimal(str(loader.construct_scalar(node)))  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def dumps(catalogue: model.Catalogue, *, fmt: str = "yaml") -> str:
    data = {"schema_version": SCHEMA_VERSION, **to_data(catalogue)}
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_number) + "\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _json_number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def loads(text: str, *, source: str = "<catalogue>") -> model.Catalogue:
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        raise CatalogueFileError(source, [f"không đọc được YAML/JSON: {error}"]) from error
    errors = validate(data)
    if errors:
        raise CatalogueFileError(source, errors)
    data.pop("schema_version", None)
    return from_data(model.Catalogue, data)


def read_catalogue(path: str | Path) -> model.Catalogue:
    path = Path(path)
    return loads(path.read_text(encoding="utf-8"), source=str(path))


def write_catalogue(
    catalogue: model.Catalogue, path: str | Path, *, fmt: str | None = None
) -> None:
    path = Path(path)
    fmt = fmt or ("json" if path.suffix == ".json" else "yaml")
    path.write_text(dumps(catalogue, fmt=fmt), encoding="utf-8")


# -- schema --------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (src/chitieu/catalog/catalogue.schema.json)."""
    text = resources.files("chitieu.catalog").joinpath("catalogue.schema.json").read_text("utf-8")
    return typing.cast(dict[str, Any], json.loads(text))


def validate(data: Any) -> list[str]:
    """Every schema violation, as a Vietnamese message naming its place in the file."""
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(_plain(data)), key=lambda e: list(e.absolute_path)):
        place = "/".join(str(part) for part in error.absolute_path) or "(gốc)"
        problems.append(f"tại {place}: {error.message}")
    return problems


def _plain(data: Any) -> Any:
    """Decimals as floats, only for schema checking (types, not values, are checked)."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(item) for item in data]
    if isinstance(data, Decimal):
        return float(data)
    return data
