"""Where chitieu keeps its data, whatever folder a command is run from.

One home: `CHITIEU_HOME` when it is set; else the checkout the package runs
from (a development install, so `var/` is the repository's own); else
`$XDG_DATA_HOME/chitieu` (`~/.local/share/chitieu`). Its `var/` holds the SQLite
databases and the collected static files. Nothing here depends on the current
folder, so a command gives the same answer from anywhere (docs/deployment.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

PROFILES_INDEX = "profiles.yaml"  # under data/: the shipped profiles, and which one is the demo


def checkout() -> Path | None:
    """The repository the package runs from, or None for an installed package."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "src" / "chitieu").is_dir():
        return root
    return None


def home() -> Path:
    """CHITIEU_HOME, else the checkout, else $XDG_DATA_HOME/chitieu."""
    configured = os.environ.get("CHITIEU_HOME")
    if configured:
        return Path(configured).expanduser().resolve()
    root = checkout()
    if root is not None:
        return root
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data).expanduser().resolve() / "chitieu"


def var() -> Path:
    """The folder of the databases and collected static files."""
    return home() / "var"


def secret_key_file() -> Path:
    """The installation's secret key, made on first start (chitieu.web.secret)."""
    return var() / "secret_key"


def database_file() -> Path:
    """The SQLite file used when DATABASE_URL is not set."""
    return var() / "chitieu.sqlite3"


def demo_database_file() -> Path:
    """The SQLite file `chitieu demo` builds afresh."""
    return var() / "demo.sqlite3"


def data_dirs() -> list[Path]:
    """The folders that may hold place data: the home's data/, then the checkout's data/."""
    found = [home() / "data"]
    root = checkout()
    if root is not None and root / "data" not in found:
        found.append(root / "data")
    return [folder for folder in found if folder.is_dir()]


def source_dirs() -> list[Path]:
    """Where the documents named by stored plans are looked for: every place folder of
    data_dirs(), then the data folders themselves."""
    folders = [sub for base in data_dirs() for sub in sorted(base.iterdir()) if sub.is_dir()]
    return folders + data_dirs()


def default_profile() -> Path | None:
    """CHITIEU_PROFILE, else the demo profile named by data/profiles.yaml, else None."""
    configured = os.environ.get("CHITIEU_PROFILE")
    if configured:
        return Path(configured).expanduser().resolve()
    for base in data_dirs():
        index = base / PROFILES_INDEX
        if index.is_file():
            named = (yaml.safe_load(index.read_text(encoding="utf-8")) or {}).get("demo")
            if named:
                return (base / str(named)).resolve()
    return None
