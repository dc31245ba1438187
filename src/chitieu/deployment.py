"""Whether this installation runs in production (CHITIEU_PRODUCTION=1): read by the settings
and by commands that must refuse before touching anything (the demo)."""

from __future__ import annotations

import os


def is_production() -> bool:
    return os.environ.get("CHITIEU_PRODUCTION", "") == "1"
