"""`chitieu audit`: the JSON contract other tools read, and the readable reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from chitieu.ingest.pipeline import ingest

ROW_KEYS = {
    "table",
    "stt",
    "indicator",
    "target_text",
    "result_text",
    "official",
    "computed",
    "agree",
    "reason",
}


@pytest.fixture(scope="module")
def report(seed_path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["audit", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_json_has_the_contract_keys(report: dict[str, Any]) -> None:
    assert {"rows", "agreement", "summary_claims", "groups", "resolutions"} <= set(report)
    assert all(set(row) >= ROW_KEYS for row in report["rows"])
    assert all(
        {"line", "text", "verdict", "detail"} <= set(claim) for claim in report["summary_claims"]
    )


def test_json_agreement_and_the_one_disagreement(report: dict[str, Any]) -> None:
    assert report["agreement"] == {"agree": 51, "total": 52}
    (row,) = [row for row in report["rows"] if row["agree"] is False]
    assert (row["table"], row["indicator"], row["official"], row["computed"]) == (
        "1A",
        "Giá trị",
        "Đạt",
        "Vượt",
    )


def test_json_rows_use_vietnamese_labels_and_null_agree(report: dict[str, Any]) -> None:
    by_line = {row["line"]: row for row in report["rows"]}
    assert (by_line[1134]["computed"], by_line[1134]["agree"]) == ("Cơ bản đạt", True)
    assert (by_line[1293]["computed"], by_line[1293]["agree"]) == ("Không đánh giá được", None)
    assert by_line[835]["official"] is None and by_line[835]["agree"] is None


def test_json_verdicts_of_the_summary_claims(report: dict[str, Any]) -> None:
    verdicts = [c["verdict"] for c in report["summary_claims"]]
    assert verdicts == ["depends on rule"] * 2 + ["agrees"] * 4
    first = report["summary_claims"][0]
    assert first["verdict_label"] == "Khớp theo một cách tính"
    assert (first["counts"]["lenient"], first["holds_under"]) == (12, ["lenient"])
    assert (first["counts"]["each"], first["totals"]["each"]) == (15, 35)


def test_json_names_the_counting_rules(report: dict[str, Any]) -> None:
    codes = [rule["code"] for rule in report["counting_rules"]]
    assert codes == ["lenient", "head", "majority", "strict", "each"]
    assert all(set(c["counts"]) == set(codes) for c in report["summary_claims"])


def test_json_groups_carry_the_rule_and_alternatives(report: dict[str, Any]) -> None:
    group = next(g for g in report["groups"] if (g["table"], g["stt"]) == ("1A", "11"))
    assert (group["rule"], group["official"]) == ("strict", "Không đạt")
    assert group["alternatives"]["official"]["lenient"] == "Vượt"


def test_json_resolutions_say_how_the_ambiguous_value_was_read(report: dict[str, Any]) -> None:
    (resolution,) = report["resolutions"]
    assert (resolution["line"], resolution["value"]) == (863, 328096)


@pytest.fixture(scope="module")
def catalogue_path(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "catalogue.yaml"
    write_catalogue(ingest(seed_path), path)
    return path


def test_text_report_is_in_vietnamese_with_aligned_columns(catalogue_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(catalogue_path)])
    assert result.exit_code == 0
    assert "Tỷ lệ khớp: 51/52" in result.output
    header = next(line for line in result.output.splitlines() if line.startswith("Bảng"))
    assert header.index("Chỉ tiêu") > header.index("STT")


def test_markdown_report_has_a_table(catalogue_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(catalogue_path), "--format", "md"])
    assert result.exit_code == 0
    assert "| Bảng | Dòng |" in result.output
    assert "| Dòng | Câu văn | Bảng | Theo chỉ tiêu tốt nhất |" in result.output
    assert "| 12/19 | 8/19 | 6/19 | 6/19 | 15/35 | Khớp theo một cách tính |" in result.output


def test_a_catalogue_file_with_past_terms_is_audited_too(catalogue_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(catalogue_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["agreement"] == {"agree": 51, "total": 52}
    # The summary counts come from ingestion's "count" claims.
    assert [c["verdict"] for c in data["summary_claims"]] == ["depends on rule"] * 2 + [
        "agrees"
    ] * 4


def test_a_file_without_results_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH HƯNG YÊN LẦN THỨ I, NHIỆM KỲ 2025 - 2030\n")
    result = CliRunner().invoke(main, ["audit", str(path)])
    assert result.exit_code == 2
