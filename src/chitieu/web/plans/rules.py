"""The planner's overrides of an indicator's plausibility rule (chitieu.assess.plausibility).

Only what the planner sets is stored on Indicator.plausibility; a field left to the
default follows the unit, so a better default reaches every indicator that kept it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction

from chitieu.assess._vi_number import format_number
from chitieu.assess.plausibility import RULE_FIELDS, read_overrides
from chitieu.web.accounts.permissions import require_planner
from chitieu.web.audit.models import AuditAction
from chitieu.web.audit.services import record_audit
from chitieu.web.plans.models import Indicator

FIELD_LABELS = {
    "minimum": "mức thấp nhất",
    "maximum": "mức cao nhất",
    "max_ratio": "số lần tối đa so với kỳ trước",
}
NO_CHECK = "không kiểm tra"
DEFAULT = "mặc định"


class RuleError(ValueError):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def _shown(overrides: Mapping[str, Decimal | None], name: str) -> str:
    if name not in overrides:
        return DEFAULT
    value = overrides[name]
    return NO_CHECK if value is None else format_number(value)


@transaction.atomic
def set_plausibility_rule(
    indicator: Indicator, overrides: Mapping[str, Decimal | None], *, actor: Any | None
) -> Indicator:
    """Replace the indicator's overrides: a key absent is the default, None is no check.

    Writes one audit row naming each field that changed, old → new; nothing when none did.
    """
    require_planner(actor, "đặt quy tắc kiểm tra số liệu")
    unknown = set(overrides) - set(RULE_FIELDS)
    if unknown:
        raise RuleError(f"Không có mức kiểm tra “{', '.join(sorted(unknown))}”.", code="unknown")
    low, high = overrides.get("minimum"), overrides.get("maximum")
    if low is not None and high is not None and low > high:
        raise RuleError(
            f"Mức thấp nhất ({format_number(low)}) lớn hơn mức cao nhất ({format_number(high)}).",
            code="min_above_max",
        )
    ratio = overrides.get("max_ratio")
    if ratio is not None and ratio <= 1:
        raise RuleError("Số lần tối đa so với kỳ trước phải lớn hơn 1.", code="ratio_too_small")
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    before = read_overrides(indicator.plausibility)
    after = dict(overrides)
    changed = {
        name: {"cũ": _shown(before, name), "mới": _shown(after, name)}
        for name in RULE_FIELDS
        if _shown(before, name) != _shown(after, name)
    }
    if not changed:
        return indicator
    indicator.plausibility = {
        name: None if value is None else str(value) for name, value in after.items()
    }
    indicator.save(update_fields=["plausibility"])
    what = "; ".join(
        f"{FIELD_LABELS[name]}: {change['cũ']} → {change['mới']}"
        for name, change in changed.items()
    )
    record_audit(
        actor=actor,
        action=AuditAction.RULE_CHANGED,
        subject=indicator.code,
        summary=f"Đổi quy tắc kiểm tra số liệu của chỉ tiêu {indicator.code}: {what}.",
        changes=changed,
    )
    return indicator
