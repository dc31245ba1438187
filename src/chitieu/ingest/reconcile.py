"""The target table and the prose targets side by side: pair them, list the
differences, and enrich the table's indicators with what only the prose says.

`reconcile(indicators, prose_targets, document=…)` pairs each prose target with
a table indicator (see chitieu.ingest._prose_match) and compares them:

- "unit": the units differ ("76,8 tuổi" / "76,8 năm"; "10%-11%" / "10-11%/năm").
  "%" against "%/năm" is no difference when the table's name says the rate is
  yearly ("… bình quân hàng năm", "GRDP bình quân đầu người/năm").
- "bound_wording": the same number, bounded differently ("1,7 %" / "Dưới 1,7%",
  "90 %" / "trên 90%", "180 triệu đồng" / "Khoảng 180 triệu đồng"). Equivalent
  wordings (">30 %" / "Trên 30%", "<1 %" / "Dưới 1%") parse to the same bounds and
  are not reported.
- "value": different numbers.
- "scope": the prose covers more or less than the table row ("đô thị" /
  "đô thị và nông thôn"; "tổ chức cơ sở đảng" / "tổ chức cơ sở đảng, đảng viên").
- "aggregation", "period": both state it, differently.
- "only_in_table", "only_in_prose": no partner. A table row that the prose
  names only as the heading of its parts ("Cơ cấu kinh tế" 100 %) is not reported.

Enrichment: when the table's wording is silent on the aggregation (its name
implies a level) and the prose states one, the indicator takes the prose's; when
both give the same target year, the prose's first year is kept (the prose says
"giai đoạn 2026-2030" where the table header says "2025 - 2030"). The target's
Source stays the table's; the prose line is in the discrepancies and in `matches`.
With no table indicators at all nothing is compared: every prose target is
returned in `unmatched` (use `indicators_from_prose`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from chitieu.catalog.model import (
    Aggregation,
    Discrepancy,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.text import fold
from chitieu.ingest._prose_match import name_score, pair
from chitieu.ingest._prose_wording import aggregation_of, strip_period
from chitieu.ingest.codes import (
    ascii_slug,
    direction_for,
    find_concept,
    indicator_code,
    unique_code,
)
from chitieu.ingest.prose_targets import ProseTarget
from chitieu.quantity import Target, TargetKind, convert, get_unit, parse_target

_YEARLY_NAME = ("/năm", "hàng năm", "hằng năm", "mỗi năm")
_BOUND_WORDS = ("ít nhất", "tối thiểu", "tối đa", "không quá")
# Who or where a rate covers; a word on one side only changes the scope.
_SCOPE_TERMS = ("nông thôn", "đô thị", "thành thị", "đảng viên", "ngoài công lập")
_SCOPE_EXCLUDES = ("nông thôn mới", "đô thị hóa", "đô thị hoá")
_GROUPS = (
    ("xây dựng đảng", "xay_dung_dang"),
    ("hệ thống chính trị", "xay_dung_dang"),
    ("quốc phòng", "quoc_phong_an_ninh"),
    ("an ninh", "quoc_phong_an_ninh"),
    ("môi trường", "moi_truong"),
    ("văn hóa", "van_hoa_xa_hoi"),
    ("xã hội", "xa_hoi"),
    ("kinh tế", "kinh_te"),
)


@dataclass(frozen=True)
class Reconciled:
    indicators: tuple[Indicator, ...]
    discrepancies: tuple[Discrepancy, ...]
    unmatched: tuple[ProseTarget, ...]
    matches: tuple[tuple[str, ProseTarget], ...] = ()  # (indicator code, its prose target)


def reconcile(
    indicators: Sequence[Indicator], prose_targets: Sequence[ProseTarget], *, document: str
) -> Reconciled:
    """Pair, compare and enrich; see the module docstring for the rules."""
    if not indicators:
        return Reconciled(tuple(indicators), (), tuple(prose_targets))
    pairs = pair(indicators, prose_targets)
    by_code = {p.indicator.code: p.prose for p in pairs}
    found: list[Discrepancy] = []
    enriched: list[Indicator] = []
    for indicator in indicators:
        prose = by_code.get(indicator.code)
        if prose is None:
            enriched.append(indicator)
            if _only_in_table(indicator, prose_targets):
                found.append(_only_in_table_discrepancy(indicator))
            continue
        found.extend(compare(indicator, prose))
        enriched.append(_enrich(indicator, prose))
    paired = {id(p.prose) for p in pairs}
    unmatched = tuple(t for t in prose_targets if id(t) not in paired)
    found.extend(_only_in_prose(t) for t in unmatched)
    matches = tuple((p.indicator.code, p.prose) for p in sorted(pairs, key=lambda p: p.prose.line))
    return Reconciled(tuple(enriched), tuple(found), unmatched, matches)


def compare(indicator: Indicator, prose: ProseTarget) -> tuple[Discrepancy, ...]:
    """Every difference between a table row's target and its prose statement."""
    table = indicator.targets[0]
    found: list[Discrepancy] = []

    def add(kind: str, explanation: str) -> None:
        found.append(_discrepancy(indicator, table, prose, kind, explanation))

    table_unit = table.value.unit or indicator.unit
    written = _written_unit(table.value) or table_unit
    if unit_note := _unit_difference(indicator.name, written, prose.target.unit):
        add("unit", unit_note)
    if bound_note := _bound_difference(indicator.name, table.value, table_unit, prose.target):
        add(*bound_note)
    if scope_note := _scope_difference(indicator.name, prose.subject):
        add("scope", scope_note)
    stated = aggregation_of((indicator.name,), table.value)
    if (
        stated is not Aggregation.LEVEL
        and prose.aggregation is not Aggregation.LEVEL
        and stated is not prose.aggregation
    ):
        add(
            "aggregation",
            f"Bảng ghi cách tính '{stated.value}', văn bản ghi '{prose.aggregation.value}'.",
        )
    if prose.period_end is not None and prose.period_end != table.period_end:
        add(
            "period",
            f"Bảng đặt mục tiêu cho năm {table.period_end}, văn bản cho năm {prose.period_end}.",
        )
    return tuple(found)


