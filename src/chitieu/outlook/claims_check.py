"""Check the relations the prose itself states between its numbers.

A relation claim ("gấp 1,73 lần so với năm 2020", "tăng 67,77%", "bình quân
tăng 14,2%/năm", "tương đương 4.200 USD") attaches to the value stated just
before it on the same line. Then:

- a multiple and a growth of the same value against the same year must agree:
  N = 1 + X/100, or N = (1 + g)^years for an average yearly growth;
- a multiple or an increase needs the value of the base year: found among the
  claims (same unit, similar subject), else "cannot check for lack of a base";
- an equivalent in USD implies an exchange rate, within the assumed range;
- three or more shares on one line (a structure) add up to 100 %;
- a count followed by its list in brackets ("2 huyện (Văn Giang, Phù Cừ)")
  equals the number of listed items.

Numbers agree when they do within the rounding of the numbers as written
(half a unit of the last digit written), never by a looser tolerance.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.catalog.model import Claim
from chitieu.catalog.text import fold
from chitieu.outlook.assumptions import DEFAULT_ASSUMPTIONS, Assumptions
from chitieu.outlook.coherence_base import HUNDRED, ONE, num
from chitieu.quantity.units import convert, get_unit

RELATIONS = ("gap", "increase", "average", "equivalent")
VND_UNITS = (
    "ty_dong",
    "trieu_dong",
    "nghin_dong",
    "dong",
    "ty_dong_per_year",
    "trieu_dong_per_year",
)
USD_UNITS = ("ty_usd", "trieu_usd", "usd")
MIN_STRUCTURE_SHARES = 3  # fewer shares on a line is a mention, not a structure


class ClaimVerdict(StrEnum):
    AGREES = "agrees"
    DISAGREES = "disagrees"
    CANNOT_CHECK = "cannot_check"

    @property
    def label(self) -> str:
        return {"agrees": "Khớp", "disagrees": "Không khớp", "cannot_check": "Không kiểm tra được"}[
            self.value
        ]


@dataclass(frozen=True)
class ClaimResult:
    line: int
    text: str
    verdict: ClaimVerdict
    detail: str  # Vietnamese, with the arithmetic


def half_unit(value_text: str) -> Decimal:
    """Half a unit of the last digit written: the rounding a written number carries.

    >>> half_unit("1,73"), half_unit("14,2"), half_unit("4.200"), half_unit("60")
    (Decimal('0.005'), Decimal('0.05'), Decimal('5E+1'), Decimal('0.5'))
    """
    digits = re.sub(r"[^\d,]", "", value_text)
    whole, _, frac = digits.partition(",")
    if frac:
        return Decimal(5).scaleb(-len(frac) - 1)
    # Trailing zeros count as rounding only in a grouped number ("4.200"): "60" is exact.
    grouped = "." in value_text and whole.strip("0")
    zeros = len(whole) - len(whole.rstrip("0")) if grouped else 0
    return Decimal(5).scaleb(zeros - 1)


def check_claims(
    claims: Sequence[Claim],
    assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
) -> tuple[ClaimResult, ...]:
    """The verdict on every checkable relation the claims state, in line order."""
    by_line: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_line[claim.line].append(claim)
    results: list[ClaimResult] = []
    for line in sorted(by_line):
        row = by_line[line]
        for value, attached in _segments(row):
            results.extend(_relations(value, attached, claims, assumptions))
        results.extend(_structure(line, row))
        results.extend(_counts(line, row))
    return tuple(results)


def _is_relation(claim: Claim) -> bool:
    return claim.relation in RELATIONS


def _segments(row: list[Claim]) -> list[tuple[Claim | None, list[Claim]]]:
    """Each value with the relation claims that follow it in the same sentence.

    Relations before any value of their sentence form a segment without a value:
    they can still be checked against each other.
    """
    segments: list[tuple[Claim | None, list[Claim]]] = []
    sentence: str | None = None
    for claim in row:
        if not _is_relation(claim):
            segments.append((claim, []))
        elif claim.text != sentence or not segments:
            segments.append((None, [claim]))
        else:
            segments[-1][1].append(claim)
        sentence = claim.text
    return [s for s in segments if s[1]]


def _year(text: str | None) -> int | None:
    found = re.findall(r"(?:19|20)\d{2}", text or "")
    return int(found[-1]) if found and fold("giai đoạn") not in fold(text or "") else None


def _is_yearly(claim: Claim) -> bool:
    return claim.relation == "average" or claim.unit == "pct_per_year" or "/năm" in claim.text


def _relations(
    value: Claim | None, attached: list[Claim], claims: Sequence[Claim], a: Assumptions
) -> list[ClaimResult]:
    out: list[ClaimResult] = []
    growths = [c for c in attached if c.relation in ("increase", "average") and c.value is not None]
    for claim in attached:
        if claim.value is None:
            continue
        if claim.relation == "gap":
            out.append(_gap(value, claim, growths, claims))
        if value is None or value.value is None:
            continue
        if claim.relation == "equivalent":
            out.append(_equivalent(value, claim, a))
        elif (
            claim.relation == "increase"
            and not _is_yearly(claim)
            and not any(c.relation == "gap" for c in attached)
        ):
            out.append(_base_only(value, claim, claims))
    return out


def _result(claim: Claim, verdict: ClaimVerdict, detail: str) -> ClaimResult:
    return ClaimResult(claim.line, claim.text, verdict, detail)


def _gap(
    value: Claim | None, gap: Claim, growths: list[Claim], claims: Sequence[Claim]
) -> ClaimResult:
    assert gap.value is not None
    n, h = gap.value, half_unit(gap.value_text)
    base_year = _year(gap.compared_with)
    end_year = (value.year if value is not None else None) or gap.year or 0
    years = end_year - base_year if base_year else 0
    details: list[str] = []
    agreed: list[bool] = []
    for growth in growths:
        assert growth.value is not None
        g, hg = growth.value / HUNDRED, half_unit(growth.value_text) / HUNDRED
        if _is_yearly(growth):
            if years <= 0:
                continue
            low, high = (ONE + g - hg) ** years, (ONE + g + hg) ** years
            said = f"bình quân {growth.value_text}%/năm trong {years} năm cho (1 + g)^{years} = {num((ONE + g) ** years, 3)}"
        else:
            low, high = ONE + g - hg, ONE + g + hg
            said = f"tăng {growth.value_text}% cho hệ số {num(ONE + g, 4)}"
        fits = low <= n + h and n - h <= high
        details.append(f"{said}; gấp {gap.value_text} lần " + ("khớp." if fits else "không khớp."))
        agreed.append(fits)
    base = _find_base(value, base_year, claims) if value is not None else None
    if value is not None and value.value is not None and base is not None and base.value:
        ratio = value.value / base.value
        fits = abs(ratio - n) <= h + Decimal("0.005")
        details.append(
            f"{value.value_text} / {base.value_text} (năm {base_year}, dòng {base.line}) = {num(ratio, 3)} "
            + ("khớp" if fits else "không khớp")
            + f" với gấp {gap.value_text} lần."
        )
        agreed.append(fits)
    elif value is not None:
        details.append(_no_base(value, gap))
    return _result(gap, _overall(agreed), " ".join(details))


def _overall(agreed: list[bool]) -> ClaimVerdict:
    if not agreed:
        return ClaimVerdict.CANNOT_CHECK
    return ClaimVerdict.AGREES if all(agreed) else ClaimVerdict.DISAGREES


def _base_only(value: Claim, claim: Claim, claims: Sequence[Claim]) -> ClaimResult:
    assert claim.value is not None and value.value is not None
    base_year = _year(claim.compared_with)
    base = _find_base(value, base_year, claims)
    if base is None or not base.value:
        return _result(claim, ClaimVerdict.CANNOT_CHECK, _no_base(value, claim))
    change = (value.value / base.value - ONE) * HUNDRED
    fits = abs(change - claim.value) <= half_unit(claim.value_text) + Decimal("0.5")
    detail = (
        f"({value.value_text} / {base.value_text} − 1) × 100 = {num(change, 2)}% so với "
        f"tăng {claim.value_text}% nêu trong văn bản."
    )
    return _result(claim, ClaimVerdict.AGREES if fits else ClaimVerdict.DISAGREES, detail)


def _no_base(value: Claim, claim: Claim) -> str:
    against = claim.compared_with or "năm gốc"
    return (
        f"Không kiểm tra được với {value.value_text}: văn bản không nêu giá trị "
        f"“{value.subject or 'chỉ tiêu'}” của {against}."
    )


def _find_base(value: Claim, year: int | None, claims: Sequence[Claim]) -> Claim | None:
    if year is None:
        return None
    words = set(fold(value.subject).split())
    for claim in claims:
        if claim.year != year or claim.unit != value.unit or _is_relation(claim):
            continue
        other = set(fold(claim.subject).split())
        if words and len(words & other) * 2 >= len(words):
            return claim
    return None


def _equivalent(value: Claim, usd: Claim, a: Assumptions) -> ClaimResult:
    assert value.value is not None and usd.value is not None
    if value.unit not in VND_UNITS or (usd.unit or "usd") not in USD_UNITS:
        return _result(usd, ClaimVerdict.CANNOT_CHECK, "Không phải quy đổi đồng sang USD.")
    dong = convert(value.value, value.unit, "dong")
    dollars = convert(usd.value, usd.unit or "usd", "usd")
    h_d = convert(half_unit(value.value_text), value.unit, "dong")
    h_u = convert(half_unit(usd.value_text), usd.unit or "usd", "usd")
    rate = dong / dollars
    low, high = (dong - h_d) / (dollars + h_u), (dong + h_d) / (dollars - h_u)
    fits = low <= a.exchange_rate_high and a.exchange_rate_low <= high
    detail = (
        f"{value.value_text} {get_unit(value.unit).symbol} / {usd.value_text} USD = {num(rate, 0)} đồng/USD "
        f"(theo làm tròn {num(low, 0)}–{num(high, 0)}); tỷ giá giả định "
        f"{num(a.exchange_rate_low, 0)}–{num(a.exchange_rate_high, 0)}: "
        + ("khớp." if fits else "không khớp.")
    )
    return _result(usd, ClaimVerdict.AGREES if fits else ClaimVerdict.DISAGREES, detail)


def _structure(line: int, row: list[Claim]) -> list[ClaimResult]:
    shares = [c for c in row if c.relation == "share" and c.value is not None and c.unit == "pct"]
    if len(shares) < MIN_STRUCTURE_SHARES:
        return []
    total = sum((c.value for c in shares if c.value is not None), Decimal(0))
    tolerance = sum((half_unit(c.value_text) for c in shares), Decimal(0))
    terms = " + ".join(c.value_text for c in shares)
    text = "; ".join(c.text for c in shares)
    if abs(total - HUNDRED) <= tolerance:
        verdict, why = ClaimVerdict.AGREES, "bằng 100% (trong sai số làm tròn)."
    elif total > HUNDRED:
        verdict, why = ClaimVerdict.DISAGREES, "vượt 100%."
    else:
        verdict, why = ClaimVerdict.CANNOT_CHECK, "dưới 100%: có thể văn bản chỉ liệt kê một phần."
    return [
        ClaimResult(line, text, verdict, f"Tổng các tỷ trọng {terms} = {num(total, 2)}%, {why}")
    ]


def _counts(line: int, row: list[Claim]) -> list[ClaimResult]:
    """A whole number followed by a noun and a bracketed list of names."""
    out: list[ClaimResult] = []
    seen: set[str] = set()
    for claim in row:
        if claim.value is None or claim.value != claim.value.to_integral_value():
            continue
        pattern = (
            r"(?<![\d.,])" + re.escape(claim.value_text) + r"\s+([^\d(),;%]{1,40}?)\s*\(([^)]+)\)"
        )
        found = re.search(pattern, claim.text)
        if not found or re.search(r"\d", found.group(2)) or found.group(0) in seen:
            continue
        seen.add(found.group(0))
        items = [i for i in re.split(r",|;|\svà\s", found.group(2)) if i.strip()]
        fits = Decimal(len(items)) == claim.value
        detail = (
            f"{claim.value_text} {found.group(1).strip()} với {len(items)} tên liệt kê "
            f"({', '.join(i.strip() for i in items)}): " + ("khớp." if fits else "không khớp.")
        )
        verdict = ClaimVerdict.AGREES if fits else ClaimVerdict.DISAGREES
        out.append(ClaimResult(line, found.group(0), verdict, detail))
    return out
