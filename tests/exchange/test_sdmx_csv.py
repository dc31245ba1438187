"""SDMX-CSV written by sdmx1: its columns are the DSD's, and the import reads it back."""

from __future__ import annotations

import csv
import io
import io as _io

import sdmx

from chitieu.exchange import mapping as m
from chitieu.exchange.sdmx_csv import columns, write_sdmx_csv
from chitieu.exchange.structure import build_structure
from tests.exchange.records import sample_codes, sample_records


def test_the_columns_are_the_dsd_dimensions_measure_and_attributes() -> None:
    structure = build_structure(sample_codes())
    header = next(csv.reader(io.StringIO(write_sdmx_csv(sample_records()))))
    assert header == columns()
    dsd = structure.dsd
    assert header[3:] == [
        *(d.id for d in dsd.dimensions),
        *(x.id for x in dsd.measures),
        *(a.id for a in dsd.attributes),
    ]


def test_each_figure_is_one_line_keyed_by_its_status() -> None:
    lines = list(csv.DictReader(io.StringIO(write_sdmx_csv(sample_records()))))
    assert len(lines) == len(sample_records())
    first, second = lines[0], lines[1]
    assert (first["FIGURE_STATUS"], first["OBS_STATUS"]) == ("PLAN", "F")
    assert (second["FIGURE_STATUS"], second["OBS_STATUS"], second["OBS_VALUE"]) == (
        "EST",
        "E",
        "8.1",
    )
    assert first["STRUCTURE_ID"] == f"{m.AGENCY}:{m.DATAFLOW_ID}({m.VERSION})"
    assert [line["TIME_PERIOD"] for line in lines][2:] == [
        "2026-Q2",
        "2026-S1",
        "2026-M03",
        "2026-01-01/P6M",
    ]


def test_sdmx1_reads_the_data_against_the_structure() -> None:
    structure = build_structure(sample_codes())
    text = write_sdmx_csv(sample_records())
    message = sdmx.read_sdmx(_io.BytesIO(text.encode()), format="CSV", structure=structure.dataflow)
    observations = [obs for data_set in message.data for obs in data_set.obs]
    assert len(observations) == len(sample_records())
    assert observations[4].value == "328096"
