"""Shared helpers for the entry page tests: URLs and figures made through the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse

from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_figure
from chitieu.web.plans.models import Department, Indicator

GRDP = "kt.grdp.tang_truong"
FINANCE_FORM = "/nhap-lieu/so_tai_chinh/2026/"
HEALTH_FORM = "/nhap-lieu/so_y_te/2026/"


def form_url(department: str = "so_tai_chinh", period: str = "2026") -> str:
    return reverse("entry:form", kwargs={"department": department, "period": period})


def grdp_figure(
    store: dict[str, Any], value: str, *, actor: Any = None, status: str = "uoc"
) -> Figure:
    """Record (or change) the 2026 GRDP figure of the province as `actor` (None: the system)."""
    existing = Figure.objects.filter(
        indicator=store["grdp"], locality=store["province"], period="2026", status=status
    ).first()
    return record_figure(
        store["grdp"], store["province"], "2026", status, Decimal(value),
        actor=actor, expected_version=existing.version if existing else None,
        reason="" if existing is None else "sửa thử",
    )  # fmt: skip


def row_post(prefix: str, *, value: str, status: str = "uoc", reason: str = "",
             source: str = "", versions: dict[str, int] | None = None, action: str = "save") -> dict[str, str]:  # fmt: skip
    """The POST data of one row of the entry form, as the browser would send it."""
    data = {
        f"{prefix}-value": value,
        f"{prefix}-status": status,
        f"{prefix}-source": source,
        f"{prefix}-reason": reason,
        "action": action,
    }
    for status_code, version in (versions or {}).items():
        data[f"{prefix}-v_{status_code}"] = str(version)
    return data


POVERTY = "xh.ho_ngheo"
POVERTY_NAME = "Tỷ lệ hộ nghèo"


def poverty_indicator(store: dict[str, Any]) -> Indicator:
    """The resolution's poverty rate (a share in %, 0–100), given to Sở Tài chính as well."""
    indicator = Indicator.objects.create(
        code=POVERTY, plan=store["grdp"].plan, name=POVERTY_NAME, unit="pct", direction="lower",
        stt="20", position=20,
    )  # fmt: skip
    Department.objects.get(code="so_tai_chinh").indicators.add(indicator)
    return indicator
