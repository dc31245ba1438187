"""Real processes over the test's own SQLite file: `chitieu worker`, `chitieu serve`.

pytest-django's test database here is a file (settings: DATABASES TEST NAME), so a
transactional test's committed rows are seen by a subprocess pointed at that file.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

SRC = Path(__file__).resolve().parents[3] / "src"


def database_url() -> str:
    """The test database as a URL a subprocess can open: the SQLite file, or PostgreSQL's."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
        return f"postgres://{user}{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    name = str(db["NAME"])
    assert connection.vendor == "sqlite" and "memory" not in name, "needs a file database"
    return f"sqlite:///{Path(name)}"


def environment(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(SRC.parent)]),
        "DATABASE_URL": database_url(),
        "CHITIEU_JOBS_DIR": str(settings.CHITIEU_JOBS_DIR),
        "CHITIEU_JOB_HEARTBEAT": "0.2",
    }
    env.pop("CHITIEU_REDIS_URL", None)
    env.update(extra)
    return env


@contextmanager
def chitieu(*args: str, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m chitieu ARGS` in the background; stopped (SIGTERM, then SIGKILL) at the end."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "chitieu", *args], env=env, stdout=out, stderr=out
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(
    check: Callable[[], Any], *, timeout: float = 60, what: str = "", log: Path | None = None
) -> Any:
    """Call check() until it returns something true; fail with the log after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")
