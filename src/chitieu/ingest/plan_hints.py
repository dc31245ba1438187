"""What a person (or a place profile) tells the reader about a plan it cannot see in the text.

Every field is optional: the reader works out what it can from the title, the first
lines and the file name, and a hint given here wins over what it found.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanHints:
    plan_code: str | None = None  # "<place>_<year>"
    locality: str | None = None  # the place as written: "Kim Sơn", "xã Tân Phú"
    level: str | None = None  # tinh | thanh_pho | xa | phuong | dac_khu
    issuer: str | None = None  # "Hội đồng nhân dân tỉnh Kim Sơn"
    kind: str | None = None  # resolution | annual_plan | five_year_plan
    term: tuple[int, int] | None = None  # a congress term or a 5-year plan: (first, last year)
    year: int | None = None  # an annual plan's year
    # units merged into the place: (locality code of their results table, name)
    former_units: tuple[tuple[str, str], ...] | None = None
