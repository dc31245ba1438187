"""A demo store: a place profile applied with its demo users (`chitieu demo`).

The caller has already chosen and migrated a fresh database. Nothing here
knows a place: the profile names the documents, departments and users.
"""

from __future__ import annotations

from chitieu.profile.model import PlaceProfile
from chitieu.web.plans.profiles import DEMO_PASSWORD, ProfileReport, apply_profile

__all__ = ["DEMO_PASSWORD", "build_demo"]


def build_demo(profile: PlaceProfile) -> ProfileReport:
    """Apply the profile with its demo users (password DEMO_PASSWORD)."""
    return apply_profile(profile, actor=None, demo_users=True)
