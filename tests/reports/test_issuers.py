"""The issuer table: Party committee, People's Council, People's Committee."""

from __future__ import annotations

import pytest

from chitieu.reports.issuers import ISSUER_KINDS, issuer_kind, issuing_body, signature


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Ban Chấp hành Đảng bộ tỉnh Sông Cầu", "dang_bo"),
        ("Đảng bộ tỉnh Sông Cầu", "dang_bo"),
        ("Tỉnh uỷ Sông Cầu", "dang_bo"),
        ("Đảng ủy xã Tân Phú", "dang_bo"),
        ("Hội đồng nhân dân tỉnh Sông Cầu", "hdnd"),
        ("HĐND thành phố Cửa Biển", "hdnd"),
        ("Ủy ban nhân dân xã Tân Phú", "ubnd"),
        ("UBND tỉnh Sông Cầu", "ubnd"),
    ],
)
def test_an_issuer_is_read_as_its_kind(written: str, code: str) -> None:
    found = issuer_kind(written)
    assert found is not None and found.code == code


def test_an_unknown_body_has_no_kind() -> None:
    assert issuer_kind("Sở Kế hoạch và Đầu tư") is None


@pytest.mark.parametrize(
    ("code", "level", "place", "body", "signed", "national", "motto"),
    [
        ("dang_bo", "tinh", "Tỉnh Sông Cầu", "TỈNH ỦY SÔNG CẦU", "T/M BAN THƯỜNG VỤ\nBÍ THƯ",
         "ĐẢNG CỘNG SẢN VIỆT NAM", ""),
        ("dang_bo", "thanh_pho", "Thành phố Cửa Biển", "THÀNH ỦY CỬA BIỂN",
         "T/M BAN THƯỜNG VỤ\nBÍ THƯ", "ĐẢNG CỘNG SẢN VIỆT NAM", ""),
        ("hdnd", "tinh", "Tỉnh Sông Cầu", "HỘI ĐỒNG NHÂN DÂN\nTỈNH SÔNG CẦU",
         "T/M HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc"),
        ("ubnd", "xa", "Xã Tân Phú", "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ",
         "T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc"),
    ],
)  # fmt: skip
def test_each_kind_has_its_heading_and_signature(
    code: str, level: str, place: str, body: str, signed: str, national: str, motto: str
) -> None:
    kind = ISSUER_KINDS[code]
    assert issuing_body(kind, level, place) == body
    assert signature(kind) == signed
    assert (kind.national, kind.motto) == (national, motto)
