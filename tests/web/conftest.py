"""Store fixtures for every test under tests/web (defined in tests/web/fixtures.py)."""

from tests.web.fixtures import store, user

__all__ = ["store", "user"]
