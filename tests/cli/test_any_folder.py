"""Every command works from any folder, and every user mistake is one Vietnamese line.

The commands run with another folder as the current one (tmp_path): the defaults
(the profile, its documents, the database) come from the package and the profile,
never from the folder; relative paths a user gives are read from that folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from chitieu.cli import main
from tests.profiles import PROFILE, seed_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture(scope="module")
def initialised(django_db_setup: Any, django_db_blocker: Any, elsewhere: Path) -> Iterator[Result]:
    """`chitieu init` run once from another folder, in a transaction rolled back at the end."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        before = Path.cwd()
        os.chdir(elsewhere)
        try:
            yield CliRunner().invoke(main, ["init", str(PROFILE)])
        finally:
            os.chdir(before)
            transaction.set_rollback(True)


@pytest.fixture
def run(initialised: Result, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """run(*args) → the result of `chitieu ARGS` from the other folder."""
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("DATABASE_URL", raising=False)  # `--db` sets it; put it back after
    monkeypatch.delenv("CHITIEU_PROFILE", raising=False)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args))

    return invoke


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def test_init_prints_one_line_per_step(initialised: Result) -> None:
    lines = ok(initialised).splitlines()
    assert lines[0].startswith("Cơ sở dữ liệu: ")
    assert lines[1].startswith("Địa bàn: 3 mới, 0 cập nhật (Tỉnh Hưng Yên, 2 đơn vị cũ")
    assert lines[2].startswith("Nghị quyết bao-cao-chinh-tri-hung-yen-2025-2030.txt: Đã nạp")
    assert any(line.startswith("Số liệu đã công bố: 280 dòng") for line in lines)
    assert "Kế hoạch năm hung_yen_2026: 13 mục tiêu." in lines
    assert lines[-1].startswith("Sở, ngành: 11 (so_tai_chinh so_y_te so_giao_duc_dao_tao ")
    assert lines[-1].endswith("; 0 chỉ tiêu chưa có sở, ngành nhập.")


def test_init_again_changes_nothing_but_records_it(run: Any) -> None:
    from chitieu.web.audit.models import AuditEntry

    applied = AuditEntry.objects.filter(action="ap_dung_ho_so").count()
    output = ok(run("init", str(PROFILE)))
    assert "0 chỉ tiêu mới" in output and "0 số liệu mới, 0 số liệu sửa, 251 không đổi" in output
    assert "Đã lưu 0 số liệu từ văn bản" in output
    assert AuditEntry.objects.filter(action="ap_dung_ho_so").count() == applied + 1


def test_import_published_reads_the_default_profile_and_writes_the_report_here(
    run: Any, elsewhere: Path
) -> None:
    output = ok(run("import-published", "--dry-run", "--report", "bao-cao.md"))
    assert "251 không đổi" in output
    assert (elsewhere / "bao-cao.md").read_text(encoding="utf-8").startswith("# Báo cáo nhập")


def test_plan_check_finds_the_annual_plan_in_the_store(run: Any) -> None:
    output = ok(run("plan-check"))
    assert output.splitlines()[-1].startswith("Bảng mục tiêu quốc gia: Hưng Yên")


def test_backtest_reads_the_profiles_documents(run: Any) -> None:
    assert "Tỷ lệ đúng: 90.0%" in ok(run("backtest", "--as-of", "2023"))


def test_load_and_export_read_and_write_relative_paths_here(run: Any, elsewhere: Path) -> None:
    from chitieu.catalog.io import write_catalogue

    write_catalogue(seed_resolution(), elsewhere / "danh-muc.yaml")
    assert "0 chỉ tiêu mới" in ok(run("load", "danh-muc.yaml"))
    ok(run("export", "-o", "so-lieu.csv"))
    assert (elsewhere / "so-lieu.csv").read_text(encoding="utf-8").startswith("Mã chỉ tiêu,")


def test_demo_builds_the_default_profile(run: Any, elsewhere: Path) -> None:
    output = ok(run("demo", "--no-serve", "--db", "demo.sqlite3"))
    assert "Người dùng demo: 6" in output and "tonghop" in output
    assert f"Cơ sở dữ liệu demo: {elsewhere / 'demo.sqlite3'}" in output


def _broken_profile(folder: Path) -> Path:
    path = folder / "thieu-place.yaml"
    path.write_text("documents: {resolution: {path: x.txt}}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["load", "khong-co.yaml"], "không có tệp “khong-co.yaml”"),
        (["import", "khong-co.xlsx"], "không có tệp “khong-co.xlsx”"),
        (["plan-check", "--plan", "khong_co"], "Không có kế hoạch mã “khong_co”"),
        (["init", "khong-co.yaml"], "khong-co.yaml: không có tệp này"),
        (["init", "BROKEN"], "thiếu khoá “place”"),
        (["import-published", "--profile", "BROKEN"], "thiếu khoá “place”"),
        (["backtest", "--as-of", "2023", "--profile", "khong-co.yaml"], "không có tệp này"),
        (["export", "-o", "khong/co/so-lieu.csv"], "không có thư mục hoặc tệp này"),
        (["report", "results", "--plan", "khong_co", "--format", "docx", "-o", "x.docx"], "khong_co"),
        (["plan-check", "--format", "xml"], "phải là một trong: text, json"),
        (["lod"], "không có lệnh “lod”; có phải “load”?"),
    ],
)  # fmt: skip
def test_a_mistake_is_one_vietnamese_line_saying_what_to_do(
    run: Any, elsewhere: Path, args: list[str], said: str
) -> None:
    broken = str(_broken_profile(elsewhere))
    result = run(*[broken if a == "BROKEN" else a for a in args])
    assert result.exit_code in (1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: "), result.output
    assert said in lines[0]
