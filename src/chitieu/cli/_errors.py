"""Mistakes on the command line, said in Vietnamese: one line, what is wrong and what to do.

`InputFile` is click.Path(exists=True) with its message in Vietnamese and the
folder it looked in; `explain` turns click's own usage errors (a missing argument,
an unknown option, a value not among the choices) into a Vietnamese line.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import Any

import click

_NO_COMMAND = re.compile(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?")


class InputFile(click.Path):
    """An existing file (or folder), relative paths read from the current folder."""

    def __init__(self, *, folder: bool = False) -> None:
        super().__init__(exists=False, file_okay=not folder, dir_okay=folder, path_type=Path)
        self.folder = folder

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(value)
        what = "thư mục" if self.folder else "tệp"
        if not path.exists():
            self.fail(
                f"không có {what} “{value}” (tìm từ thư mục {Path.cwd()}); kiểm tra đường dẫn.",
                param,
                ctx,
            )
        if path.is_dir() != self.folder:
            self.fail(f"“{value}” không phải một {what}.", param, ctx)
        return super().convert(value, param, ctx)


def explain(error: click.ClickException) -> str:
    """One Vietnamese line for a click error; a ClickException of ours is already one."""
    if not isinstance(error, click.UsageError):
        return error.format_message()
    command = error.ctx.command_path if error.ctx else "chitieu"
    return f"{_what(error).rstrip('.')} (xem “{command} -h”)."


def _what(error: click.UsageError) -> str:
    if isinstance(error, click.MissingParameter):
        return f"thiếu {_hint(error)}"
    if isinstance(error, click.NoSuchOption):
        near = f"; có phải {', '.join(error.possibilities)}?" if error.possibilities else ""
        return f"không có tùy chọn {error.option_name}{near}"
    if isinstance(error, click.BadParameter):
        return f"{_hint(error)}: {_bad_value(error)}"
    text = error.format_message()
    if text.startswith("Got unexpected extra argument"):
        return "thừa đối số " + text.split("(", 1)[-1].rstrip(")")
    unknown = _NO_COMMAND.match(text)
    if unknown:
        near = f"; có phải “{unknown.group(2)}”?" if unknown.group(2) else ""
        return f"không có lệnh “{unknown.group(1)}”{near}"
    return f"cách gọi không đúng: {text}"


def _hint(error: click.BadParameter) -> str:
    param = error.param
    if param is None:
        return error.param_hint if isinstance(error.param_hint, str) else "giá trị"
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return " / ".join(param.opts)


def _bad_value(error: click.BadParameter) -> str:
    kind = error.param.type if error.param is not None else None
    if isinstance(kind, click.Choice):
        return "phải là một trong: " + ", ".join(str(c) for c in kind.choices)
    if isinstance(kind, click.IntRange):
        low, high = kind.min, kind.max
        return f"phải là một số nguyên từ {low} đến {high}"
    if kind is click.INT:
        return "phải là một số nguyên"
    return error.message


_OS_ERRORS = {
    errno.ENOENT: "không có thư mục hoặc tệp này; kiểm tra đường dẫn",
    errno.EACCES: "không có quyền đọc, ghi; chọn chỗ khác hoặc xin quyền",
    errno.EISDIR: "đây là một thư mục, cần tên tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
}


def explain_os_error(error: OSError) -> str:
    """ "x/y.csv: không có thư mục hoặc tệp này; kiểm tra đường dẫn." """
    what = _OS_ERRORS.get(error.errno or 0, error.strerror or str(error))
    return f"{error.filename}: {what}." if error.filename else f"{what}."
