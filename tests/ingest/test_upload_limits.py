"""Hostile figures files are refused before they are parsed, quickly and in little memory.

Each bomb is generated in tmp_path; the heavy ones are read in a child process whose
peak memory (getrusage) and time are asserted. The bounds are generous: these test
defences (without them a zip bomb takes gigabytes and minutes), not speed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.ingest.figures_file import FiguresFileError, read_csv, read_figures, read_workbook
from chitieu.ingest.file_limits import (
    FileLimitError,
    Limits,
    check_deadline,
    start_deadline,
    stop_deadline,
)
from tests.ingest import hostile_files as hostile

SECONDS = 2.0
PEAK_MB = 300.0


def _refused(path: Path, code: str, env: dict[str, str] | None = None) -> hostile.Measure:
    measured = hostile.measure(path, env)
    assert measured.code == code, measured
    assert measured.seconds < SECONDS, measured
    assert measured.peak_mb < PEAK_MB, measured
    return measured


def _code(path: Path, limits: Limits) -> str:
    with pytest.raises(FileLimitError) as refused:
        read_figures(path, limits=limits)
    return refused.value.code


# -- the four attacks of the issue, each in a child process ---------------------------


@pytest.mark.slow
def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    bomb = hostile.zip_bomb(tmp_path / "bom.xlsx", inflated_mb=200)
    assert bomb.stat().st_size < 2 * hostile.MB
    measured = _refused(bomb, "uncompressed_too_large")
    assert "bom nén" in measured.message


def test_an_xml_entity_bomb_is_refused(tmp_path: Path) -> None:
    measured = _refused(hostile.entity_bomb(tmp_path / "laughs.xlsx"), "xml_entities")
    assert "DOCTYPE" in measured.message and "sharedStrings" in measured.message


def test_a_workbook_of_100_sheets_is_refused(tmp_path: Path) -> None:
    measured = _refused(hostile.many_sheets(tmp_path / "sheets.xlsx", 100), "too_many_sheets")
    assert "100 trang tính" in measured.message


def test_a_300_mb_csv_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = hostile.huge_csv(tmp_path / "big.csv", 300)
    assert big.stat().st_size == 300 * hostile.MB
    measured = _refused(big, "file_too_large")
    assert "300,0 MB" in measured.message and "20,0 MB" in measured.message


# -- each further check on its own, with small limits -------------------------------


def test_a_member_inflating_too_well_is_refused_by_its_ratio(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path / "ratio.xlsx", inflated_mb=5)
    assert _code(path, Limits(uncompressed_mb=50, ratio=100)) == "compression_ratio"


def test_a_sheet_claiming_too_many_cells_is_refused_before_counting(tmp_path: Path) -> None:
    path = hostile.dense_sheet(tmp_path / "claim.xlsx", rows=10, dimension="A1:J5000")
    assert _code(path, Limits(cells=10_000)) == "too_many_cells"
    read_figures(path, limits=Limits(cells=100_000))  # the same file, a higher limit


def test_a_sheet_lying_about_its_size_is_counted_while_streamed(tmp_path: Path) -> None:
    path = hostile.dense_sheet(tmp_path / "liar.xlsx", rows=3_000, dimension="A1:A1")
    with pytest.raises(FileLimitError, match=r"20\.000 ô") as refused:
        read_figures(path, limits=Limits(cells=20_000, ratio=10_000))
    assert refused.value.code == "too_many_cells"


def test_too_many_zip_members_are_refused(tmp_path: Path) -> None:
    path = hostile.many_sheets(tmp_path / "members.xlsx", 20)
    assert _code(path, Limits(members=15)) == "too_many_members"


def test_a_csv_with_too_many_lines_is_refused_while_streamed(tmp_path: Path) -> None:
    path = hostile.long_csv(tmp_path / "long.csv", 3_000)
    assert _code(path, Limits(rows=2_000)) == "too_many_rows"
    assert read_figures(path, limits=Limits(rows=5_000)).name == "long.csv"


def test_the_size_limit_covers_every_kind_of_file(tmp_path: Path) -> None:
    for name in ("a.json", "a.xlsx", "a.csv"):
        path = tmp_path / name
        path.write_bytes(b"x" * 200_000)
        assert _code(path, Limits(upload_mb=0.1)) == "file_too_large"


def test_parsing_past_its_deadline_is_refused(tmp_path: Path) -> None:
    path = hostile.long_csv(tmp_path / "slow.csv", 50)
    with pytest.raises(FileLimitError, match="quá thời gian") as refused:
        read_figures(path, limits=Limits(parse_seconds=-1))
    assert refused.value.code == "parse_timeout"
    clock = start_deadline(Limits(parse_seconds=60))
    check_deadline()  # within its time, nothing is raised
    stop_deadline(clock)


def test_a_refusal_is_a_file_error_for_every_caller(tmp_path: Path) -> None:
    """The web page, the job and the CLI catch FiguresFileError: a refusal needs no new case."""
    with pytest.raises(FiguresFileError):
        read_figures(hostile.entity_bomb(tmp_path / "e.xlsx"))


def test_an_ordinary_workbook_passes(tmp_path: Path) -> None:
    path = hostile.dense_sheet(tmp_path / "ok.xlsx", rows=100, dimension="A1:J100")
    assert read_figures(path).name == "ok.xlsx"


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITIEU_MAX_UPLOAD_MB", "3")
    monkeypatch.setenv("CHITIEU_PARSE_SECONDS", "7")
    monkeypatch.setenv("CHITIEU_MAX_SHEETS", "oops")
    limits = Limits.from_env()
    assert (limits.upload_mb, limits.parse_seconds, limits.sheets) == (3, 7, Limits.sheets)


def test_openpyxl_itself_refuses_entities_through_defusedxml(tmp_path: Path) -> None:
    """The second wall, behind file_limits: openpyxl parses with defusedxml once installed."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
    with pytest.raises(FiguresFileError, match="không mở được"):
        read_workbook(hostile.entity_bomb(tmp_path / "e.xlsx"))


def test_rows_are_read_within_the_deadline_in_a_csv_and_a_workbook(tmp_path: Path) -> None:
    """Past the checks, each row read checks the clock (a slow parse is cut, not waited for)."""
    csv_file = hostile.long_csv(tmp_path / "rows.csv", 10)
    workbook = hostile.dense_sheet(tmp_path / "rows.xlsx", rows=10)
    clock = start_deadline(Limits(parse_seconds=-1))
    try:
        with pytest.raises(FileLimitError, match="quá thời gian"):
            read_csv(csv_file.read_bytes(), name="rows.csv")
        with pytest.raises(FileLimitError, match="quá thời gian"):
            read_workbook(workbook)
    finally:
        stop_deadline(clock)


def test_a_pretty_printed_json_file_is_bounded_by_its_size_not_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text("[\n" + "\n" * 5_000 + "]", encoding="utf-8")
    assert read_figures(path, limits=Limits(rows=100)).rows == ()
