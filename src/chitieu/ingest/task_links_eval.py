"""How well the reader links tasks to targets: precision and recall against links a person drew.

The gold file (YAML) lists, for tasks of one document, the indicator codes each task
really concerns (`tests/ingest/task_links_gold.yaml` is the seed's, with the rule the
person applied). A link is a (task code, indicator code) pair; a task of the gold file
that the reader did not find counts its links as missed, a task the gold file does not
list is not scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from chitieu.catalog.model import Task
from chitieu.ingest.document import IngestError

Link = tuple[str, str]  # (task code, indicator code)


@dataclass(frozen=True)
class LinkScore:
    tasks: int
    gold: frozenset[Link]
    found: frozenset[Link]

    @property
    def correct(self) -> frozenset[Link]:
        return self.gold & self.found

    @property
    def false_links(self) -> list[Link]:
        return sorted(self.found - self.gold)

    @property
    def missed(self) -> list[Link]:
        return sorted(self.gold - self.found)

    @property
    def precision(self) -> float:
        return len(self.correct) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.correct) / len(self.gold) if self.gold else 1.0


def read_gold(path: Path) -> dict[str, frozenset[str]]:
    """task code -> the indicator codes a person linked it to."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise IngestError(f"Không đọc được tệp liên kết chuẩn {path}: {error}") from error
    rows = data.get("tasks") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise IngestError(f"Tệp liên kết chuẩn {path} thiếu danh sách “tasks”.")
    gold: dict[str, frozenset[str]] = {}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or "code" not in row:
            raise IngestError(f"{path}, mục {number}: thiếu mã nhiệm vụ (“code”).")
        gold[str(row["code"])] = frozenset(str(c) for c in row.get("indicators") or ())
    return gold


def score_links(tasks: Iterable[Task], gold: Mapping[str, frozenset[str]]) -> LinkScore:
    """Compare the reader's links of the gold file's tasks with the gold links."""
    found_by_task = {t.code: t.indicators for t in tasks}
    return LinkScore(
        tasks=len(gold),
        gold=frozenset((task, code) for task, codes in gold.items() for code in codes),
        found=frozenset((task, code) for task in gold for code in found_by_task.get(task, ())),
    )


def evaluate_task_links(document: Path, gold_path: Path) -> LinkScore:
    """Read the document with the whole pipeline and score its task links."""
    from chitieu.ingest.pipeline import ingest

    return score_links(ingest(document).tasks, read_gold(gold_path))


def score_text(score: LinkScore) -> str:
    """The score in Vietnamese, with each false and missed link."""
    lines = [
        f"Nhiệm vụ được chấm: {score.tasks}",
        f"Liên kết đúng: {len(score.correct)} / tìm được {len(score.found)}"
        f" / chuẩn {len(score.gold)}",
        f"Precision: {score.precision:.1%}".replace(".", ","),
        f"Recall: {score.recall:.1%}".replace(".", ","),
    ]
    if score.false_links:
        lines.append("Liên kết sai (đọc được, người không nối):")
        lines += [f"  {task} → {code}" for task, code in score.false_links]
    if score.missed:
        lines.append("Liên kết sót (người nối, không đọc được):")
        lines += [f"  {task} → {code}" for task, code in score.missed]
    return "\n".join(lines) + "\n"
