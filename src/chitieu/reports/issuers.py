"""Who issues a report, and what that makes of its heading and signature block.

Vietnamese administrative convention: a State document (Nghị định 30/2020/NĐ-CP) is
headed on the right by the national title and motto; a Party document (Hướng dẫn
36-HD/VPTW) by "ĐẢNG CỘNG SẢN VIỆT NAM", with a star under the issuing committee's
name. Each body signs on behalf of its collective. The table below is the whole rule;
the place's name always comes from the plan or the profile, never from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.catalog.text import fold

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class IssuerKind:
    code: str  # as chitieu.ingest.plan_meta.BODIES: "dang_bo", "hdnd", "ubnd"
    national: str  # the right-hand heading
    motto: str  # under it ("" for a Party document)
    separator: str  # under the issuing body's name
    on_behalf: str  # first line of the signature block
    signer: str  # the signer's title
    bodies: dict[str, str]  # level -> the body's name before the place ("" = the place only)
    number: str = "Số: …/BC-…"  # the number line: a Party report is numbered "Số …-BC/…"


ISSUER_KINDS: dict[str, IssuerKind] = {
    kind.code: kind
    for kind in (
        IssuerKind(
            "dang_bo",
            PARTY,
            "",
            "*",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            {"tinh": "TỈNH ỦY", "thanh_pho": "THÀNH ỦY", "": "ĐẢNG ỦY"},
            "Số …-BC/…",
        ),
        IssuerKind(
            "hdnd",
            NATIONAL,
            MOTTO,
            "———",
            "T/M HỘI ĐỒNG NHÂN DÂN",
            "CHỦ TỊCH",
            {"": "HỘI ĐỒNG NHÂN DÂN"},
        ),
        IssuerKind(
            "ubnd",
            NATIONAL,
            MOTTO,
            "———",
            "T/M ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            {"": "ỦY BAN NHÂN DÂN"},
        ),
    )
}
DEFAULT_KIND = "ubnd"  # a plan that names no issuer is reported by the place's committee

# How an issuer is written, folded, -> its kind. Longest first when matching.
_WORDS = {
    "ban chấp hành đảng bộ": "dang_bo",
    "ban thường vụ": "dang_bo",
    "đảng bộ": "dang_bo",
    "đảng ủy": "dang_bo",
    "tỉnh ủy": "dang_bo",
    "thành ủy": "dang_bo",
    "hội đồng nhân dân": "hdnd",
    "hđnd": "hdnd",
    "ủy ban nhân dân": "ubnd",
    "ubnd": "ubnd",
}
_FOLDED = sorted(((fold(w), k) for w, k in _WORDS.items()), key=lambda p: -len(p[0]))


def issuer_kind(issuer: str) -> IssuerKind | None:
    """The kind of an issuer as a plan names it; None when it names none of the three.

    >>> issuer_kind("Đảng bộ tỉnh Sông Cầu").code, issuer_kind("UBND tỉnh Sông Cầu").code
    ('dang_bo', 'ubnd')
    >>> issuer_kind("Thành ủy Cửa Biển").code, issuer_kind("HĐND xã Tân Phú").code
    ('dang_bo', 'hdnd')
    >>> issuer_kind("Sở Tài chính") is None
    True
    """
    folded = fold(issuer)
    return next((ISSUER_KINDS[k] for word, k in _FOLDED if folded.startswith(word)), None)


def issuing_body(kind: IssuerKind, level: str, place: str) -> str:
    """The issuing body's lines at the top left: the body, then the place in capitals.

    >>> issuing_body(ISSUER_KINDS["ubnd"], "tinh", "Tỉnh Sông Cầu")
    'ỦY BAN NHÂN DÂN\\nTỈNH SÔNG CẦU'
    >>> issuing_body(ISSUER_KINDS["dang_bo"], "tinh", "Tỉnh Sông Cầu")
    'TỈNH ỦY SÔNG CẦU'
    >>> issuing_body(ISSUER_KINDS["dang_bo"], "xa", "Xã Tân Phú")
    'ĐẢNG ỦY XÃ TÂN PHÚ'
    """
    body = kind.bodies.get(level, kind.bodies.get("", ""))
    if kind.code == "dang_bo" and level in kind.bodies:
        # "Tỉnh ủy X", "Thành ủy Y": the committee's name already says the level.
        return f"{body} {_without_level(place)}".upper().strip()
    if kind.code == "dang_bo":
        return f"{body} {place}".upper().strip()
    return "\n".join(p for p in (body, place.upper()) if p)


def signature(kind: IssuerKind) -> str:
    """ "T/M ỦY BAN NHÂN DÂN\\nCHỦ TỊCH" """
    return f"{kind.on_behalf}\n{kind.signer}"


def _without_level(place: str) -> str:
    words = place.split()
    for size in (2, 1):
        if len(words) > size and fold(" ".join(words[:size])) in _LEVEL_FOLDS:
            return " ".join(words[size:])
    return place


_LEVEL_FOLDS = {fold(w) for w in ("tỉnh", "thành phố", "xã", "phường", "đặc khu")}
