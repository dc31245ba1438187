"""Background jobs: their state and progress, for a client that started one."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Tác vụ nền"])
