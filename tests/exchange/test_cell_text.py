"""Text a spreadsheet would run (OWASP CSV injection) is escaped in CSV and comes back as it was."""

from __future__ import annotations

import pytest

from chitieu.exchange.cell_text import TRIGGERS, csv_text, unescape_csv_text


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_a_csv_cell_that_would_run_is_escaped_and_comes_back_as_it_was(trigger: str) -> None:
    text = trigger + "1+2"
    escaped = csv_text(text)
    assert escaped == "'" + text
    assert unescape_csv_text(escaped) == text


@pytest.mark.parametrize("text", ["Cục Thống kê", "'trích dẫn'", "", "1.234,5"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert csv_text(text) == text and unescape_csv_text(text) == text


@pytest.mark.parametrize("number", ["-1,5", "-1.234,5", "+8,1", "-0.5"])
def test_a_signed_number_is_data_not_a_formula(number: str) -> None:
    assert csv_text(number) == number


def test_the_plain_and_sdmx_csv_writers_escape_text_and_the_readers_undo_it() -> None:
    import dataclasses

    from chitieu.exchange.plain import write_csv
    from chitieu.exchange.sdmx_csv import write_sdmx_csv
    from chitieu.ingest.figures_file import read_csv
    from chitieu.ingest.figures_sdmx import read_sdmx_csv
    from tests.exchange.records import sample_records

    hostile = "=1+2"
    records = [dataclasses.replace(sample_records()[1], note=hostile, source="@A1")]
    plain = write_csv(records)
    assert "'=1+2" in plain and "'@A1" in plain
    sdmx = write_sdmx_csv(records)
    assert "'=1+2" in sdmx and "'@A1" in sdmx
    for rows in (
        read_csv(plain.encode(), name="a.csv").rows,
        read_sdmx_csv(sdmx.encode(), name="b.csv").rows,
    ):
        assert [(r.note, r.source) for r in rows] == [(hostile, "@A1")]
