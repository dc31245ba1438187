"""The figures' data migration, run forward from the state before it on a real database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("figures", "0003_import_job")]
AFTER = [("figures", "0004_review_state_published")]
NOW = datetime(2026, 1, 5, tzinfo=UTC)


def _migrate(targets: list[tuple[str, str]]) -> Any:
    """Migrate figures to `targets`, every other app to its newest state (the tables the
    test writes must match the models it writes them with)."""
    executor = MigrationExecutor(connection)
    others = [n for n in executor.loader.graph.leaf_nodes() if n[0] != "figures"]
    targets = [*targets, *others]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_figures_from_the_document_and_publications_become_published() -> None:
    apps = _migrate(BEFORE)
    plan = apps.get_model("plans", "Plan").objects.create(
        code="nq", name="Nghị quyết", kind="resolution", term_start=2025, term_end=2030
    )
    place = apps.get_model("plans", "Locality").objects.create(code="noi", name="Nơi", kind="tinh")
    indicator = apps.get_model("plans", "Indicator").objects.create(
        plan=plan, code="chi_tieu", name="Chỉ tiêu", position=1
    )
    figures = apps.get_model("figures", "Figure")
    revisions = apps.get_model("figures", "FigureRevision")
    reasons = {
        "2024": "Số liệu trong văn bản",
        "2025": "Nhập số liệu đã công bố, dòng 4",
        "2026": "Nhập từ tệp so_lieu.xlsx, dòng 7",  # a department's file: stays a draft
    }
    for period, reason in reasons.items():
        row = figures.objects.create(
            indicator=indicator, locality=place, period=period, year=int(period),
            status="uoc", value=1, entered_at=NOW, source="Văn bản, dòng 9",
        )  # fmt: skip
        revisions.objects.create(
            figure=row, version=1, action="tao", new_value=1, review_state="nhap",
            reason=reason, at=NOW,
        )  # fmt: skip
    try:
        after = _migrate(AFTER).get_model("figures", "Figure")
        states = dict(after.objects.values_list("period", "review_state"))
        assert states == {"2024": "cong_bo", "2025": "cong_bo", "2026": "nhap"}
        history = _migrate(AFTER).get_model("figures", "FigureRevision")
        assert history.objects.filter(action="cong_bo", figure__period="2024").count() == 1
    finally:
        apps = _migrate(AFTER)
        apps.get_model("figures", "FigureRevision").objects.all().delete()
        apps.get_model("figures", "Figure").objects.all().delete()
        apps.get_model("plans", "Indicator").objects.all().delete()
        apps.get_model("plans", "Plan").objects.all().delete()
        apps.get_model("plans", "Locality").objects.all().delete()
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
