"""Targets as SDMX-CSV of DF_TARGETS: a band is two bounds, a span of years a time range."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import sdmx

from chitieu.exchange import target_mapping as t
from chitieu.exchange.records import TargetRecord
from chitieu.exchange.sdmx_targets import write_targets_sdmx_csv
from chitieu.exchange.structure import build_structure
from tests.exchange.records import GRDP, sample_codes


def targets() -> list[TargetRecord]:
    return [
        TargetRecord("nq_2025", GRDP, "hung_yen", 2026, 2030, "range", "avg_growth",
                     Decimal("10"), Decimal("11.5"), True, False, "pct_per_year", "10-11,5%/năm"),
        TargetRecord("nq_2025", "xh.bac_si", "", 2030, 2030, "min", "level",
                     Decimal("15"), None, False, True, "", "trên 15"),
        TargetRecord("nq_2025", "xh.nong_thon_moi", "hung_yen", 2026, 2030, "text", "", None, None),
    ]  # fmt: skip


def lines() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(write_targets_sdmx_csv(targets()))))


def test_a_band_is_two_observations_over_a_time_range() -> None:
    low, high = lines()[:2]
    assert (low["BOUND"], low["OBS_VALUE"], low["BOUND_INCLUSIVE"]) == ("LOW", "10", "Y")
    assert (high["BOUND"], high["OBS_VALUE"], high["BOUND_INCLUSIVE"]) == ("HIGH", "11.5", "N")
    assert low["TIME_PERIOD"] == "2026-01-01/P5Y" and low["AGGREGATION"] == "avg_growth"
    assert low["ORIGINAL_TEXT"] == "10-11,5%/năm" and low["STRUCTURE_ID"].endswith(
        ":DF_TARGETS(1.0)"
    )


def test_a_single_bound_a_single_year_and_no_locality() -> None:
    bound = lines()[2]
    assert (bound["BOUND"], bound["TIME_PERIOD"], bound["REF_AREA"]) == ("LOW", "2030", "_Z")
    assert bound["BOUND_INCLUSIVE"] == "N"


def test_a_qualitative_target_has_no_value_and_says_so() -> None:
    qualitative = lines()[3]
    assert (qualitative["BOUND"], qualitative["OBS_VALUE"]) == ("NONE", "")


def test_the_columns_are_the_target_dsd_and_sdmx1_reads_the_data() -> None:
    structure = build_structure(sample_codes())
    text = write_targets_sdmx_csv(targets())
    header = text.splitlines()[0].split(",")
    dsd = structure.target_dsd
    assert header[3:] == [
        *(d.id for d in dsd.dimensions),
        *(x.id for x in dsd.measures),
        *(a.id for a in dsd.attributes),
    ]
    assert [d.id for d in dsd.dimensions] == list(t.DIMENSIONS)
    message = sdmx.read_sdmx(
        io.BytesIO(text.encode()), format="CSV", structure=structure.target_dataflow
    )
    assert len(message.data[0].obs) == 4
