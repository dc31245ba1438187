"""Start Django lazily, so that the core commands (`chitieu parse` …) never import it."""

from __future__ import annotations

import os


def setup() -> None:
    """Configure settings from the environment and start Django (idempotent)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def migrate(*, verbosity: int = 0) -> None:
    """Create or update the schema; on an SQLite file, create its folder first."""
    setup()
    from django.conf import settings
    from django.core.management import call_command

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and str(database["NAME"]) != ":memory:":
        from pathlib import Path

        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)


def actor_named(username: str | None) -> object | None:
    """The user a CLI job acts as; None (the system) when no name is given."""
    if not username:
        return None
    setup()
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.services import AccountError

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"Không có người dùng “{username}” trong cơ sở dữ liệu.")
    return user
