"""The installation's own secret key, made on first start and kept in the data home.

A fixed key in the source would let anyone who reads it forge sessions and password-reset
links on every installation that forgot to set CHITIEU_SECRET_KEY. Production still
requires the environment variable (settings.py); everywhere else this file is the key.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def installation_secret(path: Path) -> str:
    """The key stored at `path`, created (readable by its owner only) when there is none."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except ValueError:
        path.unlink(missing_ok=True)  # an empty file left by a crash: make the key again
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when two processes start at once, one creates the key and both read it.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    with os.fdopen(handle, "w", encoding="ascii") as stream:
        stream.write(secrets.token_urlsafe(50))
    return _read(path)


def _read(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise ValueError(f"{path} is empty")
    return key
