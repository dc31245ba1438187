"""extract_tasks: the focus tasks, pillars, breakthroughs and area tasks of part two."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from chitieu.catalog.model import Task
from chitieu.ingest import Document, read_text
from chitieu.ingest.tasks import extract_tasks
from tests.ingest.g_builders import seed_indicators

DOCUMENTS = Path(__file__).parent / "documents_g"


@pytest.fixture(scope="module")
def tasks(seed_document: Document) -> dict[str, Task]:
    return {t.code: t for t in extract_tasks(seed_document, seed_indicators())}


def test_counts_by_kind_match_a_count_by_hand(tasks: dict[str, Task]) -> None:
    """6 focus tasks, 5 pillars, 3 breakthroughs; VI has 3 groups and 14 + 4 + 12 subsections."""
    assert Counter(t.kind for t in tasks.values()) == {
        "focus": 6,
        "pillar": 5,
        "breakthrough": 3,
        "area": 3 + 14 + 4 + 12,
    }


@pytest.mark.parametrize(
    ("code", "number", "start", "end", "parent"),
    [
        ("trong_tam.1", "(1)", 491, 491, None),
        ("trong_tam.2", "(2)", 493, 495, None),
        ("tru_cot.i", "(i)", 493, 494, "trong_tam.2"),
        ("tru_cot.v", "(v)", 494, 494, "trong_tam.2"),
        ("dot_pha.2", "(2)", 506, 506, None),
        ("vi.1", "1", 512, 640, None),
        ("vi.1.3", "1.3", 529, 537, "vi.1"),
        ("vi.3.12", "3.12", 740, 746, "vi.3"),
    ],
)
def test_spans_and_parents(
    tasks: dict[str, Task], code: str, number: str, start: int, end: int, parent: str | None
) -> None:
    task = tasks[code]
    assert (task.number, task.line_start, task.line_end, task.parent) == (
        number,
        start,
        end,
        parent,
    )


def test_a_pillar_text_is_its_own_item_only(tasks: dict[str, Task]) -> None:
    text = tasks["tru_cot.ii"].text
    assert text.startswith("(ii) Phát triển nền nông nghiệp sạch")
    assert "(iii)" not in text and text.endswith("giá trị gia tăng cao")


def test_focus_task_heading_is_its_lead_sentence(tasks: dict[str, Task]) -> None:
    assert tasks["trong_tam.6"].heading.startswith("Củng cố vững chắc thế trận quốc phòng toàn dân")
    assert not tasks["trong_tam.6"].heading.startswith("(6)")


def test_area_task_carries_the_indicators_its_text_mentions(tasks: dict[str, Task]) -> None:
    """1.1 states the manufacturing share (line 517); its group 1 inherits it."""
    assert "kt.co_cau.che_bien" in tasks["vi.1.1"].indicators
    assert "kt.co_cau.che_bien" in tasks["vi.1"].indicators


def test_area_parent_text_stops_at_its_first_subsection(tasks: dict[str, Task]) -> None:
    assert "1.1" not in tasks["vi.1"].text and tasks["vi.1"].text.startswith("1. Phát triển nhanh")


def test_resolution_written_by_hand() -> None:
    doc = read_text(DOCUMENTS / "nghi-quyet-nhiem-vu.txt")
    tasks = {t.code: t for t in extract_tasks(doc, seed_indicators())}
    assert sorted(tasks) == sorted(
        [
            "trong_tam.1",
            "trong_tam.2",
            "tru_cot.i",
            "tru_cot.ii",
            "tru_cot.iii",
            "dot_pha.1",
            "dot_pha.2",
            "ii.1",
            "ii.1.1",
            "ii.2",
            "ii.2.1",
        ]
    )
    assert tasks["ii.2.1"].indicators == ("db.ket_nap",)
    assert tasks["tru_cot.iii"].heading.startswith("Phát triển kinh tế số")


def test_annual_report_without_pillars_or_breakthroughs() -> None:
    doc = read_text(DOCUMENTS / "bao-cao-kinh-te-xa-hoi-2024.txt")
    kinds = Counter(t.kind for t in extract_tasks(doc, seed_indicators()))
    assert kinds == {"focus": 2, "area": 5}
