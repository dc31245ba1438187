"""Writing: submitting figures (one or many, all or nothing), approving, returning."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Ghi"])
