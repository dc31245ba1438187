"""The command-line reference (docs/cli.md), generated from every command's --help.

    python -m chitieu.cli._reference > docs/cli.md

tests/test_docs.py fails when docs/cli.md differs from `render()`, so a new or
changed subcommand is documented in the same change (datasette's cog check).
"""

from __future__ import annotations

import click

from chitieu.cli import main

_WIDTH = 100  # fixed, so the output does not depend on the terminal it runs in

_HEADER = """# Command-line reference

Every `chitieu` subcommand, as its `--help` prints it. This file is generated;
do not edit it by hand. After changing a command, regenerate it with

    .venv/bin/python -m chitieu.cli._reference > docs/cli.md

(`tests/test_docs.py` fails until it matches.) What the commands are for:
[README](../README.md#using-it).
"""


def render() -> str:
    """The whole reference as Markdown: the group first, then each command by name."""
    sections = [_HEADER]
    root = click.Context(
        main,
        info_name="chitieu",
        terminal_width=_WIDTH,
        max_content_width=_WIDTH,
        **main.context_settings,
    )
    sections.extend(_sections(main, root))
    return "\n".join(sections)


def _sections(command: click.Command, context: click.Context) -> list[str]:
    title = context.command_path
    text = "\n".join(line.rstrip() for line in command.get_help(context).splitlines())
    found = [f"## {title}\n\n```\n{text}\n```\n"]
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(context)):
            sub = command.get_command(context, name)
            if sub is None or sub.hidden:
                continue
            child = click.Context(
                sub,
                info_name=name,
                parent=context,
                terminal_width=_WIDTH,
                max_content_width=_WIDTH,
            )
            found.extend(_sections(sub, child))
    return found


if __name__ == "__main__":
    click.echo(render(), nl=False)
