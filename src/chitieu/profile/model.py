"""A place profile: what one installation knows of its place, as reviewed data.

One YAML file per installation (`data/<place>/profile.yaml`), read by
`chitieu.profile.io`. It names the place, the former units merged into it, its
localities and departments, and the documents to read: the resolution, annual
plans, published figures with their mapping, and a national targets table. Paths
in the file are relative to the file; here they are resolved. The file's form
follows these dataclasses field by field (profile.schema.json is generated from
them by `chitieu.profile.schema_gen`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from chitieu.ingest.plan_hints import PlanHints

Level = Literal["tinh", "thanh_pho", "xa", "phuong", "dac_khu"]
LocalityKind = Literal["tinh", "thanh_pho", "tinh_cu", "xa", "phuong", "dac_khu", "khac"]
Role = Literal["administrator", "planner", "department", "viewer"]

LEVEL_WORDS = {
    "tinh": "Tỉnh",
    "thanh_pho": "Thành phố",
    "xa": "Xã",
    "phuong": "Phường",
    "dac_khu": "Đặc khu",
}
CODE = r"^[a-z0-9_-]+$"  # locality, plan and department codes: lower-case ASCII slugs


def _code(description: str) -> dict[str, str]:
    return {"pattern": CODE, "description": description}


@dataclass(frozen=True)
class Place:
    """The place the installation follows."""

    name: str = field(metadata={"description": "Tên như văn bản viết, không kèm cấp"})
    code: str = field(metadata=_code("Mã địa bàn dùng trong kế hoạch và số liệu"))
    level: Level

    @property
    def full_name(self) -> str:
        """ "Tỉnh X", "Xã Y": the name a locality row carries.

        >>> Place("Tân Phú", "tan_phu", "xa").full_name
        'Xã Tân Phú'
        """
        return f"{LEVEL_WORDS[self.level]} {self.name}"


@dataclass(frozen=True)
class FormerUnit:
    """A unit merged into the place, whose past-term results the documents still report."""

    name: str = field(metadata={"description": "Tên, không kèm cấp và “(cũ)”"})
    code: str = field(metadata=_code("Mã địa bàn của đơn vị cũ (như mã bảng kết quả: <tên>_cu)"))
    years: tuple[int, int] = field(metadata={"description": "Những năm đơn vị còn tồn tại"})
    level: Level = "tinh"

    @property
    def full_name(self) -> str:
        """ "Tỉnh X (cũ)".

        >>> FormerUnit("Sông Cầu", "song_cau_cu", (2020, 2025)).full_name
        'Tỉnh Sông Cầu (cũ)'
        """
        return f"{LEVEL_WORDS[self.level]} {self.name} (cũ)"


@dataclass(frozen=True)
class LocalityEntry:
    """A commune, ward or other locality under the place."""

    code: str = field(metadata=_code("Mã địa bàn"))
    name: str = field(metadata={"description": "Tên đầy đủ: Xã Tân Phú"})
    kind: LocalityKind
    parent: str | None = field(default=None, metadata=_code("Mã địa bàn cha; mặc định: nơi"))


@dataclass(frozen=True)
class DepartmentEntry:
    """A department and what it enters by default: indicator codes or prefixes ("kt.*"),
    then indicators whose name or code holds one of its topic words, then those of the groups
    its group words name; the default department takes what no other matched. Localities by
    code or "code/*" (the locality and everything under it)."""

    code: str = field(metadata=_code("Mã sở, ngành"))
    name: str
    indicators: tuple[str, ...] = field(
        default=(), metadata={"description": "Mã chỉ tiêu hoặc tiền tố (kt.*): ưu tiên nhất"}
    )
    topics: tuple[str, ...] = field(
        default=(),
        metadata={"description": "Từ khoá trong tên hoặc mã chỉ tiêu (không phân biệt dấu)"},
    )
    groups: tuple[str, ...] = field(
        default=(), metadata={"description": "Từ khoá trong tên hoặc mã nhóm chỉ tiêu"}
    )
    default: bool = field(
        default=False,
        metadata={"description": "Nhận mọi chỉ tiêu không sở, ngành nào khác nhận (một sở)"},
    )
    localities: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentSpec:
    """A document to read, and what a person knows of it that its text may not say."""

    path: Path
    hints: PlanHints | None = None


@dataclass(frozen=True)
class AnnualPlanSpec:
    """An annual plan: its document, or a targets CSV (indicator, target_text, kind, low,
    high, unit, source_url, note) with the resolution code of each indicator it names."""

    year: int
    document: Path | None = None
    hints: PlanHints | None = None
    targets: Path | None = None
    code: str | None = field(default=None, metadata=_code("Mã kế hoạch; mặc định: <nơi>_<năm>"))
    name: str = ""
    issuer: str = ""
    indicators: dict[str, str] = field(
        default_factory=dict, metadata={"description": "Tên chỉ tiêu trong tệp → mã nghị quyết"}
    )


@dataclass(frozen=True)
class PublishedSpec:
    """Published figures: the CSV files and the mapping that gives their rows codes."""

    mapping: Path
    files: tuple[Path, ...]


@dataclass(frozen=True)
class NationalTargets:
    """A national table of targets by province (province, target_text, low, high)."""

    path: Path
    name: str = "bảng mục tiêu quốc gia"
    indicator: str = field(
        default="kt.grdp.tang_truong",
        metadata={"description": "Mã chỉ tiêu của nghị quyết mà bảng giao"},
    )
    row: str | None = field(
        default=None, metadata={"description": "Tên của nơi trong bảng; mặc định: tên nơi"}
    )


@dataclass(frozen=True)
class Documents:
    resolution: DocumentSpec
    annual_plans: tuple[AnnualPlanSpec, ...] = ()
    published: PublishedSpec | None = None
    national_targets: NationalTargets | None = None


@dataclass(frozen=True)
class DemoUser:
    """A user `chitieu demo` creates (password chitieu-demo)."""

    username: str
    role: Role
    department: str | None = None


@dataclass(frozen=True)
class PlaceProfile:
    place: Place
    documents: Documents
    former_units: tuple[FormerUnit, ...] = ()
    # inline, or a CSV file (code, name, parent_code, kind) as `chitieu localities` reads
    localities: tuple[LocalityEntry, ...] | Path = ()
    # inline, or a CSV/YAML file as `chitieu departments` reads
    departments: tuple[DepartmentEntry, ...] | Path = ()
    demo_users: tuple[DemoUser, ...] = ()
    file: Path = field(default=Path(), metadata={"in_file": False})  # where it was read from

    @property
    def folder(self) -> Path:
        return self.file.parent

    def relative(self, path: Path) -> str:
        """A path as the profile writes it (relative to the profile's folder when it can be)."""
        try:
            return str(path.relative_to(self.folder))
        except ValueError:
            return str(path)
