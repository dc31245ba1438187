"""Issue 16's probe of writers at the same time, against a real `chitieu serve` on SQLite.

    PYTHONPATH=src python -m benchmarks.concurrent_writers [--clients 20] [--requests 200]

A demo store in a temporary folder; 20 clients edit one figure over the API (read its ETag,
PATCH with If-Match: the same service as the entry form), 200 requests in all, and five more
add task notes through the task page's form (signed in, with the CSRF token) while
`chitieu import` writes a file of a few thousand rows into the same SQLite file from another
process. Printed: requests, server errors (5xx or a refused connection), conflicts (412/409),
lost updates (an accepted edit missing from the figure's history) and whether the import
landed whole.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

COMMUNES = 750  # × 4 quarters: 3.000 rows
NOTE_CLIENTS, NOTES_EACH = 5, 10
PASSWORD = "chitieu-demo"


def chitieu(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "chitieu", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def prepare(db: Path, folder: Path) -> dict[str, Any]:
    """In this process, through the ORM: communes for the import, a token, the figure."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from chitieu.web.api.services import issue_token
    from chitieu.web.figures.models import Figure
    from chitieu.web.figures.services import record_figure
    from chitieu.web.plans.models import Locality, LocalityKind, Task

    planner = get_user_model().objects.get(username="tonghop")
    if getattr(planner, "profile", None) is not None:
        planner.profile.must_change_password = False
        planner.profile.save()
    _, token = issue_token(planner, "thăm dò", actor=None)
    # The demo's figures are published (locked): the probe edits a draft of its own.
    published = Figure.objects.filter(locality__kind=LocalityKind.PROVINCE, status="uoc").first()
    assert published is not None, "the demo store has no province figure"
    plan = published.indicator.plan
    taken = set(
        Figure.objects.filter(
            indicator=published.indicator, locality=published.locality, status="uoc"
        ).values_list("period", flat=True)
    )
    period = next(str(y) for y in range(plan.term_start, plan.term_end + 1) if str(y) not in taken)
    figure = record_figure(
        published.indicator, published.locality, period, "uoc", published.value,
        actor=planner, expected_version=None, source="Thăm dò",
    )  # fmt: skip
    province = figure.locality
    Locality.objects.bulk_create(
        Locality(code=f"xa_tham_do_{n:04}", name=f"Xã thăm dò {n:04}", kind=LocalityKind.COMMUNE,
                 parent=province)
        for n in range(COMMUNES)
    )  # fmt: skip
    indicator = figure.indicator.code
    lines = ["Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú"] + [
        f"{indicator};xa_tham_do_{n:04};2026-Q{q};{figure.value};ước;;Thăm dò;"
        for n in range(COMMUNES)
        for q in range(1, 5)
    ]
    upload = folder / "nhap_lon.csv"
    upload.write_text("\n".join(lines), encoding="utf-8")
    task = Task.objects.filter(active=True).first()
    assert task is not None
    return {"figure": figure.pk, "token": token, "task": task.pk, "file": upload,
            "start_value": figure.value}  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()
        self.accepted: list[Decimal] = []
        self.notes: list[str] = []

    def add(self, kind: str, status: int | str) -> None:
        with self.lock:
            self.statuses[f"{kind} {status}"] += 1


def send(request: urllib.request.Request, opener: Any = None) -> tuple[int | str, Any]:
    try:
        response = (opener or urllib.request.build_opener()).open(request, timeout=60)
        return response.status, response
    except urllib.error.HTTPError as error:
        return error.code, error
    except OSError as error:
        return type(error).__name__, None


def editor(base: str, setup: dict[str, Any], count: int, n: int, tally: Tally) -> None:
    url = f"{base}/api/v1/figures/{setup['figure']}"
    auth = {"Authorization": f"Bearer {setup['token']}"}
    for i in range(count):
        status, response = send(urllib.request.Request(url, headers=auth))
        if status != 200:
            tally.add("GET", status)
            continue
        etag = response.headers["ETag"]
        value = Decimal(setup["start_value"]) + Decimal(n * 1000 + i + 1) / 100
        body = json.dumps({"value": str(value), "reason": "thăm dò"}).encode()
        request = urllib.request.Request(
            url, data=body, method="PATCH",
            headers={**auth, "If-Match": etag, "Content-Type": "application/json"},
        )  # fmt: skip
        status, _ = send(request)
        tally.add("PATCH", status)
        if status == 200:
            with tally.lock:
                tally.accepted.append(value)


