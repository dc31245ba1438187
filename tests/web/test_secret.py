"""Each installation makes its own secret key, keeps it, and never uses a key from the source."""

from __future__ import annotations

import stat
from pathlib import Path

from django.conf import settings

from chitieu.web.secret import installation_secret


def test_a_key_is_made_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret_key"
    first = installation_secret(path)
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert installation_secret(path) == first


def test_two_installations_have_different_keys(tmp_path: Path) -> None:
    assert installation_secret(tmp_path / "a") != installation_secret(tmp_path / "b")


def test_an_empty_key_file_left_by_a_crash_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "secret_key"
    path.write_text("")
    assert installation_secret(path)


def test_the_settings_do_not_use_a_key_written_in_the_source() -> None:
    from chitieu.web import settings as module

    text = Path(module.__file__).read_text(encoding="utf-8")
    assert settings.SECRET_KEY not in text
