"""The "who did it" field every audited model carries."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


def person_field(verbose_name: str) -> Any:
    """A nullable link to the user who acted; None is the system (a CLI job, an import).

    PROTECT: a user who appears in the history cannot be deleted, so no history loses its author.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
