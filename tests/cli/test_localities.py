"""`chitieu localities FILE`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chitieu.cli import main


@pytest.mark.django_db
def test_localities_loads_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "dia_ban.csv"
    path.write_text(
        "code,name,parent_code,kind\nhung_yen,Tỉnh Hưng Yên,,tinh\nxa_a,Xã A,hung_yen,xã\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["localities", str(path)])
    assert result.exit_code == 0, result.output
    assert "Đã nạp 2 địa bàn mới" in result.output


@pytest.mark.django_db
def test_a_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dia_ban.csv"
    text = "code,name,parent_code,kind\nxa_a,Xã Ánh,,xa\n"
    path.write_bytes(text.encode("cp1252"))  # a Windows "ANSI" file
    result = CliRunner().invoke(main, ["localities", str(path)])
    assert result.exit_code == 1 and "UTF-8" in result.output
