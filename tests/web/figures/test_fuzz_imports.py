"""1.000 hostile figures files made from a real export (fixed seed), each read and imported
through the import boundary as the job, the CLI and the preview do: none leaves a traceback or
a partial write, every refusal names its place, every accepted file round-trips, and no file
with more decimals than its unit, an English-style number or a huge number is accepted.
The files and the trial: tests/web/figures/hostile_files.py (benchmarks/hostile_imports.py
prints the same figures)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.web.figures import hostile_files as hostile

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FILES = 1000


def test_a_thousand_hostile_files_are_refused_at_a_place_or_round_trip(
    store: dict[str, Any], tmp_path: Path
) -> None:
    hostile.seed_store()
    files = hostile.hostile_files(hostile.base_files(tmp_path), FILES)
    assert len({item.data for item in files}) > FILES * 0.75, "the mutations differ"
    outcomes = [hostile.try_file(item, tmp_path) for item in files]
    results = Counter(o.result for o in outcomes)
    bad = [o for o in outcomes if o.result not in ("accepted", "refused", "unreadable")]
    assert bad == [], f"{len(bad)} files: {bad[:5]}"
    # only a broken container may end at the boundary's catch-all; a cell is refused at its place
    caught = [
        o for o in outcomes if o.result == "unreadable" and o.kind not in hostile.BYTE_MUTATIONS
    ]
    assert caught == [], f"{len(caught)} files: {caught[:5]}"
    wrongly = [o for o in outcomes if o.kind in hostile.MUST_REFUSE and o.result == "accepted"]
    assert wrongly == [], f"accepted, should have been refused: {wrongly[:5]}"
    # the harness does reach both sides: files accepted and files refused of every kind
    assert results["accepted"] > 100 and results["refused"] > 500
    assert {o.kind for o in outcomes if o.result == "refused"} >= set(hostile.KINDS) - {
        "duplicated_column",
        "empty_rows",
        "wrong_sheet_name",
    }
