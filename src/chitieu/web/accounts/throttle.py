"""Throttling failed sign-ins (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
user name, or from one address, sign-in is refused for AXES_COOLOFF_TIME, in Vietnamese.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class SignInThrottle(AxesStandaloneBackend):
    """Axes' check, for sign-ins that come over the web (they carry a request).

    A sign-in without a request is a script on the server, run by someone who already
    holds the database; axes would refuse it outright, so it is not throttled here."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
        **kwargs: Any,
    ) -> Any | None:  # fmt: skip
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def minutes_locked() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page shown instead of signing in while the user name or address is locked."""
    context = {"minutes": minutes_locked(), "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked.html", context, status=429)
