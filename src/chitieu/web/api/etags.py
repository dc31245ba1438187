"""Entity tags: a figure's ETag is its version, so `If-Match` is the web form's optimistic lock.

Read endpoints send `ETag: "v<version>"` for one figure; write endpoints on a figure take
`If-Match` with that tag and refuse with 412 when the figure has changed since (and with
428 when a write that needs it comes without one).
"""

from __future__ import annotations

import re
from typing import Any

_TAG = re.compile(r'^\s*(?:W/)?"v(\d+)"\s*$')


def figure_etag(figure: Any) -> str:
    return f'"v{figure.version}"'


def version_from(if_match: str | None) -> int | None:
    """The version an `If-Match` header names, or None when there is none or it is not ours."""
    if not if_match:
        return None
    match = _TAG.match(if_match)
    return int(match.group(1)) if match else None
