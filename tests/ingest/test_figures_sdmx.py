"""Reading SDMX-CSV: every problem names its line and column, in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from chitieu.exchange.sdmx_csv import write_sdmx_csv
from chitieu.ingest.figures_file import read_figures
from chitieu.ingest.figures_sdmx import is_sdmx_csv, read_sdmx_csv
from tests.exchange.records import sample_records


def sdmx_text() -> str:
    return write_sdmx_csv(sample_records())


def test_a_csv_starting_with_structure_is_read_as_sdmx(tmp_path: Path) -> None:
    path = tmp_path / "du_lieu.csv"
    path.write_text("\ufeff" + sdmx_text(), encoding="utf-8")
    assert is_sdmx_csv(path.read_bytes())
    result = read_figures(path)
    assert result.problems == () and len(result.rows) == len(sample_records())
    assert str(result.rows[0].at("locality")) == "dòng 2, cột “REF_AREA”"


def test_an_unknown_status_code_names_its_line_and_column() -> None:
    text = sdmx_text().replace(",EST,", ",UOC,", 1)
    result = read_sdmx_csv(text.encode(), name="x.csv")
    (problem,) = result.problems
    assert problem.code == "unknown_code"
    assert str(problem) == (
        "dòng 3, cột “FIGURE_STATUS”: mã “UOC” không có trong danh mục CL_FIGURE_STATUS "
        "(PLAN, EST, PREL, FINAL)."
    )
    assert len(result.rows) == len(sample_records()) - 1


def test_a_bad_period_value_and_a_mismatched_obs_status_are_problems() -> None:
    lines = sdmx_text().splitlines()
    lines[1] = lines[1].replace(",2026,10.5,F,", ",2026-W3,10,5,F,")
    lines[2] = lines[2].replace(",8.1,E,", ",8.1,A,")
    result = read_sdmx_csv("\n".join(lines).encode(), name="x.csv")
    by_place = {(p.place.row, p.place.column): p.code for p in result.problems}
    assert by_place == {
        (2, "“STRUCTURE”"): "columns",  # "10,5" split the line into one column more
        (3, "“OBS_STATUS”"): "status_mismatch",
    }


def test_a_bad_period_and_a_comma_decimal_are_named() -> None:
    lines = sdmx_text().splitlines()
    lines[1] = lines[1].replace(",2026,10.5,F,", ',2026-W3,"10,5",F,')
    result = read_sdmx_csv("\n".join(lines).encode(), name="x.csv")
    assert {(p.place.column, p.code) for p in result.problems} == {
        ("“TIME_PERIOD”", "bad_period"),
        ("“OBS_VALUE”", "not_a_number"),
    }


def test_a_header_that_is_not_sdmx_csv_2_is_refused() -> None:
    result = read_sdmx_csv(b"STRUCTURE,DATAFLOW,INDICATOR\n", name="x.csv")
    assert [p.code for p in result.problems] == ["not_sdmx_csv"]


def test_a_missing_dimension_column_is_refused() -> None:
    header, *rows = sdmx_text().splitlines()
    text = "\n".join([header.replace("REF_AREA", "AREA"), *rows])
    result = read_sdmx_csv(text.encode(), name="x.csv")
    assert [(p.code, p.place.row) for p in result.problems] == [("missing_column", 1)]
    assert "REF_AREA" in result.problems[0].message


def test_another_dataflow_and_a_delete_action_are_refused() -> None:
    lines = sdmx_text().splitlines()
    lines[1] = lines[1].replace("DF_FIGURES", "DF_OTHER")
    lines[2] = lines[2].replace(",I,", ",D,", 1)
    result = read_sdmx_csv("\n".join(lines).encode(), name="x.csv")
    assert {(p.place.row, p.code) for p in result.problems} == {
        (2, "wrong_dataflow"),
        (3, "delete"),
    }


def test_a_repeated_key_is_a_duplicate() -> None:
    lines = sdmx_text().splitlines()
    result = read_sdmx_csv("\n".join([*lines, lines[1]]).encode(), name="x.csv")
    # A row is a record, as a spreadsheet shows it, even where a note spans two lines.
    record = len(sample_records()) + 2
    assert [(p.place.row, p.code) for p in result.problems] == [(record, "duplicate")]
