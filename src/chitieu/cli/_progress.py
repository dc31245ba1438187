"""The terminal counter long jobs share (`chitieu import`, `chitieu load`)."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

Progress = Callable[[int, int], None]


def wanted(flag: bool | None) -> bool:
    """--progress / --no-progress, else on when stderr is a terminal."""
    return sys.stderr.isatty() if flag is None else flag


def counter(done: int, total: int) -> None:
    click.echo(f"\r  … {done}/{total} dòng", nl=False, err=True)
    if done == total:
        click.echo("", err=True)


def announced(progress: Progress | None, title: str = "Đang ghi:") -> Progress | None:
    """The same counter, with its title printed once before the first count."""
    if progress is None:
        return None
    started = False

    def show(done: int, total: int) -> None:
        nonlocal started
        if not started:
            click.echo(title, err=True)
            started = True
        progress(done, total)

    return show
