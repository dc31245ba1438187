"""The place profile a command reads: --profile, else CHITIEU_PROFILE, else the shipped demo.

Shared by the commands that need the place's files (`init`, `demo`,
`import-published`, `plan-check`, `backtest`); a missing or broken profile is one
line of Vietnamese saying what to do, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from chitieu.profile.model import PlaceProfile

PROFILE_OPTION = click.option(
    "--profile",
    "profile_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Hồ sơ địa phương (profile.yaml); mặc định: biến CHITIEU_PROFILE, hoặc hồ sơ demo.",
)


def load_profile(path: Path | None) -> PlaceProfile:
    """The profile at `path`, or the default one; click.ClickException when there is none."""
    from chitieu.paths import default_profile
    from chitieu.profile.io import ProfileError, read_profile

    chosen = path or default_profile()
    if chosen is None:
        raise click.ClickException(
            "Chưa chọn hồ sơ địa phương: ghi đường dẫn tới tệp profile.yaml, hoặc đặt biến "
            "môi trường CHITIEU_PROFILE."
        )
    try:
        return read_profile(chosen)
    except ProfileError as error:
        raise click.ClickException(str(error)) from None
