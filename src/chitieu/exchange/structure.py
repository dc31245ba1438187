"""The data structure definitions (DSD) of figures and of targets, their code lists and
dataflows, via sdmx1.

The code lists of indicators and localities are the store's: places are data, so
nothing here names a province. `structure_xml` writes them all as one SDMX-ML 2.1
structure message, which a statistics office loads before the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chitieu.catalog.model import Aggregation
from chitieu.exchange import mapping as m
from chitieu.exchange import target_mapping as t
from chitieu.exchange.records import CodeItem, Codes
from chitieu.quantity.units import UNITS

_TEXT_ATTRIBUTES = (m.SOURCE_DETAIL, m.OBS_COM, m.ORIGINAL_TEXT)


@dataclass(frozen=True)
class Structure:
    """The sdmx1 objects: the DSD, its dataflow, and the message holding everything."""

    dsd: Any
    dataflow: Any
    message: Any
    target_dsd: Any = None
    target_dataflow: Any = None


def build_structure(codes: Codes, *, agency: str = m.AGENCY) -> Structure:
    from sdmx.message import StructureMessage
    from sdmx.model import common

    maintainer = common.Agency(id=agency)
    common_kw: dict[str, Any] = {
        "maintainer": maintainer,
        "version": m.VERSION,
        "is_final": True,
        "is_external_reference": False,
    }
    concepts = common.ConceptScheme(
        id=m.CONCEPTS_ID, name={"vi": "Khái niệm số liệu chỉ tiêu"}, **common_kw
    )
    for concept_id, name in {**m.CONCEPT_NAMES, **t.CONCEPT_NAMES}.items():
        concepts.append(common.Concept(id=concept_id, name={"vi": name}))
    codelists = {
        m.INDICATOR: _codelist(
            m.CODELISTS[m.INDICATOR], "Chỉ tiêu", _indicator_items(codes.indicators), common_kw
        ),
        m.REF_AREA: _codelist(
            m.CODELISTS[m.REF_AREA], "Địa bàn", _area_items(codes.localities), common_kw
        ),
        m.FIGURE_STATUS: _codelist(
            m.CODELISTS[m.FIGURE_STATUS],
            "Loại số liệu",
            [CodeItem(code, status.label) for status, code in m.STATUS_CODES.items()],
            common_kw,
        ),
        m.OBS_STATUS: _codelist(
            m.CODELISTS[m.OBS_STATUS],
            "Tình trạng quan sát",
            [CodeItem(code, name) for code, name in m.OBS_STATUS_NAMES.items()],
            common_kw,
        ),
        m.UNIT_MEASURE: _codelist(
            m.CODELISTS[m.UNIT_MEASURE],
            "Đơn vị tính",
            [CodeItem(unit.code, f"{unit.symbol} — {unit.name}") for unit in UNITS.values()],
            common_kw,
        ),
        m.REVIEW_STATE: _codelist(
            m.CODELISTS[m.REVIEW_STATE], "Trạng thái duyệt", codes.review_states, common_kw
        ),
    }
    codelists.update(_target_codelists(codes, common_kw))
    dsd, dataflow = _flow(
        m.DSD_ID, m.DATAFLOW_ID, "Số liệu thực hiện chỉ tiêu",
        m.DIMENSIONS, m.ATTRIBUTES, concepts, codelists, common_kw,
    )  # fmt: skip
    target_dsd, target_dataflow = _flow(
        t.DSD_ID, t.DATAFLOW_ID, "Mục tiêu của kế hoạch, nghị quyết",
        t.DIMENSIONS, t.ATTRIBUTES, concepts, codelists, common_kw,
    )  # fmt: skip
    message = StructureMessage()
    for item in (*codelists.values(), concepts, dsd, dataflow, target_dsd, target_dataflow):
        message.add(item)
    return Structure(dsd, dataflow, message, target_dsd, target_dataflow)


def _flow(
    dsd_id: str,
    dataflow_id: str,
    name: str,
    dimensions: Iterable[str],
    attributes: Iterable[str],
    concepts: Any,
    codelists: dict[str, Any],
    common_kw: dict[str, Any],
) -> tuple[Any, Any]:
    """A DSD (observation-level attributes, each code list its dimension's or attribute's
    representation) and the dataflow that uses it."""
    from sdmx.model import common, v21

    def represented(component_id: str) -> dict[str, Any]:
        enumerated = codelists.get(component_id)
        if enumerated is None:
            return {}
        return {"local_representation": common.Representation(enumerated=enumerated)}

    dsd = v21.DataStructureDefinition(id=dsd_id, name={"vi": name}, **common_kw)
    for dimension_id in dimensions:
        if dimension_id == m.TIME_PERIOD:
            dsd.dimensions.getdefault(
                dimension_id, cls=common.TimeDimension, concept_identity=concepts[dimension_id]
            )
        else:
            dsd.dimensions.getdefault(
                dimension_id, concept_identity=concepts[dimension_id], **represented(dimension_id)
            )
    dsd.measures.getdefault(m.OBS_VALUE, concept_identity=concepts[m.OBS_VALUE])
    for attribute_id in attributes:
        dsd.attributes.getdefault(
            attribute_id,
            concept_identity=concepts[attribute_id],
            related_to=v21.PrimaryMeasureRelationship(),
            usage_status=common.UsageStatus.conditional,
            **represented(attribute_id),
        )
    dataflow = v21.DataflowDefinition(id=dataflow_id, name={"vi": name}, structure=dsd, **common_kw)
    return dsd, dataflow


def _target_codelists(codes: Codes, common_kw: dict[str, Any]) -> dict[str, Any]:
    return {
        t.PLAN: _codelist(
            t.CODELISTS[t.PLAN],
            "Kế hoạch, nghị quyết",
            [CodeItem(m.area_id(item.code), item.name) for item in codes.plans],
            common_kw,
        ),
        t.BOUND: _codelist(
            t.CODELISTS[t.BOUND], "Cận của mục tiêu",
            [CodeItem(code, name) for code, name in t.BOUND_NAMES.items()], common_kw,
        ),
        t.TARGET_KIND: _codelist(
            t.CODELISTS[t.TARGET_KIND], "Dạng mục tiêu",
            [CodeItem(code, name) for code, name in t.KIND_NAMES.items()], common_kw,
        ),
        t.AGGREGATION: _codelist(
            t.CODELISTS[t.AGGREGATION], "Cách tính",
            [CodeItem(a.value, a.label) for a in Aggregation], common_kw,
        ),
    }  # fmt: skip


def structure_xml(codes: Codes, *, agency: str = m.AGENCY) -> bytes:
    """The SDMX-ML 2.1 structure message: code lists, concepts, DSD and dataflow."""
    import sdmx

    result: bytes = sdmx.to_xml(build_structure(codes, agency=agency).message, pretty_print=True)
    return result


def _indicator_items(items: Iterable[CodeItem]) -> list[CodeItem]:
    return [
        CodeItem(
            m.indicator_id(item.code),
            item.name,
            m.indicator_id(item.parent) if item.parent else None,
        )
        for item in items
    ]


def _area_items(items: Iterable[CodeItem]) -> list[CodeItem]:
    """Localities (and plans): slugs, already SDMX identifiers; `_Z` is SDMX's "not
    applicable", for a plan with no locality."""
    return [
        CodeItem(m.area_id(item.code), item.name, m.area_id(item.parent) if item.parent else None)
        for item in items
    ] + [CodeItem(t.NOT_APPLICABLE, "Không áp dụng")]


def _codelist(
    identifier: str, name: str, items: Iterable[CodeItem], common_kw: dict[str, Any]
) -> Any:
    from sdmx.model import common

    codelist = common.Codelist(id=identifier, name={"vi": name}, **common_kw)
    codes = {item.code: common.Code(id=item.code, name={"vi": item.name}) for item in items}
    for code in codes.values():
        codelist.append(code)
    for item in items:
        if item.parent and item.parent in codes:
            codes[item.code].parent = codes[item.parent]
            codes[item.parent].append_child(codes[item.code])
    return codelist
