"""Store fixtures for every test under tests/web (defined in tests/web/fixtures.py)."""

from typing import Any

import pytest

from tests.web.fixtures import store, user

__all__ = ["store", "user"]


@pytest.fixture(autouse=True)
def immediate_jobs(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Jobs run at once, in the test (django-tasks' immediate backend), their files in a
    temporary folder; tests of the queue itself (tests/web/jobs/test_workers.py) say otherwise."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": [settings.CHITIEU_JOB_QUEUE],
        }
    }
    settings.CHITIEU_JOBS_DIR = tmp_path_factory.mktemp("jobs")
