"""`chitieu departments FILE`: departments from CSV or YAML; any problem and nothing changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures

CSV_HEADER = "code,name,indicators,localities"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def invoke(path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["departments", str(path), *args])


def codes(department: str, field: str) -> list[str]:
    from chitieu.web.plans.models import Department

    related = getattr(Department.objects.get(code=department), field)
    return sorted(related.values_list("code", flat=True))


def test_a_csv_defines_departments_with_prefixes(store: dict[str, Any], tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "so.csv",
        f"{CSV_HEADER}\nso_kt,Sở Kinh tế,kt.*,hung_yen/*\nso_yt,Sở Y tế,xh.y_te.bac_si,hung_yen\n",
    )
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert "so_kt (Sở Kinh tế): 1 chỉ tiêu, 3 địa bàn." in result.output
    assert codes("so_kt", "indicators") == ["kt.grdp.tang_truong"]
    # the province, its commune and the former province (the past term's locality) under it
    assert codes("so_kt", "localities") == ["hung_yen", "hung_yen_cu", "xa_tan_hung"]
    assert codes("so_yt", "localities") == ["hung_yen"]


def test_a_yaml_file_says_the_same_with_vietnamese_keys(
    store: dict[str, Any], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "so.yaml",
        "- mã: so_kt\n  tên: Sở Kinh tế\n  chỉ tiêu: [kt.*, xh.y_te.bac_si]\n  địa bàn: [hung_yen]\n",
    )
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert codes("so_kt", "indicators") == ["kt.grdp.tang_truong", "xh.y_te.bac_si"]


def test_topic_and_default_columns_give_what_no_code_names(
    store: dict[str, Any], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "so.csv",
        "mã,tên,chỉ tiêu,địa bàn,chủ đề,mặc định\n"
        "so_yt,Sở Y tế,,hung_yen,bác sĩ; giường bệnh,\n"
        "so_tc,Sở Tài chính,,hung_yen,,x\n",
    )
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert codes("so_yt", "indicators") == ["xh.y_te.bac_si"]
    assert codes("so_tc", "indicators") == ["kt.grdp.tang_truong"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{CSV_HEADER}\nso_kt,Sở Kinh tế,kt.khong_co,hung_yen\n",
         "so.csv, dòng 2, cột “indicators”: Không có chỉ tiêu nào mã “kt.khong_co”."),
        (f"{CSV_HEADER}\nso_kt,Sở Kinh tế,kt.*,hung_yen\nso_yt,Sở Y tế,xh.*,xa_khong_co\n",
         "so.csv, dòng 3, cột “localities”: Không có địa bàn mã “xa_khong_co”."),
        (f"{CSV_HEADER}\nSở KT,Sở Kinh tế,kt.*,hung_yen\n",
         "so.csv, dòng 2, cột “code”: mã sở, ngành “Sở KT” không hợp lệ"),
        ("code,name,indicators\n", "so.csv, dòng 1: thiếu cột localities."),
        ("code,ten,chi tieu,dia ban,ghi chu\n", "so.csv, dòng 1, cột “ghi chu”: không biết cột"),
    ],
)  # fmt: skip
def test_a_file_problem_names_row_and_column_and_changes_nothing(
    store: dict[str, Any], tmp_path: Path, text: str, message: str
) -> None:
    from chitieu.web.plans.models import Department

    result = invoke(write(tmp_path, "so.csv", text))
    assert result.exit_code == 1 and message in result.output
    assert not Department.objects.filter(code__in=["so_kt", "so_yt"]).exists()


def test_a_department_user_cannot_assign(store: dict[str, Any], user: Any, tmp_path: Path) -> None:
    user("soyte")
    path = write(tmp_path, "so.csv", f"{CSV_HEADER}\nso_y_te,Sở Y tế,kt.*,hung_yen\n")
    result = invoke(path, "--user", "soyte")
    assert result.exit_code == 1 and "chỉ bộ phận tổng hợp" in result.output
    assert codes("so_y_te", "indicators") == ["xh.y_te.bac_si"]