def _discrepancy(
    indicator: Indicator, table: IndicatorTarget, prose: ProseTarget, kind: str, explanation: str
) -> Discrepancy:
    return Discrepancy(
        indicator=indicator.code,
        kind=kind,
        table_text=f"{indicator.name}: {table.source.text or table.value.text}",
        prose_text=f"{prose.subject}: {prose.text}",
        table_line=table.source.line or (indicator.source.line if indicator.source else None),
        prose_line=prose.line,
        explanation=explanation,
    )


def _written_unit(target: Target) -> str | None:
    """The unit the table's cell writes ("10%-11%": %), which a reader may have
    replaced by the concept's unit (%/năm)."""
    try:
        return parse_target(target.text).unit
    except ValueError:
        return None


def _unit_difference(name: str, table_unit: str | None, prose_unit: str | None) -> str | None:
    if not table_unit or not prose_unit or table_unit == prose_unit:
        return None
    table, prose = get_unit(table_unit), get_unit(prose_unit)
    if table.dimension != prose.dimension:
        return (
            f"Đơn vị khác loại: bảng ghi '{table.symbol}', văn bản ghi '{prose.symbol}'; "
            "không so sánh được giá trị."
        )
    yearly = {table_unit.removesuffix("_per_year"), prose_unit.removesuffix("_per_year")}
    if len(yearly) == 1 and any(fold(w) in fold(name) for w in _YEARLY_NAME):
        return None  # the table's name says "/năm" or "hàng năm"
    return (
        f"Cùng đại lượng nhưng ghi đơn vị khác nhau: bảng ghi '{table.symbol}', "
        f"văn bản ghi '{prose.symbol}'."
    )


