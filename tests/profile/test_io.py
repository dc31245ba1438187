"""Reading a place profile: the shipped ones, the schema's drift, and every mistake named by key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from chitieu.paths import checkout
from chitieu.profile import io
from chitieu.profile.io import ProfileError, read_profile
from chitieu.profile.schema_gen import build_schema
from tests.profiles import PROFILE

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_matches_the_model() -> None:
    """Regenerate with: python -m chitieu.profile.schema_gen > src/chitieu/profile/profile.schema.json"""
    assert io.schema() == json.loads(json.dumps(build_schema()))


def shipped_profiles() -> list[Path]:
    data = ROOT / "data"
    index = yaml.safe_load((data / "profiles.yaml").read_text(encoding="utf-8"))
    return [data / name for name in index["profiles"]]


@pytest.mark.parametrize("path", shipped_profiles(), ids=lambda p: p.parent.name)
def test_every_shipped_profile_reads(path: Path) -> None:
    profile = read_profile(path)
    assert profile.file == path.resolve()
    assert profile.documents.resolution.path.is_file()


def test_the_demo_profile_is_a_shipped_one() -> None:
    index = yaml.safe_load((ROOT / "data" / "profiles.yaml").read_text(encoding="utf-8"))
    assert index["demo"] in index["profiles"]
    assert checkout() == ROOT


def test_paths_are_resolved_against_the_profile_folder() -> None:
    profile = read_profile(PROFILE)
    published = profile.documents.published
    assert published is not None
    assert published.mapping == PROFILE.parent / "published" / "mapping.yaml"
    assert profile.relative(published.mapping) == "published/mapping.yaml"
    (plan,) = profile.documents.annual_plans
    assert plan.indicators["Tỷ lệ hộ nghèo đa chiều"] == "xh.ho_ngheo"


def test_the_place_and_its_former_units() -> None:
    profile = read_profile(PROFILE)
    assert profile.place.full_name == "Tỉnh Hưng Yên"
    assert [(u.code, u.full_name, u.years) for u in profile.former_units] == [
        ("hung_yen_cu", "Tỉnh Hưng Yên (cũ)", (2020, 2025)),
        ("thai_binh_cu", "Tỉnh Thái Bình (cũ)", (2020, 2025)),
    ]


MINIMAL = (
    "place: {name: Tân Phú, code: tan_phu, level: xa}\ndocuments: {resolution: {path: nq.txt}}\n"
)


def write(folder: Path, text: str) -> Path:
    (folder / "nq.txt").write_text("NGHỊ QUYẾT\n", encoding="utf-8")
    path = folder / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_profile_needs_only_the_place_and_the_resolution(tmp_path: Path) -> None:
    profile = read_profile(write(tmp_path, MINIMAL))
    assert (profile.place.code, profile.localities, profile.departments) == ("tan_phu", (), ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("documents: {resolution: {path: nq.txt}}\n", "thiếu khoá “place”."),
        (MINIMAL.replace("level: xa", "level: huyen"),
         "khoá “place.level” phải là một trong: tinh, thanh_pho, xa, phuong, dac_khu."),
        (MINIMAL.replace("code: tan_phu", "code: Tân Phú"), "khoá “place.code”: “Tân Phú” không phải mã hợp lệ"),
        (MINIMAL + "nguoi_dung: []\n", "khoá “nguoi_dung” không có trong mẫu hồ sơ"),
        (MINIMAL.replace("nq.txt", "khong-co.txt"),
         "khoá “documents.resolution.path”: không có tệp khong-co.txt"),
        (MINIMAL + "former_units: [{name: A, code: a_cu, years: [2025]}]\n",
         "khoá “former_units[0].years” phải có đúng 2 phần tử"),
        (MINIMAL + "former_units: [{name: A, code: a_cu, years: [2025, 2020]}]\n",
         "khoá “former_units[0].years”: năm đầu lớn hơn năm cuối."),
        (MINIMAL + "localities: 12\n", "khoá “localities” phải là một danh sách, hoặc đường dẫn"),
        (MINIMAL + "localities: [{code: tan_phu, name: X, kind: xa}]\n",
         "mã địa bàn “tan_phu” được khai báo 2 lần"),
        (MINIMAL.replace("documents: {resolution: {path: nq.txt}}",
                         "documents: {resolution: {path: nq.txt}, annual_plans: [{year: 2026}]}"),
         "khoá “documents.annual_plans[0]”: ghi một trong hai, document"),
        (MINIMAL + "departments: [{code: a, name: A, default: true}, {code: b, name: B, default: true}]\n",
         "chỉ một sở, ngành được ghi default: true (đang có a, b)."),
        (MINIMAL + "departments: [{code: a, name: A, topics: y tế}]\n",
         "khoá “departments” phải là một danh sách, hoặc đường dẫn"),
        ("place: [\n", "không đọc được YAML"),
        ("- a\n", "tệp phải là một bảng khoá"),
    ],
)  # fmt: skip
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ProfileError) as raised:
        read_profile(write(tmp_path, text))
    assert str(raised.value).startswith(f"Hồ sơ địa phương {tmp_path / 'profile.yaml'}")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_several_mistakes_are_listed_one_per_line(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as raised:
        read_profile(write(tmp_path, "place: {name: X}\n"))
    assert raised.value.problems == [
        "thiếu khoá “documents”.",
        "thiếu khoá “place.code”.",
        "thiếu khoá “place.level”.",
    ]
    assert str(raised.value).splitlines()[0].endswith("có 3 lỗi:")


def test_a_missing_file_says_so() -> None:
    with pytest.raises(ProfileError, match="không có tệp này"):
        read_profile("khong-co/profile.yaml")


def test_the_example_of_docs_profile_md_is_a_valid_profile(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "profile.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert example is not None
    data = yaml.safe_load(example.group(1))
    for relative in _paths(data):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("", encoding="utf-8")
    (tmp_path / "profile.yaml").write_text(example.group(1), encoding="utf-8")
    profile = read_profile(tmp_path / "profile.yaml")
    assert profile.place.full_name == "Xã Tân Phú"


def _paths(data: dict) -> list[str]:  # type: ignore[type-arg]
    documents = data["documents"]
    found = [documents["resolution"]["path"], documents["national_targets"]["path"]]
    found += [p.get("document") or p["targets"] for p in documents["annual_plans"]]
    found += [documents["published"]["mapping"], *documents["published"]["files"]]
    return found
