"""Is a figure plausible? Range, sign, jump from the last figure, structure and sub-item checks.

Like DHIS2's min/max values and validation rules: every indicator has a rule
(minimum, maximum, the largest ratio N to the last figure of its series), by
default from what its unit measures, overridable per indicator by the planner.
`check_value` applies the rule and the relations with other figures of the same
key (a structure's shares, a parent total and its sub-items) and returns
findings. A *refusal* means the value cannot be right and is not saved; a
*warning* means it is unusual and is saved only when the person confirms it
with a note. Pure: the store gathers the figures, this module judges them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from chitieu.assess._vi_number import format_number
from chitieu.quantity.errors import UnknownUnitError
from chitieu.quantity.units import get_unit

DEFAULT_MAX_RATIO = Decimal(10)
STRUCTURE_TOLERANCE = Decimal("0.5")  # shares rounded to one decimal may add up to 100,2 %
HUNDRED = Decimal(100)
# What the store keeps exactly on both databases: a decimal column of 20 digits with 6 after
# the comma, and SQLite, which keeps 15 significant digits. Every path (form, import, its
# preview, the API) refuses a value beyond it before writing, whatever the indicator's own
# range, so no figure is rounded silently, rejected by PostgreSQL half-way, or written to
# SQLite in a form Django cannot read back.
STORE_LIMIT = Decimal(10) ** 14
STORE_DECIMALS = 6
STORE_SIGNIFICANT = 15

# Words that make a percentage a change (may be negative) or an index, not a share. Matched
# with their tones: folded, "giảm" (decrease) would also match "giám sát" (supervision).
_CHANGE_WORDS = frozenset({"tăng", "giảm"})
# "chỉ số" (index, 100 = last year) and "so với" (disbursed against the plan: 169,4 %).
_INDEX_WORDS = ("chỉ số", "so với")
_STRUCTURE_WORDS = ("cơ cấu",)
_WORD = re.compile(r"\w+")


class Severity(StrEnum):
    REFUSE = "refuse"  # the value cannot be right: not saved
    WARN = "warn"  # unusual: saved only when confirmed with a note


class Measure(StrEnum):
    """What an indicator's number is, which decides its default rule."""

    SHARE = "share"  # a part of a whole in %: 0–100
    CHANGE = "change"  # a growth or reduction rate in %: may be negative, not below −100
    INDEX = "index"  # an index or a ratio to a plan in %: not negative, may exceed 100
    AMOUNT = "amount"  # money: not negative
    COUNT = "count"  # people, communes, hectares, doctors per 10,000 …: not negative
    RANK = "rank"  # a position in a ranking: 1 or more
    OTHER = "other"  # no unit the checks know: only the jump from the last figure

    @property
    def label(self) -> str:
        return _MEASURE_LABELS[self]


_MEASURE_LABELS = {
    Measure.SHARE: "tỷ lệ, tỷ trọng (%)",
    Measure.CHANGE: "tốc độ tăng, giảm (%)",
    Measure.INDEX: "chỉ số, tỷ lệ so với kế hoạch (%)",
    Measure.AMOUNT: "số tiền",
    Measure.COUNT: "số lượng",
    Measure.RANK: "thứ hạng",
    Measure.OTHER: "chưa rõ loại",
}

# Default bounds by measure: (minimum, maximum).
_BOUNDS: dict[Measure, tuple[Decimal | None, Decimal | None]] = {
    Measure.SHARE: (Decimal(0), HUNDRED),
    Measure.CHANGE: (-HUNDRED, None),
    Measure.INDEX: (Decimal(0), None),
    Measure.AMOUNT: (Decimal(0), None),
    Measure.COUNT: (Decimal(0), None),
    Measure.RANK: (Decimal(1), None),
    Measure.OTHER: (None, None),
}

RULE_FIELDS = ("minimum", "maximum", "max_ratio")


@dataclass(frozen=True)
class Finding:
    """One problem with a value: a stable code, refusal or warning, a Vietnamese message."""

    code: str
    severity: Severity
    message: str

    @property
    def refused(self) -> bool:
        return self.severity is Severity.REFUSE


@dataclass(frozen=True)
class Rule:
    """The effective rule of an indicator; `overridden` names the fields the planner set."""

    measure: Measure
    minimum: Decimal | None
    maximum: Decimal | None
    max_ratio: Decimal | None  # N: warn above N times or below 1/N of the last figure
    overridden: frozenset[str] = frozenset()

    def origin(self, name: str) -> str:
        """ "riêng" (set by the planner) or "mặc định" (from the unit), for the rule page."""
        return "riêng" if name in self.overridden else "mặc định"


def read_overrides(stored: Mapping[str, object] | None) -> dict[str, Decimal | None]:
    """The planner's overrides as stored ({"minimum": "0", "max_ratio": null}): a key that is
    present overrides the default, a None value means "no check".

    >>> read_overrides({"minimum": "-5", "max_ratio": None, "other": 1})
    {'minimum': Decimal('-5'), 'max_ratio': None}
    """
    overrides: dict[str, Decimal | None] = {}
    for name in RULE_FIELDS:
        if stored is None or name not in stored:
            continue
        raw = stored[name]
        try:
            overrides[name] = None if raw is None else Decimal(str(raw))
        except InvalidOperation:
            continue  # a hand-edited value that is not a number: the default applies
    return overrides


