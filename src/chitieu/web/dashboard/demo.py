"""A demo store: a place profile applied with its demo users (`chitieu demo`).

The caller has already chosen and migrated a fresh database. Nothing here
knows a place: the profile names the documents, departments and users.
"""

from __future__ import annotations

from django.conf import settings

from chitieu.profile.model import PlaceProfile
from chitieu.web.plans.profiles import DEMO_PASSWORD, ProfileReport, apply_profile

__all__ = ["DEMO_PASSWORD", "build_demo"]


class DemoInProduction(ValueError):
    """The demo's users share a published password: never on a production installation."""


def build_demo(profile: PlaceProfile) -> ProfileReport:
    """Apply the profile with its demo users (password DEMO_PASSWORD); refused in production."""
    if getattr(settings, "PRODUCTION", False):
        raise DemoInProduction(
            "Không tạo bản demo khi CHITIEU_PRODUCTION=1: người dùng demo dùng chung một mật khẩu "
            "công khai. Trên máy chủ thật, tạo người dùng bằng “chitieu users add”."
        )
    return apply_profile(profile, actor=None, demo_users=True)
