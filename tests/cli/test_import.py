"""`chitieu import`: problems on stderr with exit code 1; dry-run; the written summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures

HEADER = "indicator;locality;period;value;status;source"


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "so_lieu.csv"
    path.write_text(
        f"{HEADER}\nkt.grdp.tang_truong;hung_yen;2026;8,1;ước;Sở Tài chính\n", encoding="utf-8"
    )
    return path


def test_import_writes_and_summarises(store: dict[str, Any], csv_file: Path) -> None:
    from chitieu.web.figures.models import Figure

    result = CliRunner().invoke(main, ["import", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi: 1 số liệu mới" in result.output
    assert Figure.objects.count() == 1


def test_dry_run_lists_changes_and_writes_nothing(store: dict[str, Any], csv_file: Path) -> None:
    from chitieu.web.figures.models import Figure

    result = CliRunner().invoke(main, ["import", "--dry-run", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert "dòng 2: thêm kt.grdp.tang_truong hung_yen 2026 ước = 8,1" in result.output
    assert not Figure.objects.exists()


def test_problems_exit_with_status_1(store: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "hong.csv"
    path.write_text(f"{HEADER}\nkt.khong_co;hung_yen;2026;8,1;ước;\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 1
    assert "dòng 2, cột “indicator”: không có chỉ tiêu mã “kt.khong_co”" in result.output


def test_a_named_user_is_held_to_their_role(
    store: dict[str, Any], user: Any, csv_file: Path
) -> None:
    user("soyte")
    result = CliRunner().invoke(main, ["import", "--user", "soyte", str(csv_file)])
    assert result.exit_code == 1 and "không được giao" in result.output


def test_progress_is_counted_on_stderr_while_writing(store: dict[str, Any], csv_file: Path) -> None:
    result = CliRunner().invoke(main, ["import", "--progress", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert "Đang ghi:" in result.stderr and "1/1 dòng" in result.stderr.split("Đang ghi:")[1]
    assert "Đang ghi" not in result.stdout


def test_unusual_values_need_confirm_warnings_with_a_note(
    store: dict[str, Any], tmp_path: Path
) -> None:
    from chitieu.web.figures.models import Figure, FigureRevision

    path = tmp_path / "tang_vot.csv"
    path.write_text(
        f"{HEADER}\nkt.grdp.tang_truong;hung_yen;2025;8,1;chính thức;Cục Thống kê\n"
        "kt.grdp.tang_truong;hung_yen;2026;162;ước;Sở Tài chính\n",
        encoding="utf-8",
    )
    refused = CliRunner().invoke(main, ["import", str(path)])
    assert refused.exit_code == 1
    assert "có 1 số liệu bất thường; chưa ghi số liệu nào" in refused.output
    assert "dòng 3, cột “value”: 162%/năm gấp 20 lần số liệu kỳ trước" in refused.output
    assert '--confirm-warnings "ghi chú lý do"' in refused.output
    assert not Figure.objects.exists()
    confirmed = CliRunner().invoke(
        main, ["import", str(path), "--confirm-warnings", "Đã đối chiếu báo cáo"]
    )
    assert confirmed.exit_code == 0, confirmed.output
    assert "Bất thường: dòng 3" in confirmed.output
    reason = FigureRevision.objects.get(figure__period="2026").reason
    assert reason.endswith("Xác nhận số liệu bất thường: Đã đối chiếu báo cáo")


def test_a_hostile_file_is_refused_with_its_reason(store: dict[str, Any], tmp_path: Path) -> None:
    from tests.ingest.hostile_files import zip_bomb

    result = CliRunner().invoke(main, ["import", str(zip_bomb(tmp_path / "bom.xlsx", 60))])
    assert result.exit_code == 1
    assert "khi giải nén lên tới 60,0 MB, vượt giới hạn 50,0 MB" in result.output