def measure_of(unit: str | None, name: str) -> Measure:
    """What the indicator's number is, from its unit code and its name.

    >>> measure_of("pct", "Tỷ lệ hộ nghèo")
    <Measure.SHARE: 'share'>
    >>> measure_of("pct", "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)")
    <Measure.CHANGE: 'change'>
    >>> measure_of("pct_per_year", "Năng suất lao động")
    <Measure.CHANGE: 'change'>
    >>> measure_of("ty_dong", "Thu ngân sách nhà nước")
    <Measure.AMOUNT: 'amount'>
    """
    if not unit:
        return Measure.OTHER
    try:
        dimension = get_unit(unit).dimension
    except UnknownUnitError:
        return Measure.OTHER
    if dimension == "rate":
        lowered = _lower(name)
        if unit == "pct_per_year" or _CHANGE_WORDS & set(_WORD.findall(lowered)):
            return Measure.CHANGE
        if any(word in lowered for word in _INDEX_WORDS):
            return Measure.INDEX
        return Measure.SHARE
    if dimension.startswith("money"):
        return Measure.AMOUNT
    if dimension == "rank":
        return Measure.RANK
    return Measure.COUNT  # people, communes, areas, doctors per 10,000, years, scores


def effective_rule(
    unit: str | None, name: str, overrides: Mapping[str, Decimal | None] | None = None
) -> Rule:
    """The default rule for the unit and name, with the planner's overrides on top.

    >>> rule = effective_rule("pct", "Tỷ lệ hộ nghèo", {"max_ratio": Decimal(5)})
    >>> rule.minimum, rule.maximum, rule.max_ratio, sorted(rule.overridden)
    (Decimal('0'), Decimal('100'), Decimal('5'), ['max_ratio'])
    """
    measure = measure_of(unit, name)
    minimum, maximum = _BOUNDS[measure]
    values: dict[str, Decimal | None] = {
        "minimum": minimum,
        "maximum": maximum,
        "max_ratio": DEFAULT_MAX_RATIO,
    }
    given = dict(overrides or {})
    values.update({k: v for k, v in given.items() if k in RULE_FIELDS})
    return Rule(
        measure,
        values["minimum"],
        values["maximum"],
        values["max_ratio"],
        frozenset(k for k in given if k in RULE_FIELDS),
    )


def is_structure(name: str) -> bool:
    """A "cơ cấu" indicator: its sub-items are shares of one whole and add up to 100 %.

    >>> is_structure("Cơ cấu kinh tế"), is_structure("Thu ngân sách")
    (True, False)
    """
    lowered = _lower(name)
    return any(word in lowered for word in _STRUCTURE_WORDS)


def _lower(name: str) -> str:
    return unicodedata.normalize("NFC", name).lower()


@dataclass(frozen=True)
class Other:
    """Another figure the value is compared with: its indicator's name, period and value."""

    name: str
    value: Decimal
    period: str = ""


@dataclass(frozen=True)
class Neighbours:
    """The figures around the value: the last one of its series and those of the same key."""

    last: Other | None = None  # the latest earlier figure of the same series
    total: Other | None = None  # the parent indicator's figure, when the parent is a total
    parts: tuple[Other, ...] = ()  # the sub-items' figures, when this is a total
    shares: tuple[Other, ...] = ()  # the other shares of the same structure
    unit_symbol: str = ""  # for the messages ("%", "tỷ đồng")


def check_value(value: Decimal, rule: Rule, around: Neighbours = Neighbours()) -> list[Finding]:
    """Every finding about `value` under `rule`, refusals first.

    >>> rule = effective_rule("pct", "Tỷ lệ hộ nghèo")
    >>> [f.code for f in check_value(Decimal("-5"), rule)]
    ['pct_out_of_range']
    >>> [(f.code, f.severity.value) for f in check_value(Decimal(24), rule,
    ...     Neighbours(last=Other("Tỷ lệ hộ nghèo", Decimal("1.2"), "2025")))]
    [('jump_from_last', 'warn')]
    """
    stored = _store_limit(value)
    if stored:
        return stored  # nothing else is worth saying about a value the store cannot keep
    findings = _range(value, rule, around.unit_symbol)
    findings += _structure(value, around)
    findings += _part_and_total(value, around)
    findings += _jump(value, rule, around)
    return sorted(findings, key=lambda f: f.severity is not Severity.REFUSE)


def _unit_text(number: Decimal, symbol: str) -> str:
    text = format_number(number)
    if not symbol:
        return text
    return f"{text}{symbol}" if symbol.startswith("%") else f"{text} {symbol}"


