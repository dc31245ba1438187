"""Plain CSV and JSON of figure records: what they hold, and the importer reads them back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chitieu.exchange.plain import write_csv, write_json
from chitieu.exchange.sdmx_csv import write_sdmx_csv
from chitieu.ingest.figures_file import read_figures
from tests.exchange.records import sample_records


def test_json_values_are_plain_decimal_strings() -> None:
    figures = json.loads(write_json(sample_records()))["figures"]
    assert [f["value"] for f in figures] == ["10.5", "8.1", "7.25", "-0.5", "328096", "12.5"]
    assert figures[1]["status"] == "uoc" and figures[1]["review_state"] == "nhap"


def test_csv_has_the_import_columns_and_vietnamese_numbers() -> None:
    lines = write_csv(sample_records()).splitlines()
    assert lines[0] == "Mã chỉ tiêu,Địa bàn,Kỳ,Giá trị,Loại số liệu,Đơn vị,Nguồn,Ghi chú"
    assert (
        lines[2]
        == 'kt.grdp.tang_truong,hung_yen,2026,"8,1",ước,%/năm,Cục Thống kê,"ước tính ""sớm"""'
    )


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("so_lieu.csv", write_csv),
        ("so_lieu.json", write_json),
        ("so_lieu_sdmx.csv", write_sdmx_csv),
    ],
)
def test_every_format_reads_back_to_the_same_figures(name: str, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(write(sample_records()), encoding="utf-8")
    result = read_figures(path)
    assert result.problems == ()
    assert [
        (r.indicator, r.locality, r.period, r.status, r.value, r.source, r.note)
        for r in result.rows
    ] == [
        (r.indicator, r.locality, r.period, r.status, r.value, r.source, r.note)
        for r in sample_records()
    ]
