"""`chitieu backtest --format json` prints the cases and the hit rate."""

from __future__ import annotations

import json

from click.testing import CliRunner

from chitieu.cli.backtest import command


def test_json_has_cases_and_hit_rate() -> None:
    result = CliRunner().invoke(command, ["--as-of", "2023", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["hit_rate"] == 0.9
    assert {
        "code",
        "locality",
        "as_of",
        "rating",
        "projected",
        "final",
        "final_assessment",
        "hit",
    } <= set(data["cases"][0])
