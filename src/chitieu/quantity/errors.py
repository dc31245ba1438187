"""Errors raised while reading numbers, units and targets.

Every error is a ValueError that keeps the text it failed on, an optional
place (file, line, cell) and suggestions, and speaks Vietnamese to the user.
"""

from __future__ import annotations

from collections.abc import Sequence


class QuantityError(ValueError):
    """Base class: `text` is what was read, `place` where it was read."""

    def __init__(
        self,
        message: str,
        *,
        text: str = "",
        place: str | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        self.message = message
        self.text = text
        self.place = place
        self.suggestions = tuple(suggestions)
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"{self.place}: " if self.place else ""
        hint = ""
        if self.suggestions:
            hint = " Có phải là: " + " hoặc ".join(repr(s) for s in self.suggestions) + "?"
        return f"{where}{self.message}{hint}"

    def at(self, place: str) -> QuantityError:
        """The same error, located (the caller knows the file, line or cell)."""
        located = type(self)(
            self.message, text=self.text, place=place, suggestions=self.suggestions
        )
        located.__cause__ = self.__cause__
        return located


class NumberFormatError(QuantityError):
    """A string that is no well-formed number in either convention ("1,2,3", "12..5")."""


class NotATargetError(QuantityError):
    """Input that is not a target expression at all (empty, punctuation, a malformed number)."""


class UnknownUnitError(QuantityError):
    """A unit code that is not in the catalogue."""


class UnitMismatchError(QuantityError):
    """A conversion between units of different dimensions (tỷ đồng → %)."""
