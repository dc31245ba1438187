"""Errors raised while assessing a target."""

from __future__ import annotations


class AssessmentError(ValueError):
    """A target or a set of figures that cannot be assessed as given.

    `place` names where the problem is (an indicator code, a figure's period,
    a source line) so a reviewer can find it; the message is Vietnamese.
    """

    def __init__(self, message: str, place: str = "") -> None:
        self.place = place
        super().__init__(f"{place}: {message}" if place else message)
