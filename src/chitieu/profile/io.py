"""Reading a place profile: YAML checked against profile.schema.json, then for meaning.

Every problem is a Vietnamese sentence naming the file and the key
("documents.annual_plans[0].targets") and saying what to write; paths are
resolved against the profile's folder and must exist.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import jsonschema
import yaml

from chitieu.profile import model

SCHEMA_VERSION = 1
_TYPES = {
    "string": "một chuỗi",
    "integer": "một số nguyên",
    "array": "một danh sách",
    "object": "một bảng khoá: giá trị",
    "boolean": "true hoặc false",
}


class ProfileError(ValueError):
    """A profile that cannot be used; `problems` lists each one with its key."""

    def __init__(self, file: Path | str, problems: list[str]) -> None:
        self.file = str(file)
        self.problems = problems
        if len(problems) == 1:
            text = f"Hồ sơ địa phương {file}: {problems[0]}"
        else:
            listing = "\n".join(f"  - {problem}" for problem in problems)
            text = f"Hồ sơ địa phương {file} có {len(problems)} lỗi:\n{listing}"
        super().__init__(text)


def read_profile(path: str | Path) -> model.PlaceProfile:
    """The profile of a YAML file, checked; ProfileError lists what to fix."""
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise ProfileError(
            path, ["không có tệp này; kiểm tra đường dẫn (hoặc biến môi trường CHITIEU_PROFILE)."]
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ProfileError(path, [f"không đọc được YAML ({_one_line(error)})."]) from None
    if not isinstance(data, dict):
        raise ProfileError(path, ["tệp phải là một bảng khoá (place:, documents:, …)."])
    problems = validate(data)
    if problems:
        raise ProfileError(path, problems)
    data.pop("schema_version", None)
    profile = typing.cast(model.PlaceProfile, _build(model.PlaceProfile, data, path.parent))
    profile = dataclasses.replace(profile, file=path)
    problems = list(check(profile))
    if problems:
        raise ProfileError(path, problems)
    return profile


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


# -- the schema -------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (src/chitieu/profile/profile.schema.json)."""
    text = resources.files("chitieu.profile").joinpath("profile.schema.json").read_text("utf-8")
    return typing.cast(dict[str, Any], json.loads(text))


