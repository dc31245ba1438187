"""What a person (or a place profile) tells the reader about a plan it cannot see in the text.

Every field is optional: the reader works out what it can from the title, the first
lines and the file name, and a hint given here wins over what it found.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanHints:
    plan_code: str | None = None  # "tay_ninh_2026"
    locality: str | None = None  # the place as written: "Tây Ninh", "xã Tân Phú"
    level: str | None = None  # tinh | thanh_pho | xa | phuong | dac_khu
    issuer: str | None = None  # "Hội đồng nhân dân tỉnh Tây Ninh"
    kind: str | None = None  # resolution | annual_plan | five_year_plan
    term: tuple[int, int] | None = None  # a congress term or a 5-year plan: (2025, 2030)
    year: int | None = None  # an annual plan's year: 2026
