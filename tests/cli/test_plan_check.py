"""`chitieu plan-check`: the stored 2026 plan beside the resolution's milestones, on the real data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.cli import main
from tests.profiles import seed_profile

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_store(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """The demo store (the Hưng Yên profile applied: real catalogue, document figures,
    published figures, 2026 plan), built once for the module in a transaction rolled back
    at its end; yields what each step did."""
    from django.db import transaction

    from chitieu.web.dashboard.demo import build_demo

    with django_db_blocker.unblock(), transaction.atomic():
        report = build_demo(seed_profile())
        yield "\n".join(report.steps)
        transaction.set_rollback(True)


def run(*args: str) -> Any:
    result = CliRunner().invoke(main, ["plan-check", *args])
    assert result.exit_code == 0, result.output
    return result


def checks_by_code(demo_store: str) -> dict[str, dict[str, Any]]:
    data = json.loads(run("--format", "json").output)
    return {c["code"]: c for c in data["checks"] if c["code"]}


def test_json_lists_every_annual_target_of_the_plan(demo_store: str) -> None:
    data = json.loads(run("--format", "json", "--plan", "hung_yen_2026").output)
    assert len(data["checks"]) == 13  # the 13 targets of plan-2026-draft.csv
    assert set(data["checks"][0]) == {
        "code", "name", "annual_text", "milestone", "verdict", "explanation",
    }  # fmt: skip
    unmatched = [c for c in data["checks"] if c["code"] is None]
    assert len(unmatched) == 7
    assert {c["explanation"] for c in unmatched} == {"Nghị quyết không có chỉ tiêu tương ứng."}


@pytest.mark.parametrize(
    ("code", "milestone", "verdict"),
    [  # hand-checked in docs/real-figures.md
        ("kt.von_dau_tu.tong", "220000", "weaker"),  # ~175.000 against 1.100.000 / 5
        ("xh.lao_dong_qua_dao_tao.bang_cap", "29.86", "consistent"),
        ("xh.ho_ngheo", "0.8", "consistent"),
        ("kt.thu_ngan_sach.tong", "65000", "consistent"),
    ],
)
def test_a_target_beside_its_milestone(
    demo_store: str, code: str, milestone: str, verdict: str
) -> None:
    found = checks_by_code(demo_store)[code]
    assert (found["milestone"], found["verdict"]) == (milestone, verdict)


def test_the_verdicts_are_those_of_the_import_report(demo_store: str) -> None:
    """The CLI and the import report read the same store: both must agree."""
    from chitieu.outlook.annual_plan import VERDICT_LABELS as VERDICTS

    report = demo_store_report().splitlines()
    checks = json.loads(run("--format", "json").output)["checks"]
    for check in checks:
        key = f"| {check['code'] or '—'} | {check['annual_text']} |"
        (line,) = [line for line in report if key in line]
        assert f"| {VERDICTS[check['verdict']]} | {check['explanation']} |" in line


def demo_store_report() -> str:
    from chitieu.web.figures.published import import_published_figures

    return import_published_figures(seed_profile(), actor=None, dry_run=True).report


def test_the_national_row_for_hung_yen_matches_the_resolution(demo_store: str) -> None:
    national = json.loads(run("--format", "json").output)["national"]
    assert (national["name"], national["verdict"], national["milestone"]) == (
        "Hưng Yên",
        "consistent",
        "10",
    )


def test_text_shows_the_verdict_in_words(demo_store: str) -> None:
    output = run().output
    assert "khoảng 175.000 tỷ đồng" in output and "THẤP HƠN lộ trình" in output
    assert output.splitlines()[-1].startswith("Bảng mục tiêu quốc gia: Hưng Yên")


def test_an_unknown_plan_is_refused_in_vietnamese(demo_store: str) -> None:
    result = CliRunner().invoke(main, ["plan-check", "--plan", "khong_co"])
    assert result.exit_code == 1 and "Không có kế hoạch mã “khong_co”" in result.output


def test_without_a_code_the_latest_annual_plan_is_checked(demo_store: str) -> None:
    assert json.loads(run("--format", "json").output)["plan"] == "hung_yen_2026"


def test_a_plan_that_is_not_an_annual_plan_is_refused(demo_store: str) -> None:
    result = CliRunner().invoke(main, ["plan-check", "--plan", "hung_yen_2025_2030"])
    assert result.exit_code == 1 and "không phải kế hoạch năm" in result.output
