"""Read an SDMX-JSON 1.0 data message of DF_FIGURES (chitieu.exchange.sdmx_json) into rows.

sdmx1 reads the message; each observation then goes through the same checks as an
SDMX-CSV line (figures_sdmx.observation_row). A place is the observation's position in
the message ("dòng 3" is the third) and the SDMX component (“REF_AREA”).
"""

from __future__ import annotations

import io
from typing import Any

from chitieu.exchange import mapping as m
from chitieu.ingest.figure_rows import FigureRow, FiguresFile, Place, Problem, Progress
from chitieu.ingest.figures_file import duplicates
from chitieu.ingest.figures_sdmx import KEYS, observation_row


def is_sdmx_json(document: Any) -> bool:
    return isinstance(document, dict) and "dataSets" in document


def read_sdmx_json(data: bytes, *, name: str, progress: Progress | None = None) -> FiguresFile:
    import sdmx

    try:
        message: Any = sdmx.read_sdmx(io.BytesIO(data), format="JSON")
    except (KeyError, ValueError, IndexError, TypeError) as error:
        problem = Problem(Place(None, 1), f"không đọc được SDMX-JSON ({error}).", "not_sdmx_json")
        return FiguresFile(name, (), (problem,))
    dimensions = {d.id for d in message.structure.dimensions}
    missing = [d for d in m.DIMENSIONS if d not in dimensions]
    if missing:
        problem = Problem(
            Place(None, 1),
            f"thiếu chiều {', '.join(missing)} của cấu trúc {m.DSD_ID}.",
            "missing_column",
        )
        return FiguresFile(name, (), (problem,))
    observations = [obs for data_set in message.data for obs in data_set.obs]
    columns = tuple(KEYS.values())
    rows: list[FigureRow] = []
    problems: list[Problem] = []
    for number, observation in enumerate(observations, start=1):
        if progress is not None and number % 1000 == 0:
            progress(number, len(observations))
        dimension = {k: str(v.value) for k, v in observation.dimension.values.items()}
        attribute = {
            k: str(getattr(v.value, "id", v.value))
            for k, v in observation.attached_attribute.items()
        }
        value = "" if observation.value is None else str(observation.value)
        row = observation_row(number, dimension, value, attribute, columns, problems)
        if row is not None:
            rows.append(row)
    problems += duplicates(rows)
    return FiguresFile(name, tuple(rows), tuple(problems))