def _bound_difference(
    name: str, table: Target, table_unit: str | None, prose: Target
) -> tuple[str, str] | None:
    if TargetKind.TEXT in (table.kind, prose.kind):
        return None
    prose_low, prose_high = (
        _in_unit(prose.low, prose.unit, table_unit),
        _in_unit(prose.high, prose.unit, table_unit),
    )
    same_numbers = _written(table.low, table.high) == _written(prose_low, prose_high)
    same_bounds = (
        table.kind is prose.kind
        and (table.low, table.high) == (prose_low, prose_high)
        and (table.low_inclusive, table.high_inclusive)
        == (prose.low_inclusive, prose.high_inclusive)
    )
    if same_bounds:
        return None
    if not same_numbers:
        return "value", (f"Giá trị khác nhau: bảng ghi '{table.text}', văn bản ghi '{prose.text}'.")
    note = (
        f"Cùng con số nhưng khác cách giới hạn: bảng ghi '{table.text}' "
        f"({_kind_label(table)}), văn bản ghi '{prose.text}' ({_kind_label(prose)})."
    )
    if table.kind is TargetKind.POINT and any(fold(w) in fold(name) for w in _BOUND_WORDS):
        note += " Từ giới hạn nằm trong cột tên chỉ tiêu của bảng, ô mục tiêu chỉ ghi con số."
    return "bound_wording", note


def _in_unit(value: object, unit: str | None, to_unit: str | None) -> object:
    if value is None or not unit or not to_unit or unit == to_unit:
        return value
    try:
        return convert(value, unit, to_unit)  # type: ignore[arg-type]
    except ValueError:
        return value


def _written(low: object, high: object) -> frozenset[object]:
    return frozenset(v for v in (low, high) if v is not None)


def _kind_label(target: Target) -> str:
    labels = {
        TargetKind.POINT: "một giá trị",
        TargetKind.RANGE: "một khoảng",
        TargetKind.MIN: "cận dưới",
        TargetKind.MAX: "cận trên",
        TargetKind.APPROX: "xấp xỉ",
        TargetKind.RATIO: "tỷ số",
        TargetKind.RANK: "thứ hạng",
        TargetKind.TEXT: "lời văn",
    }
    return labels[target.kind]


def _scope_difference(table_name: str, prose_subject: str) -> str | None:
    table, prose = _scope_words(table_name), _scope_words(prose_subject)
    if table == prose:
        return None
    extra, missing = sorted(prose - table), sorted(table - prose)
    parts = []
    if extra:
        parts.append(f"văn bản có thêm '{', '.join(extra)}'")
    if missing:
        parts.append(f"văn bản không có '{', '.join(missing)}'")
    return f"Phạm vi chỉ tiêu khác nhau: {'; '.join(parts)} so với tên trong bảng."


def _scope_words(name: str) -> frozenset[str]:
    folded = fold(name)
    for phrase in _SCOPE_EXCLUDES:
        folded = folded.replace(fold(phrase), " ")
    found = set()
    for term in _SCOPE_TERMS:
        key = fold(term)
        if key in folded:
            found.add(term)
            folded = folded.replace(key, " ")
    return frozenset(found)


def _only_in_table(indicator: Indicator, prose: Sequence[ProseTarget]) -> bool:
    if not indicator.targets or indicator.targets[0].value.kind is TargetKind.TEXT:
        return False
    parents = {t.parent for t in prose if t.parent}
    return not any(name_score(indicator.name, strip_period(p)) >= 0.8 for p in parents)


def _only_in_table_discrepancy(indicator: Indicator) -> Discrepancy:
    table = indicator.targets[0]
    return Discrepancy(
        indicator=indicator.code,
        kind="only_in_table",
        table_text=f"{indicator.name}: {table.source.text or table.value.text}",
        prose_text=None,
        table_line=table.source.line,
        prose_line=None,
        explanation="Chỉ tiêu có trong bảng nhưng phần chỉ tiêu bằng lời văn không nêu.",
    )


