"""The DSD, read back by sdmx1: its dimensions, attributes and code lists (with parents)."""

from __future__ import annotations

import io

import sdmx

from chitieu.exchange import mapping as m
from chitieu.exchange import target_mapping as t
from chitieu.exchange.structure import structure_xml
from tests.exchange.records import sample_codes


def read_back(agency: str = m.AGENCY) -> object:
    return sdmx.read_sdmx(io.BytesIO(structure_xml(sample_codes(), agency=agency)))


def test_sdmx1_reads_the_dsd_with_our_dimensions_and_attributes() -> None:
    message = read_back()
    dsd = message.structure[m.DSD_ID]
    assert [d.id for d in dsd.dimensions] == list(m.DIMENSIONS)
    assert [a.id for a in dsd.attributes] == list(m.ATTRIBUTES)
    assert [measure.id for measure in dsd.measures] == [m.OBS_VALUE]
    assert message.dataflow[m.DATAFLOW_ID].structure.id == m.DSD_ID


def test_the_code_lists_carry_the_store_codes_with_vietnamese_names_and_parents() -> None:
    message = read_back()
    indicators = message.codelist["CL_INDICATOR"]
    child = indicators["kt-grdp-nong_nghiep"]
    assert str(child.name["vi"]) == "Trong đó: nông nghiệp"
    assert child.parent.id == "kt-grdp-tang_truong"
    assert message.codelist["CL_AREA"]["xa_tan_hung"].parent.id == "hung_yen"
    assert sorted(c.id for c in message.codelist["CL_FIGURE_STATUS"]) == sorted(
        m.STATUS_CODES.values()
    )
    assert "pct_per_year" in [c.id for c in message.codelist["CL_UNIT"]]


def test_the_agency_is_a_parameter_not_a_place() -> None:
    message = read_back(agency="CTK_TINH")
    assert message.structure[m.DSD_ID].maintainer.id == "CTK_TINH"


def test_the_same_structure_describes_the_targets_dataflow() -> None:
    message = read_back()
    dataflow = message.dataflow["DF_TARGETS"]
    assert [d.id for d in dataflow.structure.dimensions] == list(t.DIMENSIONS)
    assert "_Z" in message.codelist["CL_AREA"]
    assert {c.id for c in message.codelist["CL_BOUND"]} == {"POINT", "LOW", "HIGH", "NONE"}
