"""`chitieu import-published`: counts on the real files, dry run, a bad row, the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.cli import main
from tests.profiles import PROFILE, copy_place, load_seed_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def resolution(db: Any) -> None:
    """The published figures go to a resolution already in the store (`chitieu init`)."""
    load_seed_resolution()


def counts() -> tuple[int, int, int]:
    from chitieu.web.figures.models import Figure, FigureConflict, FigureRevision

    return Figure.objects.count(), FigureRevision.objects.count(), FigureConflict.objects.count()


def invoke(*args: str, profile: Path = PROFILE) -> Any:
    return CliRunner().invoke(main, ["import-published", "--profile", str(profile), *args])


def test_the_real_files_give_the_documented_counts() -> None:
    """docs/real-figures.md: 280 rows, 251 figures, 22 conflicts, 2 duplicates, 5 unmapped."""
    result = invoke()
    assert result.exit_code == 0, result.output
    assert (
        "280 dòng: 251 số liệu, 22 nguồn khác nhau, 2 nguồn trùng, 5 dòng chưa ánh xạ."
        in result.output
    )
    assert "Đã ghi: 251 số liệu mới" in result.output
    assert counts() == (251, 251, 22)


def test_the_context_series_are_a_context_plan_never_the_default_one() -> None:
    from chitieu.web.dashboard.services import default_plan
    from chitieu.web.plans.models import Plan, PlanKind

    assert invoke().exit_code == 0
    assert Plan.objects.get(code="hung_yen_boi_canh").kind == PlanKind.CONTEXT
    default = default_plan()
    assert default is not None and default.code == "hung_yen_2025_2030"


def test_a_second_import_changes_nothing() -> None:
    assert invoke().exit_code == 0
    before = counts()
    result = invoke()
    assert result.exit_code == 0 and "0 số liệu mới, 0 số liệu sửa, 251 không đổi" in result.output
    assert counts() == before


def test_dry_run_writes_nothing() -> None:
    from chitieu.web.plans.models import Plan

    result = invoke("--dry-run")
    assert result.exit_code == 0, result.output
    assert "Sẽ ghi (chạy thử, chưa ghi gì): 251 số liệu mới" in result.output
    assert counts() == (0, 0, 0)
    assert not Plan.objects.filter(code__in=["hung_yen_2026", "hung_yen_boi_canh"]).exists(), (
        "neither the annual plan nor the context plan is left behind"
    )


def test_without_the_places_resolution_it_says_to_run_init_first(tmp_path: Path) -> None:
    profile = copy_place(tmp_path)
    text = profile.read_text(encoding="utf-8").replace("code: hung_yen\n", "code: noi_khac\n", 1)
    profile.write_text(text, encoding="utf-8")
    result = invoke(profile=profile)
    assert result.exit_code == 1
    assert (
        f"Chưa có nghị quyết của Hưng Yên trong cơ sở dữ liệu; chạy “chitieu init {profile}”"
        in (result.output)
    )


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("value", "abc", "cột “value”: giá trị “abc” không phải số"),
        (
            "locality",
            "Tỉnh Không Có",
            "cột “locality”: địa bàn “Tỉnh Không Có” không có trong ánh xạ",
        ),
    ],
)
def test_one_bad_row_rejects_the_whole_import(
    tmp_path: Path, column: str, bad: str, message: str
) -> None:
    import csv

    profile = copy_place(tmp_path)
    path = profile.parent / "published" / "history-2020-2025.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[9][column] = bad  # line 11 of the file (the header is line 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = invoke(profile=profile)
    assert result.exit_code == 1
    assert "có 1 lỗi; chưa ghi số liệu nào" in result.output
    assert f"“history-2020-2025.csv”, dòng 11, {message}" in result.output
    assert counts() == (0, 0, 0)


def test_the_report_lists_unmapped_rows_and_conflicts(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.md"
    result = invoke("--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    unmapped = text.split("## Dòng chưa ánh xạ")[1].split("## ")[0]
    assert unmapped.count("| history-2020-2025.csv |") + unmapped.count("| actual-2026.csv |") == 5
    assert "nhiều năm" in unmapped
    conflicts = text.split("## Nguồn khác nhau")[1].split("## ")[0]
    assert (
        sum(1 for line in conflicts.splitlines() if line.startswith("| ") and "---" not in line)
        == 23
    )
    assert "| kt.thu_ngan_sach.tong | hung_yen | 2025 | ước | 100.299" in conflicts