def _only_in_prose(prose: ProseTarget) -> Discrepancy:
    return Discrepancy(
        indicator=None,
        kind="only_in_prose",
        table_text=None,
        prose_text=f"{prose.subject}: {prose.text}",
        table_line=None,
        prose_line=prose.line,
        explanation="Chỉ tiêu nêu trong lời văn nhưng không có dòng tương ứng trong bảng.",
    )


def _enrich(indicator: Indicator, prose: ProseTarget) -> Indicator:
    first, *rest = indicator.targets
    aggregation = first.aggregation
    if (
        aggregation_of((indicator.name,), first.value) is Aggregation.LEVEL
        and prose.aggregation is not Aggregation.LEVEL
    ):
        aggregation = prose.aggregation
    start = first.period_start
    if prose.period_start is not None and prose.period_end == first.period_end:
        start = prose.period_start
    updated = replace(first, aggregation=aggregation, period_start=start)
    return replace(indicator, targets=(updated, *rest))


def indicators_from_prose(
    prose_targets: Sequence[ProseTarget], *, document: str
) -> tuple[Indicator, ...]:
    """A catalogue's indicators from prose alone (a document with no target table).

    Group from the group heading ("1. Về phát triển kinh tế" -> kinh_te, "chung"
    without one); code from the concept lexicon, else a slug, made unique; a parent
    named only as a heading ("Cơ cấu kinh tế trong GRDP:") becomes an indicator
    without a target. A target without any year stays in the Source text only.
    """
    codes_by_subject: dict[str, str] = {}
    taken: list[str] = []
    built: list[Indicator] = []
    for target in prose_targets:
        group = group_code(target.group)
        parent_code = None
        if target.parent:
            parent_code = codes_by_subject.get(target.parent)
            if parent_code is None:
                parent = _parent_indicator(target, group, taken, document)
                built.append(parent)
                taken.append(parent.code)
                codes_by_subject[target.parent] = parent_code = parent.code
        name = strip_period(target.subject)
        code = unique_code(indicator_code(name, group=group, parent=parent_code), taken)
        taken.append(code)
        codes_by_subject.setdefault(target.subject, code)
        source = Source(document, target.line, text=target.sentence)
        targets: tuple[IndicatorTarget, ...] = ()
        if target.period_end is not None:
            start = target.period_start if target.period_start is not None else target.period_end
            targets = (
                IndicatorTarget(
                    target.target, start, target.period_end, target.aggregation, source
                ),
            )
        built.append(
            Indicator(
                code=code,
                name=name,
                group=group,
                parent=parent_code,
                unit=target.target.unit,
                direction=target.direction or direction_for(name, parent=parent_code),
                targets=targets,
                stt=target.number,
                source=source,
            )
        )
    return tuple(built)


def _parent_indicator(
    target: ProseTarget, group: str, taken: list[str], document: str
) -> Indicator:
    assert target.parent is not None
    name = strip_period(target.parent)
    concept = find_concept(name)
    code = unique_code(
        concept.code if concept else indicator_code(name, group=group, parent=None), taken
    )
    return Indicator(
        code=code,
        name=name,
        group=group,
        parent=None,
        unit=None,
        direction=direction_for(name),
        stt=target.item,
        source=Source(document, target.line, text=target.parent),
    )


def group_code(title: str | None) -> str:
    """The group code of a group heading.

    >>> group_code("Về phát triển kinh tế"), group_code("Về phát triển xã hội"), group_code(None)
    ('kinh_te', 'xa_hoi', 'chung')
    """
    if not title:
        return "chung"
    folded = fold(title)
    for words, code in _GROUPS:
        if fold(words) in folded:
            return code
    return ascii_slug(title) or "chung"
