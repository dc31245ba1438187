"""The shipped profiles: the list in data/profiles.yaml, and the demo (Hưng Yên) profile and
its resolution, each read once (for store tests)."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import Any

from chitieu.catalog.model import Catalogue
from chitieu.profile.model import PlaceProfile

REPO = Path(__file__).resolve().parents[1]
PROFILE = REPO / "data" / "hung-yen" / "profile.yaml"
PROFILES = REPO / "data" / "profiles.yaml"  # the shipped profiles, and which one is the demo


def shipped_profiles() -> list[Path]:
    """Every shipped profile's file, in the order data/profiles.yaml lists them."""
    import yaml

    index = yaml.safe_load(PROFILES.read_text(encoding="utf-8"))
    return [PROFILES.parent / name for name in index["profiles"]]


def profile_id(path: Path) -> str:
    """A shipped profile's test id: its folder ("hung-yen")."""
    return path.parent.name


@cache
def shipped_profile(path: Path) -> PlaceProfile:
    from chitieu.profile.io import read_profile

    return read_profile(path)


@cache
def seed_profile() -> PlaceProfile:
    from chitieu.profile.io import read_profile

    return read_profile(PROFILE)


@cache
def seed_resolution() -> Catalogue:
    """The profile's resolution as the reader gives it (slow: read it once per session)."""
    from chitieu.profile.documents import read_resolution

    return read_resolution(seed_profile())


def load_seed_resolution() -> Any:
    """The resolution loaded into the store (no figures): what `import-published` needs."""
    from chitieu.web.plans.services import load_catalogue

    return load_catalogue(seed_resolution(), actor=None)


def copy_place(tmp_path: Path) -> Path:
    """A copy of data/hung-yen to break a file in; returns the copy's profile."""
    folder = tmp_path / PROFILE.parent.name
    shutil.copytree(PROFILE.parent, folder)
    return folder / PROFILE.name
