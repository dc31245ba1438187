"""Who is calling: a personal token (`Authorization: Bearer ctk_…`) or the web session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from chitieu.web.api.services import user_for_token


class TokenAuth(HttpBearer):
    """A token acts as its user: the same role and department scope as on the web."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user  # the services and templates read request.user
        return user


# The browsable page (/api/v1/docs) works for a signed-in user; writes then need the CSRF token.
AUTH = [TokenAuth(), SessionAuth()]
