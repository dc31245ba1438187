"""The typed bodies and answers of the write endpoints (they make the OpenAPI document)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator

from chitieu.ingest.figures_file import plain
from chitieu.web.api.etags import figure_etag
from chitieu.web.api.problems import ProblemError
from chitieu.web.entry.forms import REASON_LENGTH  # the web form's limit on a reason

MAX_ROWS = 5000  # one request; a larger file goes through the import job
VALUE_HELP = (
    'Giá trị: chuỗi theo cách viết Việt Nam như trong tệp nhập ("1.234,5"; dấu chấm '
    "ngăn hàng nghìn, dấu phẩy thập phân) hoặc số JSON (1234.5), đọc chính xác từ văn bản "
    "của nó, không qua số thực dấu phẩy động."
)


def _no_nul(text: str) -> str:
    # PostgreSQL cannot store U+0000 in text: refused here rather than failing in the database.
    if "\x00" in text:
        raise ValueError("chuỗi có ký tự NUL (U+0000), không lưu được.")
    return text


Text = Annotated[str, AfterValidator(_no_nul)]


class FigureRowIn(Schema):
    """One figure to write, in the columns of the Excel template."""

    indicator: Text = Field(description="Mã chỉ tiêu, ví dụ kt.grdp.tang_truong.")
    locality: Text = Field(description="Mã địa bàn (danh sách: /api/v1/localities).")
    period: Text | int = Field(description="Kỳ: 2026, 2026-Q1, 2026-03, 2026-H1.")
    status: Text = Field(description="Loại số liệu: ước, sơ bộ, chính thức (hoặc mã uoc …).")
    value: Text | Decimal = Field(description=VALUE_HELP)
    unit: Text | None = Field(None, description="Đơn vị (nếu ghi, phải là đơn vị của chỉ tiêu).")
    source: Text | None = Field(None, description="Nguồn số liệu.")
    note: Text | None = Field(None, description="Ghi chú.")


class SubmitIn(Schema):
    rows: list[FigureRowIn] = Field(min_length=1, max_length=MAX_ROWS)
    dry_run: bool = Field(False, description="Chỉ kiểm tra và cho biết sẽ ghi gì; không ghi.")
    confirm_warnings: Text = Field(
        "",
        max_length=REASON_LENGTH,
        description="Ghi chú xác nhận các số liệu bất thường (bắt buộc khi có cảnh báo); "
        "được ghi vào lịch sử của từng số liệu đó.",
    )


class WrittenOut(Schema):
    row: int = Field(description="Dòng trong yêu cầu (bắt đầu từ 1).")
    action: str = Field(description="create | update | unchanged")
    id: int | None = Field(None, description="Mã số liệu (không có khi chạy thử một dòng mới).")
    etag: str | None = None


class SubmitOut(Schema):
    dry_run: bool
    written: bool
    created: int
    updated: int
    unchanged: int
    summary: str
    warnings: list[ProblemError] = Field(default_factory=list)
    figures: list[WrittenOut]


class ChangeIn(Schema):
    """What to change; a field left out keeps its stored value."""

    value: Text | Decimal | None = Field(None, description=VALUE_HELP)
    source: Text | None = None
    note: Text | None = None
    reason: Text = Field(
        "",
        max_length=REASON_LENGTH,
        description="Lý do sửa: bắt buộc khi đổi giá trị, như trên web.",
    )
    confirm_warnings: Text = Field(
        "",
        max_length=REASON_LENGTH,
        description="Ghi chú xác nhận khi giá trị bất thường (như ô xác nhận trên web).",
    )


class CommentIn(Schema):
    comment: Text = Field(
        "", max_length=REASON_LENGTH, description="Ý kiến khi duyệt (không bắt buộc)."
    )


class ReasonIn(Schema):
    reason: Text = Field(max_length=REASON_LENGTH, description="Lý do trả lại (bắt buộc).")


class WrittenFigureOut(Schema):
    """A figure as written, with the ETag to send as If-Match for the next change."""

    id: int
    indicator: str
    locality: str
    period: str
    status: str
    value: str = Field(description='Giá trị chính xác, dấu chấm thập phân ("1234.5").')
    source: str
    note: str
    review_state: str
    version: int
    etag: str


def figure_out(figure: Any) -> dict[str, Any]:
    return {
        "id": figure.pk,
        "indicator": figure.indicator.code,
        "locality": figure.locality.code,
        "period": figure.period,
        "status": figure.status,
        "value": str(plain(figure.value)),
        "source": figure.source,
        "note": figure.note,
        "review_state": figure.review_state,
        "version": figure.version,
        "etag": figure_etag(figure),
    }
