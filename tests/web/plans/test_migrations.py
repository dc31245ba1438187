"""Data migrations, run forward from the state before them on a real database."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_KINDS = [("plans", "0002_labels")]
WITH_KINDS = [("plans", "0003_plan_kind_context")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_plans_stored_as_context_before_kinds_existed_become_context() -> None:
    old = _migrate(BEFORE_KINDS).get_model("plans", "Plan")
    for code in ("tinh_a_boi_canh", "tinh_a_2025_2030"):
        old.objects.create(code=code, name=code, kind="resolution", term_start=2025, term_end=2030)
    try:
        kinds = dict(
            _migrate(WITH_KINDS).get_model("plans", "Plan").objects.values_list("code", "kind")
        )
        assert kinds == {"tinh_a_boi_canh": "context", "tinh_a_2025_2030": "resolution"}
    finally:
        _migrate(BEFORE_KINDS).get_model("plans", "Plan").objects.all().delete()
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


BEFORE_LINK_STATES = [("plans", "0007_indicator_plausibility_rule")]
WITH_LINK_STATES = [("plans", "0008_task_indicator_link_state")]


@pytest.mark.django_db(transaction=True)
def test_existing_task_links_become_suggestions_in_the_same_table() -> None:
    old = _migrate(BEFORE_LINK_STATES)
    plan = old.get_model("plans", "Plan").objects.create(
        code="tinh_a_2025_2030", name="tinh a", kind="resolution", term_start=2025, term_end=2030
    )
    indicator = old.get_model("plans", "Indicator").objects.create(
        code="xh.ntm", plan=plan, name="Tỷ lệ xã đạt chuẩn nông thôn mới"
    )
    task = old.get_model("plans", "Task").objects.create(
        plan=plan, code="vi.1.2", kind="area", heading="Nông nghiệp", line_start=1, line_end=2
    )
    task.indicators.add(indicator)
    try:
        links = _migrate(WITH_LINK_STATES).get_model("plans", "TaskIndicator").objects
        assert list(links.values_list("task__code", "indicator__code", "state")) == [
            ("vi.1.2", "xh.ntm", "goi_y")
        ]
        assert links.get().decided_by is None
    finally:
        new = _migrate(WITH_LINK_STATES)
        new.get_model("plans", "TaskIndicator").objects.all().delete()
        new.get_model("plans", "Task").objects.all().delete()
        new.get_model("plans", "Indicator").objects.all().delete()
        new.get_model("plans", "Plan").objects.all().delete()
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