def noter(base: str, setup: dict[str, Any], n: int, tally: Tally) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def csrf() -> str:
        return next(str(c.value) for c in jar if c.name == "csrftoken")

    send(urllib.request.Request(f"{base}/accounts/login/"), opener)
    form = {"username": "tonghop", "password": PASSWORD, "csrfmiddlewaretoken": csrf()}
    login = urllib.request.Request(
        f"{base}/accounts/login/", data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{base}/accounts/login/"},
    )  # fmt: skip
    status, _ = send(login, opener)
    tally.add("login", status)
    page = f"{base}/nhiem-vu/{setup['task']}/"
    for i in range(NOTES_EACH):
        send(urllib.request.Request(page), opener)  # the page, as a person opens it first
        text = f"Thăm dò {n}-{i}"
        form = {"period": "2026", "text": text, "csrfmiddlewaretoken": csrf()}
        request = urllib.request.Request(
            page, data=urllib.parse.urlencode(form).encode(), headers={"Referer": page}
        )
        status, response = send(request, opener)
        tally.add("note", status)
        if status == 200 and response is not None and response.url.rstrip("/") == page.rstrip("/"):
            with tally.lock:
                tally.notes.append(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args, _ = parser.parse_known_args()  # `python -m benchmarks concurrent_writers` too
    folder = Path(tempfile.mkdtemp(prefix="chitieu-probe-"))
    db = folder / "probe.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["CHITIEU_HOME"] = str(folder)
    made = chitieu(env, "demo", "--no-serve", "--db", str(db))
    if made.wait() != 0:
        raise SystemExit(made.stderr.read() if made.stderr else "demo failed")
    setup = prepare(db, folder)
    port = free_port()
    server = chitieu(env, "serve", "--db", str(db), "--port", str(port))
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        tally = Tally()
        each = max(1, args.requests // args.clients)
        threads = [
            threading.Thread(target=editor, args=(base, setup, each, n, tally))
            for n in range(args.clients)
        ] + [
            threading.Thread(target=noter, args=(base, setup, n, tally))
            for n in range(NOTE_CLIENTS)
        ]
        started = time.monotonic()
        importer = chitieu(
            {**env, "DATABASE_URL": f"sqlite:///{db}"},
            "import", "--no-progress", "--confirm-warnings", "thăm dò", str(setup["file"]),
        )  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        imported = importer.wait()
        elapsed = time.monotonic() - started
        import_out = (importer.stdout.read() if importer.stdout else "").strip()
        import_err = (importer.stderr.read() if importer.stderr else "").strip()
    finally:
        server.terminate()
        server.wait()
    report(setup, tally, elapsed, imported, import_out, import_err, folder)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


def report(
    setup: dict[str, Any],
    tally: Tally,
    elapsed: float,
    imported: int,
    import_out: str,
    import_err: str,
    folder: Path,
) -> None:
    from chitieu.web.dashboard.models import TaskNote
    from chitieu.web.figures.models import Figure, FigureRevision

    history = set(
        FigureRevision.objects.filter(figure_id=setup["figure"]).values_list("new_value", flat=True)
    )
    lost = [v for v in tally.accepted if v not in history]
    stored_notes = set(
        TaskNote.objects.filter(task_id=setup["task"]).values_list("text", flat=True)
    )
    lost_notes = [t for t in tally.notes if t not in stored_notes]
    rows = Figure.objects.filter(locality__code__startswith="xa_tham_do_").count()
    statuses = tally.statuses
    patches = sum(v for k, v in statuses.items() if k.startswith("PATCH"))
    errors = sum(
        v for k, v in statuses.items()
        if not re.search(r" (2\d\d|3\d\d|409|412|428)$", k)
    )  # fmt: skip
    print(f"Thư mục: {folder}")
    print(f"Thời gian: {elapsed:.1f} s")
    print(f"Yêu cầu sửa số liệu (PATCH): {patches}; ghi chú nhiệm vụ: {len(tally.notes)} ghi được")
    print("Mã trả lời:", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"Lỗi máy chủ (5xx, mất kết nối): {errors}")
    print(f"Xung đột (412/409, báo là xung đột): {statuses['PATCH 412'] + statuses['PATCH 409']}")
    print(f"Sửa được chấp nhận: {len(tally.accepted)}; mất (không có trong lịch sử): {len(lost)}")
    print(f"Ghi chú mất: {len(lost_notes)}")
    print(f"Nhập tệp {COMMUNES * 4} dòng: mã thoát {imported}, {rows} số liệu trong kho")
    print(f"  {import_out.splitlines()[-1] if import_out else import_err[-300:]}")


if __name__ == "__main__":
    main()
