"""API fixtures: `api_client("tonghop")` is a test client that sends that user's token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client


class TokenClient(Client):
    """A Django test client whose every request carries `Authorization: Bearer <token>`."""

    def __init__(self, token: str) -> None:
        super().__init__(HTTP_AUTHORIZATION=f"Bearer {token}")
        self.token = token


@pytest.fixture
def api_client(user: Callable[[str], Any]) -> Callable[[str], TokenClient]:
    from chitieu.web.api.services import issue_token

    def make(username: str) -> TokenClient:
        _, text = issue_token(user(username), "kiểm thử", actor=None)
        return TokenClient(text)

    return make
