"""The official assessment words of the results tables, and the order of the scale."""

from __future__ import annotations

from chitieu.catalog.model import Assessment
from chitieu.catalog.text import fold

# Best first: the order of the official scale.
RANKING = (
    Assessment.EXCEEDED,
    Assessment.ACHIEVED,
    Assessment.BASICALLY_ACHIEVED,
    Assessment.NOT_ACHIEVED,
)
_OFFICIAL_WORDS = {
    fold("Vượt"): Assessment.EXCEEDED,
    fold("Đạt"): Assessment.ACHIEVED,
    fold("Cơ bản đạt"): Assessment.BASICALLY_ACHIEVED,
    fold("Không đạt"): Assessment.NOT_ACHIEVED,
    # 1A writes "Chưa đạt" for a finished period; 1B writes "Không đạt" for the same.
    fold("Chưa đạt"): Assessment.NOT_ACHIEVED,
}


def official_status(word: str | None) -> Assessment | None:
    """The official word as a status; 'Chưa đạt' of a finished term reads as Không đạt.

    >>> official_status("Chưa đạt").label
    'Không đạt'
    >>> official_status(None) is None, official_status("ghi chú") is None
    (True, True)
    """
    return _OFFICIAL_WORDS.get(fold(word)) if word else None
