"""The `chitieu` command: one group, one thin module per subcommand.

Every module in this package whose name does not start with an underscore
exposes a click command (or group) named `command`; it is registered here, so
adding a job means adding a module and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from chitieu import __version__

HELP_OPTIONS = ["-h", "--help"]


@click.group(context_settings={"help_option_names": HELP_OPTIONS})
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
