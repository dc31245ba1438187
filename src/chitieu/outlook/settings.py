"""The tunable constants of the outlook, in one place (see docs/outlook-method.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Rating(StrEnum):
    TARGET_ACHIEVED = "target_achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    INSUFFICIENT_DATA = "insufficient_data"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Rating.TARGET_ACHIEVED: "Đã đạt mục tiêu",
    Rating.ON_TRACK: "Đúng tiến độ",
    Rating.NEEDS_ACCELERATION: "Cần tăng tốc",
    Rating.LIMITED_PROGRESS: "Tiến bộ hạn chế",
    Rating.DETERIORATION: "Đi xuống",
    Rating.INSUFFICIENT_DATA: "Chưa đủ số liệu",
}

# Order used by the panel's integer codes.
RATINGS: tuple[Rating, ...] = tuple(Rating)


class Measure(StrEnum):
    """How progress is measured for one series."""

    LOG = "log"  # compound growth of the level (money, counts)
    GAP = "gap"  # compound shrinking of the distance to a natural limit (a % near 0 or 100)
    LINEAR = "linear"  # change per year (rates and shares; any zero, negative or sign change)
    AVG_GROWTH = "avg_growth"  # compound average of yearly growth rates
    AVG_LEVEL = "avg_level"  # arithmetic average of yearly levels
    CUMULATIVE = "cumulative"  # sum of yearly amounts
    EVERY_YEAR = "every_year"  # the target each year
    NONE = "none"  # not enough data to choose


MEASURES: tuple[Measure, ...] = tuple(Measure)


@dataclass(frozen=True)
class OutlookSettings:
    decay: float = 0.8  # regression weight of a point one year older than the latest
    level: float = 0.80  # two-sided coverage of the prediction interval
    near_limit: float = 10.0  # percentage points: a target this close to 0 or 100 uses GAP
    on_track: float = 0.95  # R at or above: on track (Open SDG "substantial progress")
    acceleration: float = 0.60  # R at or above (and below on_track): needs acceleration


DEFAULT_SETTINGS = OutlookSettings()
