"""The `chitieu` command: one group, one thin module per subcommand.

Every module in this package whose name does not start with an underscore
exposes a click command (or group) named `command`; it is registered here, so
adding a job means adding a module and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

import click

from chitieu import __version__

HELP_OPTIONS = ["-h", "--help"]


class Chitieu(click.Group):
    """The group, whose mistakes are one Vietnamese line on stderr, never a traceback or
    click's English usage block (chitieu.cli._errors)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        from chitieu.cli._errors import explain

        try:
            done = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            click.echo(f"Lỗi: {explain(error)}", err=True)
            sys.exit(error.exit_code)
        except (click.Abort, KeyboardInterrupt, EOFError):
            click.echo("Đã dừng.", err=True)
            sys.exit(1)
        except OSError as error:  # a folder that does not exist, a file it may not write
            from chitieu.cli._errors import explain_os_error

            click.echo(f"Lỗi: {explain_os_error(error)}", err=True)
            sys.exit(1)
        sys.exit(done if isinstance(done, int) else 0)


@click.group(cls=Chitieu, context_settings={"help_option_names": HELP_OPTIONS})
@click.version_option(__version__, "--version", prog_name="chitieu", message="%(prog)s %(version)s")
def main() -> None:
    """chitieu: theo dõi chỉ tiêu nghị quyết (catalogue, số liệu, đánh giá, dự báo, báo cáo)."""


def _register_subcommands() -> None:
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        # A subcommand run on its own (tests do) must offer -h like it does under `chitieu`.
        module.command.context_settings.setdefault("help_option_names", HELP_OPTIONS)
        main.add_command(module.command)


_register_subcommands()
