"""chitieu's home and default paths: the same answer from any folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHITIEU_HOME", raising=False)
    monkeypatch.delenv("CHITIEU_PROFILE", raising=False)
    return tmp_path


def test_from_a_checkout_the_home_is_the_checkout_not_the_current_folder() -> None:
    assert paths.checkout() == ROOT
    assert paths.home() == ROOT
    assert paths.database_file() == ROOT / "var" / "chitieu.sqlite3"
    assert paths.demo_database_file() == ROOT / "var" / "demo.sqlite3"


def test_chitieu_home_moves_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHITIEU_HOME", str(tmp_path / "nha"))
    assert paths.database_file() == tmp_path / "nha" / "var" / "chitieu.sqlite3"


def test_an_installed_package_keeps_its_data_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "checkout", lambda: None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.home() == tmp_path / "share" / "chitieu"


def test_the_default_profile_is_the_checkouts_demo_unless_one_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert paths.default_profile() == ROOT / "data" / "hung-yen" / "profile.yaml"
    monkeypatch.setenv("CHITIEU_PROFILE", "ho-so.yaml")
    assert paths.default_profile() == tmp_path / "ho-so.yaml"


def test_the_source_folders_are_the_place_folders_under_data() -> None:
    found = paths.source_dirs()
    assert ROOT / "data" / "hung-yen" in found and found[-1] == ROOT / "data"