def validate(data: Any) -> list[str]:
    """Every schema violation, as a Vietnamese message naming its key."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # dict.fromkeys: one message once, even when two schema paths find the same mistake
    return list(dict.fromkeys(message for error in errors for message in _messages(error)))


def key_of(parts: Any) -> str:
    """ "documents.annual_plans[0].targets" from a JSON path.

    >>> key_of(["documents", "annual_plans", 0, "targets"])
    'documents.annual_plans[0].targets'
    """
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _messages(error: jsonschema.ValidationError) -> Iterator[str]:
    key = key_of(error.absolute_path)
    where = f"khoá “{key}”" if key else "tệp"
    kind = error.validator
    expected: Any = error.validator_value
    instance: Any = error.instance
    if kind == "required":
        for name in expected:
            if name not in instance:
                yield f"thiếu khoá “{key_of([*error.absolute_path, name])}”."
    elif kind == "additionalProperties":
        schema: Any = error.schema
        known = set(schema.get("properties", {}))
        for name in instance:
            if name not in known:
                allowed = ", ".join(sorted(known))
                yield (
                    f"khoá “{key_of([*error.absolute_path, name])}” không có trong mẫu hồ sơ "
                    f"(các khoá được dùng: {allowed})."
                )
    elif kind == "type":
        yield f"{where} phải là {_TYPES.get(str(expected), str(expected))}."
    elif kind in ("enum", "const"):
        values = expected if kind == "enum" else [expected]
        yield f"{where} phải là một trong: {', '.join(str(v) for v in values)}."
    elif kind == "pattern":
        yield f"{where}: “{instance}” không phải mã hợp lệ (chữ thường không dấu, số, “_”, “-”)."
    elif kind in ("minItems", "maxItems"):
        yield f"{where} phải có đúng {expected} phần tử (ví dụ [năm đầu, năm cuối])."
    elif kind == "anyOf":
        yield f"{where} phải là một danh sách, hoặc đường dẫn tới một tệp."
    else:
        yield f"{where}: {error.message}"


# -- building the dataclasses ------------------------------------------------------


def _build(tp: Any, data: Any, folder: Path) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        if data is None:
            return None
        if len(options) > 1:  # a list inline, or the path of a file holding it
            listed = isinstance(data, list)
            chosen = next(o for o in options if (get_origin(o) is tuple) == listed)
            return _build(chosen, data, folder)
        return _build(options[0], data, folder)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item, folder) for item in data)
        return tuple(_build(arg, item, folder) for arg, item in zip(args, data, strict=True))
    if origin is dict:
        return {str(k): _build(get_args(tp)[1], v, folder) for k, v in data.items()}
    if origin is Literal or tp in (str, int, bool):
        return data
    if tp is Path:
        return (folder / Path(str(data)).expanduser()).resolve()
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        fields = dataclasses.fields(tp)
        return tp(
            **{
                f.name: _build(hints[f.name], data[f.name], folder)
                for f in fields
                if f.name in data
            }
        )
    raise TypeError(f"no reader for {tp!r}")


# -- meaning -----------------------------------------------------------------------


def check(profile: model.PlaceProfile) -> Iterator[str]:
    """What the schema cannot say: files exist, an annual plan names one source, codes are
    unique, a former unit's years run forwards."""
    for key, path in _paths(profile):
        if not path.is_file():
            yield (
                f"khoá “{key}”: không có tệp {profile.relative(path)} (đường dẫn tính từ thư mục "
                "của hồ sơ); sửa đường dẫn hoặc đặt tệp vào đó."
            )
    for n, plan in enumerate(profile.documents.annual_plans):
        if (plan.document is None) == (plan.targets is None):
            yield (
                f"khoá “documents.annual_plans[{n}]”: ghi một trong hai, document (văn bản kế "
                "hoạch) hoặc targets (tệp CSV mục tiêu)."
            )
    for n, unit in enumerate(profile.former_units):
        if unit.years[0] > unit.years[1]:
            yield f"khoá “former_units[{n}].years”: năm đầu lớn hơn năm cuối."
    codes = [
        profile.place.code,
        *(u.code for u in profile.former_units),
        *(loc.code for loc in _inline(profile.localities)),
    ]
    for code, count in Counter(codes).items():
        if count > 1:
            yield f"mã địa bàn “{code}” được khai báo {count} lần (place, former_units, localities)."
    departments = Counter(d.code for d in _inline(profile.departments))
    for code, count in departments.items():
        if count > 1:
            yield f"khoá “departments”: mã sở, ngành “{code}” lặp lại {count} lần."
    defaults = [d.code for d in _inline(profile.departments) if d.default]
    if len(defaults) > 1:
        yield (
            f"khoá “departments”: chỉ một sở, ngành được ghi default: true (đang có "
            f"{', '.join(defaults)})."
        )


def _inline(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else ()


def _paths(profile: model.PlaceProfile) -> Iterator[tuple[str, Path]]:
    documents = profile.documents
    yield "documents.resolution.path", documents.resolution.path
    for n, plan in enumerate(documents.annual_plans):
        for name in ("document", "targets"):
            path = getattr(plan, name)
            if path is not None:
                yield f"documents.annual_plans[{n}].{name}", path
    if documents.published is not None:
        yield "documents.published.mapping", documents.published.mapping
        for n, path in enumerate(documents.published.files):
            yield f"documents.published.files[{n}]", path
    if documents.national_targets is not None:
        yield "documents.national_targets.path", documents.national_targets.path
    for name in ("localities", "departments"):
        value = getattr(profile, name)
        if isinstance(value, Path):
            yield name, value
