"""Issue 16's import probe, re-run: 1.000 figures files made from a real export, one mutation
each (tests/web/figures/hostile_files.py), read and imported through the import boundary on a
fresh SQLite store. Prints the files tried, refused, accepted, partial writes and tracebacks,
and per mutation what happened. Run: PYTHONPATH=src python -m benchmarks hostile_imports
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from pathlib import Path

FILES = 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/probe.sqlite3"
        os.environ["CHITIEU_ERROR_LOG"] = f"{folder}/errors.log"
        run(Path(folder))


def run(folder: Path) -> None:
    from chitieu.web.setup import migrate

    migrate()
    from tests.web.builders import web_catalogue
    from tests.web.figures import hostile_files as hostile

    from chitieu.web.plans.services import load_catalogue

    load_catalogue(web_catalogue(), actor=None)
    hostile.seed_store()
    files = hostile.hostile_files(hostile.base_files(folder), FILES)
    started = time.perf_counter()
    outcomes = [hostile.try_file(item, folder) for item in files]
    seconds = time.perf_counter() - started
    results = Counter(o.result for o in outcomes)
    wrongly = [o for o in outcomes if o.kind in hostile.MUST_REFUSE and o.result == "accepted"]
    print(f"hostile_imports: {len(outcomes)} tệp, {seconds:.1f} s")
    print(f"  files tried      {len(outcomes)}")
    print(
        f"  refused          {results['refused'] + results['unreadable']}"
        f" (of which 'tệp không đọc được' at the boundary: {results['unreadable']})"
    )
    print(
        f"  accepted         {results['accepted']} (every one round-trips: "
        f"{results['not_round_trip'] == 0}); should have been refused: {len(wrongly)}"
    )
    print(f"  partial writes   {results['partial_write']}")
    print(f"  tracebacks       {results['traceback']}")
    print(f"  unplaced refusals {results['unplaced']}")
    by_kind: dict[str, Counter[str]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.kind, Counter())[outcome.result] += 1
    for kind, counts in by_kind.items():
        print(f"    {kind:18} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for outcome in outcomes:
        if outcome.result in (
            "traceback",
            "unreadable",
            "partial_write",
            "unplaced",
            "not_round_trip",
        ) or (outcome.kind == "nonsense_number" and outcome.result == "accepted"):
            print(f"  ! {outcome.kind}: {outcome.result}: {outcome.detail}")


if __name__ == "__main__":
    main()