def _store_limit(value: Decimal) -> list[Finding]:
    """A value the store cannot keep exactly: too large, too many decimals or digits."""
    if not value.is_finite() or abs(value) >= STORE_LIMIT:
        shown = format_number(value) if value.is_finite() else str(value)
        reason = f"độ lớn phải nhỏ hơn {format_number(STORE_LIMIT)}"
        return [_refuse("beyond_store_limit", shown, reason)]
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -exponent > STORE_DECIMALS:
        reason = f"tối đa {STORE_DECIMALS} chữ số sau dấu phẩy"
        return [_refuse("beyond_store_decimals", format_number(value), reason)]
    if len(value.normalize().as_tuple().digits) > STORE_SIGNIFICANT:
        reason = f"tối đa {STORE_SIGNIFICANT} chữ số có nghĩa"
        return [_refuse("beyond_store_digits", format_number(value), reason)]
    return []


def _refuse(code: str, shown: str, reason: str) -> Finding:
    message = f"Giá trị {shown} vượt giới hạn lưu trữ ({reason}); hệ thống không lưu được."
    return Finding(code, Severity.REFUSE, message)


def _range(value: Decimal, rule: Rule, symbol: str) -> list[Finding]:
    low, high = rule.minimum, rule.maximum
    below = low is not None and value < low
    above = high is not None and value > high
    if not (below or above):
        return []
    shown = format_number(value)
    default = not ({"minimum", "maximum"} & rule.overridden)
    if rule.measure is Measure.SHARE and default:
        return [
            Finding(
                "pct_out_of_range",
                Severity.REFUSE,
                f"Tỷ lệ phải nằm trong khoảng 0–100%; {shown}% nằm ngoài khoảng này.",
            )
        ]
    if below and low == 0 and "minimum" not in rule.overridden:
        what = "Số tiền" if rule.measure is Measure.AMOUNT else "Số lượng"
        return [Finding("negative", Severity.REFUSE, f"{what} không thể âm ({shown}).")]
    if below:
        assert low is not None
        return [
            Finding(
                "below_minimum",
                Severity.REFUSE,
                f"{shown} nhỏ hơn mức thấp nhất chỉ tiêu này cho phép ({_unit_text(low, symbol)}).",
            )
        ]
    assert high is not None
    return [
        Finding(
            "above_maximum",
            Severity.REFUSE,
            f"{shown} lớn hơn mức cao nhất chỉ tiêu này cho phép ({_unit_text(high, symbol)}).",
        )
    ]


def _structure(value: Decimal, around: Neighbours) -> list[Finding]:
    if not around.shares:
        return []
    total = value + sum((share.value for share in around.shares), Decimal(0))
    if total <= HUNDRED + STRUCTURE_TOLERANCE:
        return []
    others = "; ".join(f"{s.name} {format_number(s.value)}%" for s in around.shares)
    return [
        Finding(
            "structure_over_100",
            Severity.REFUSE,
            f"Cộng với các tỷ trọng khác của cùng cơ cấu ({others}), tổng là "
            f"{format_number(total)}%, vượt 100%.",
        )
    ]


def _part_and_total(value: Decimal, around: Neighbours) -> list[Finding]:
    findings = []
    symbol = around.unit_symbol
    if around.total is not None and value > around.total.value:
        findings.append(
            Finding(
                "part_exceeds_total",
                Severity.REFUSE,
                f"{_unit_text(value, symbol)} lớn hơn chỉ tiêu tổng “{around.total.name}” "
                f"của cùng kỳ ({_unit_text(around.total.value, symbol)}); "
                "chỉ tiêu thành phần không thể lớn hơn tổng.",
            )
        )
    larger = [part for part in around.parts if part.value > value]
    if larger:
        named = "; ".join(f"“{p.name}” {_unit_text(p.value, symbol)}" for p in larger)
        findings.append(
            Finding(
                "total_below_part",
                Severity.REFUSE,
                f"{_unit_text(value, symbol)} nhỏ hơn chỉ tiêu thành phần của cùng kỳ "
                f"({named}); tổng không thể nhỏ hơn một thành phần.",
            )
        )
    return findings


def _jump(value: Decimal, rule: Rule, around: Neighbours) -> list[Finding]:
    last, ratio = around.last, rule.max_ratio
    # A ratio says nothing across zero or a change of sign (growth −1 % after 8 %).
    if last is None or ratio is None or ratio <= 1 or last.value <= 0 or value <= 0:
        return []
    if value <= last.value * ratio and value * ratio >= last.value:
        return []
    times = value / last.value
    how = (
        f"gấp {format_number(times, places=1)} lần"
        if times > 1
        else f"chỉ bằng 1/{format_number(1 / times, places=1)}"
    )
    limit = format_number(ratio)
    return [
        Finding(
            "jump_from_last",
            Severity.WARN,
            f"{_unit_text(value, around.unit_symbol)} {how} số liệu kỳ trước "
            f"({last.period}: {_unit_text(last.value, around.unit_symbol)}), ngoài mức "
            f"{limit} lần; hãy kiểm tra lại, nếu đúng thì xác nhận và ghi chú lý do.",
        )
    ]


def refusals(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.REFUSE]


def warnings(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.WARN]
