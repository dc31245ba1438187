"""Store fixtures (imported by tests/web/conftest.py and the CLI tests): the test catalogue loaded, departments, and named role users.

Users: "quantri" (administrator), "tonghop" (planner), "sokhdt" (Sở Tài chính:
GRDP, province only), "soyte" (Sở Y tế: doctors, province only), "xem" (viewer).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.web.builders import DOCTORS, GRDP, web_catalogue

ROLES = {
    "quantri": ("quan_tri", None),
    "tonghop": ("tong_hop", None),
    "sokhdt": ("nhap_lieu", "so_tai_chinh"),
    "soyte": ("nhap_lieu", "so_y_te"),
    "xem": ("xem", None),
}


@pytest.fixture
def store(db: Any) -> dict[str, Any]:
    """The catalogue loaded, a commune under the province, and two departments."""
    from chitieu.web.plans.models import Department, Indicator, Locality, LocalityKind
    from chitieu.web.plans.services import load_catalogue

    load_catalogue(web_catalogue(), actor=None)
    province = Locality.objects.get(code="hung_yen")
    commune = Locality.objects.create(
        code="xa_tan_hung", name="Xã Tân Hưng", kind=LocalityKind.COMMUNE, parent=province
    )
    finance = Department.objects.create(code="so_tai_chinh", name="Sở Tài chính")
    finance.indicators.add(Indicator.objects.get(code=GRDP))
    finance.localities.add(province)
    health = Department.objects.create(code="so_y_te", name="Sở Y tế")
    health.indicators.add(Indicator.objects.get(code=DOCTORS))
    health.localities.add(province)
    return {
        "grdp": Indicator.objects.get(code=GRDP),
        "doctors": Indicator.objects.get(code=DOCTORS),
        "province": province,
        "commune": commune,
    }


@pytest.fixture
def user(store: dict[str, Any]) -> Callable[[str], Any]:
    """user("tonghop") → the named user with its role, created on first use."""
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Role
    from chitieu.web.accounts.services import create_user
    from chitieu.web.plans.models import Department

    def make(username: str) -> Any:
        existing = get_user_model().objects.filter(username=username).first()
        if existing is not None:
            return existing
        role, department = ROLES[username]
        return create_user(
            username,
            role=Role(role),
            department=Department.objects.get(code=department) if department else None,
            actor=None,
        )

    return make
