"""Exchange formats: SDMX-CSV, SDMX-JSON, CSV and JSON of figures and targets."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Trao đổi dữ liệu"])
