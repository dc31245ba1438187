"""Applying a place profile: localities named by the profile, idempotent, audited, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chitieu.catalog.io import write_catalogue
from chitieu.profile.io import read_profile
from chitieu.profile.model import PlaceProfile
from tests.web.builders import web_catalogue

pytestmark = pytest.mark.django_db

PROFILE = """
place: {name: Hưng Yên, code: hung_yen, level: tinh}
former_units:
  - {name: Hưng Yên, code: hung_yen_cu, years: [2020, 2025]}
localities:
  - {code: xa_tan_hung, name: Xã Tân Hưng, kind: xa}
  - {code: thon_1, name: Thôn 1, kind: khac, parent: xa_tan_hung}
departments:
  - {code: so_tai_chinh, name: Sở Tài chính, indicators: [kt.*], localities: [hung_yen/*]}
documents:
  resolution: {path: catalogue.yaml}
"""


def profile_in(folder: Path, text: str = PROFILE) -> PlaceProfile:
    write_catalogue(web_catalogue(), folder / "catalogue.yaml")
    (folder / "profile.yaml").write_text(text, encoding="utf-8")
    return read_profile(folder / "profile.yaml")


def apply(profile: PlaceProfile) -> Any:
    from chitieu.web.plans.profiles import apply_profile

    return apply_profile(profile, actor=None)


def test_the_profile_names_the_place_its_former_units_and_localities(tmp_path: Path) -> None:
    from chitieu.web.plans.models import Locality

    apply(profile_in(tmp_path))
    found = {loc.code: (loc.name, loc.kind, loc.parent.code if loc.parent else None)
             for loc in Locality.objects.select_related("parent")}  # fmt: skip
    assert found == {
        "hung_yen": ("Tỉnh Hưng Yên", "tinh", None),
        "hung_yen_cu": ("Tỉnh Hưng Yên (cũ)", "tinh_cu", "hung_yen"),
        "xa_tan_hung": ("Xã Tân Hưng", "xa", "hung_yen"),
        "thon_1": ("Thôn 1", "khac", "xa_tan_hung"),
    }


def test_each_step_is_one_line_and_the_departments_get_their_entries(tmp_path: Path) -> None:
    from chitieu.web.plans.models import Department
    from chitieu.web.plans.ownership import unassigned_indicators

    steps = apply(profile_in(tmp_path)).steps
    assert steps[0] == "Địa bàn: 4 mới, 0 cập nhật (Tỉnh Hưng Yên, 1 đơn vị cũ, 2 xã, phường)."
    assert steps[1].startswith("Nghị quyết catalogue.yaml: Đã nạp hung_yen_2025_2030")
    missing = unassigned_indicators()
    assert missing.exists() and all(not i.code.startswith("kt.") for i in missing)
    assert steps[-1] == (
        f"Sở, ngành: 1 (so_tai_chinh); {missing.count()} chỉ tiêu chưa có sở, ngành nhập."
    )
    finance = Department.objects.get(code="so_tai_chinh")
    assert finance.localities.count() == 4
    assert all("\n" not in step for step in steps)


def test_applying_again_changes_nothing_and_leaves_a_second_audit_entry(tmp_path: Path) -> None:
    from chitieu.web.audit.models import AuditEntry
    from chitieu.web.figures.models import FigureRevision

    profile = profile_in(tmp_path)
    apply(profile)
    revisions = FigureRevision.objects.count()
    again = apply(profile).steps
    assert again[0].startswith("Địa bàn: 0 mới, 4 cập nhật")
    assert "0 chỉ tiêu mới" in again[1] and "Đã lưu 0 số liệu từ văn bản" in again[2]
    assert FigureRevision.objects.count() == revisions
    entries = AuditEntry.objects.filter(action="ap_dung_ho_so")
    assert entries.count() == 2
    assert entries.first().subject == f"{tmp_path.name}/profile.yaml"  # type: ignore[union-attr]


def test_an_unknown_parent_changes_nothing(tmp_path: Path) -> None:
    from chitieu.web.plans.localities import LocalityFileError
    from chitieu.web.plans.models import Locality

    text = PROFILE.replace("parent: xa_tan_hung", "parent: xa_khong_co")
    with pytest.raises(LocalityFileError, match="“thon_1”: không có địa bàn cha “xa_khong_co”"):
        apply(profile_in(tmp_path, text))
    assert not Locality.objects.exists()


def test_a_department_entry_the_store_lacks_names_its_key(tmp_path: Path) -> None:
    from chitieu.profile.departments import DepartmentsFileError
    from chitieu.web.plans.models import Plan

    text = PROFILE.replace("indicators: [kt.*]", "indicators: [kt.khong_co]")
    with pytest.raises(DepartmentsFileError) as raised:
        apply(profile_in(tmp_path, text))
    assert str(raised.value) == (
        "profile.yaml, khoá “departments[0].indicators”: Không có chỉ tiêu nào mã “kt.khong_co”."
    )
    assert not Plan.objects.exists(), "the whole profile is one transaction"


def test_a_catalogue_of_another_place_is_refused(tmp_path: Path) -> None:
    text = PROFILE.replace("code: hung_yen, level", "code: noi_khac, level")
    with pytest.raises(ValueError, match="thuộc địa bàn “hung_yen”, hồ sơ là của “noi_khac”"):
        apply(profile_in(tmp_path, text))


def test_demo_users_get_the_demo_password_only_when_new(tmp_path: Path) -> None:
    from django.contrib.auth import authenticate, get_user_model

    from chitieu.web.plans.profiles import DEMO_PASSWORD, apply_profile

    text = PROFILE + "demo_users: [{username: xem, role: viewer}]\n"
    profile = profile_in(tmp_path, text)
    report = apply_profile(profile, actor=None, demo_users=True)
    assert report.logins == [("xem", "Chỉ xem")]
    viewer = get_user_model().objects.get(username="xem")
    viewer.set_password("mat-khau-rieng")
    viewer.save()
    apply_profile(profile, actor=None, demo_users=True)
    assert authenticate(username="xem", password="mat-khau-rieng") is not None
    assert authenticate(username="xem", password=DEMO_PASSWORD) is None
