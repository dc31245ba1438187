"""A user whose password was set by someone else changes it before doing anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# What a user with a temporary password may still reach: the change page, signing out, files.
_OPEN = ("/accounts/logout/", "/static/")


class PasswordChangeRequired:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        profile = getattr(user, "profile", None) if user and user.is_authenticated else None
        if profile is not None and profile.must_change_password:
            change = reverse("accounts:password")
            if request.path != change and not request.path.startswith(_OPEN):
                return redirect(f"{change}?next={request.get_full_path()}")
        return self.get_response(request)
