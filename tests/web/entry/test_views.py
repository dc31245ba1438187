"""Entry pages over HTTP: who may open what, saving, conflicts, locks, review, import."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from chitieu.web.figures.models import Figure, FigureRevision, ReviewState
from chitieu.web.figures.services import approve_figure, record_figure, submit_figure
from tests.web.entry.helpers import FINANCE_FORM, HEALTH_FORM, grdp_figure, row_post
from tests.web.entry.workbooks import DOCTORS_ROW, GRDP_ROW, filled_template

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


@pytest.fixture(autouse=True)
def sync_imports(settings: Any) -> None:
    """A confirmed import runs in the request here: the test's transaction is not visible to
    another thread (tests/web/entry/test_import_jobs.py covers the background thread)."""
    settings.CHITIEU_IMPORT_SYNC = True


@pytest.fixture
def as_user(client: Client, user: Callable[[str], Any]) -> Login:
    def login(username: str) -> Client:
        client.force_login(user(username))
        return client

    return login


def grdp_prefix(store: dict[str, Any]) -> str:
    return f"r{store['grdp'].pk}"


def stored(store: dict[str, Any], status: str = "uoc") -> Figure:
    return Figure.objects.get(indicator=store["grdp"], period="2026", status=status)


# -- who may open the form --------------------------------------------------------------


def test_a_department_opens_its_form_with_target_and_previous_figure(
    as_user: Login, store: dict[str, Any]
) -> None:
    record_figure(store["grdp"], store["province"], "2025", "chinh_thuc", Decimal("9.17"),
                  actor=None, expected_version=None)  # fmt: skip
    page = as_user("sokhdt").get(FINANCE_FORM)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Tốc độ tăng tổng sản phẩm" in text
    assert "10%-11%" in text  # the target of 2026–2030
    assert "9,17" in text and "2025, chính thức" in text  # the previous year's figure
    assert f'for="id_{grdp_prefix(store)}-value"' in text  # the input has its label


def test_a_department_sees_only_its_own_indicators(as_user: Login, store: dict[str, Any]) -> None:
    text = as_user("soyte").get(HEALTH_FORM).content.decode()
    assert "Số bác sĩ/vạn dân" in text
    assert "Tốc độ tăng tổng sản phẩm" not in text


@pytest.mark.parametrize(
    ("username", "url", "status"),
    [
        ("soyte", FINANCE_FORM, 403),  # another department's form, by URL
        ("sokhdt", HEALTH_FORM, 403),
        ("xem", FINANCE_FORM, 403),  # a viewer cannot enter
        ("xem", "/nhap-lieu/", 403),
        ("tonghop", FINANCE_FORM, 200),  # the planner opens every department's form
        ("tonghop", HEALTH_FORM, 200),
        ("quantri", HEALTH_FORM, 200),
        ("tonghop", "/nhap-lieu/so_khong_co/2026/", 404),
        ("tonghop", "/nhap-lieu/so_tai_chinh/2026-Q5/", 404),
        ("sokhdt", FINANCE_FORM + "?dia_ban=xa_tan_hung", 404),  # a locality not assigned
    ],
)
def test_who_may_open_an_entry_form(
    as_user: Login, store: dict[str, Any], username: str, url: str, status: int
) -> None:
    assert as_user(username).get(url).status_code == status


def test_another_departments_form_cannot_be_posted_to(
    as_user: Login, store: dict[str, Any]
) -> None:
    response = as_user("soyte").post(FINANCE_FORM, row_post(grdp_prefix(store), value="8,1"))
    assert response.status_code == 403
    assert not Figure.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client, store: dict[str, Any]) -> None:
    response = client.get(FINANCE_FORM)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_department_index_opens_its_own_form(as_user: Login, store: dict[str, Any]) -> None:
    response = as_user("sokhdt").get("/nhap-lieu/")
    assert response.status_code == 302 and "/nhap-lieu/so_tai_chinh/" in response["Location"]


def test_the_planner_index_opens_the_chosen_department_and_period(
    as_user: Login, store: dict[str, Any]
) -> None:
    response = as_user("tonghop").get("/nhap-lieu/", {"department": "so_y_te", "period": "2026-Q2"})
    assert response["Location"] == "/nhap-lieu/so_y_te/2026-Q2/"


# -- saving -------------------------------------------------------------------------------


def test_a_value_typed_the_vietnamese_way_is_saved_as_a_draft(
    as_user: Login, store: dict[str, Any]
) -> None:
    response = as_user("sokhdt").post(FINANCE_FORM, row_post(grdp_prefix(store), value="8,1"))
    assert response.status_code == 302
    figure = stored(store)
    assert (figure.value, figure.source_text, figure.review_state) == (
        Decimal("8.1"), "8,1", ReviewState.DRAFT
    )  # fmt: skip
    assert figure.entered_by.username == "sokhdt"


def test_an_ambiguous_value_is_refused_beside_the_field_and_nothing_is_saved(
    as_user: Login, store: dict[str, Any]
) -> None:
    response = as_user("sokhdt").post(FINANCE_FORM, row_post(grdp_prefix(store), value="328,096"))
    text = response.content.decode()
    assert response.status_code == 200 and not Figure.objects.exists()
    assert "đọc được hai cách" in text and "“328,0960”" in text and "“328.096”" in text
    assert 'aria-invalid="true"' in text


def test_a_change_without_a_reason_is_refused(as_user: Login, store: dict[str, Any]) -> None:
    grdp_figure(store, "8.1")
    post = row_post(grdp_prefix(store), value="8,3", versions={"uoc": 1})
    text = as_user("sokhdt").post(FINANCE_FORM, post).content.decode()
    assert "phải ghi lý do sửa" in text
    assert stored(store).value == Decimal("8.1")


def test_a_change_with_a_reason_is_saved_with_its_history(
    as_user: Login, store: dict[str, Any]
) -> None:
    grdp_figure(store, "8.1")
    post = row_post(grdp_prefix(store), value="8,3", versions={"uoc": 1}, reason="Số liệu mới")
    as_user("sokhdt").post(FINANCE_FORM, post)
    figure = stored(store)
    last = figure.revisions.order_by("-version").first()
    assert (figure.value, figure.version) == (Decimal("8.3"), 2)
    assert last is not None and (last.old_value, last.reason) == (Decimal("8.1"), "Số liệu mới")


def test_a_conflict_shows_both_values_and_saves_nothing(
    as_user: Login, store: dict[str, Any]
) -> None:
    grdp_figure(store, "8.1")  # the department read version 1 …
    grdp_figure(store, "8.4")  # … then someone else changed it (version 2)
    post = row_post(grdp_prefix(store), value="8,3", versions={"uoc": 1}, reason="sửa")
    text = as_user("sokhdt").post(FINANCE_FORM, post).content.decode()
    assert 'class="current">8,4<' in text and 'class="yours">8,3<' in text
    assert stored(store).value == Decimal("8.4")
    # The page now carries the version shown, so saving again is deliberate and succeeds.
    assert f'name="{grdp_prefix(store)}-v_uoc" value="2"' in text
    post[f"{grdp_prefix(store)}-v_uoc"] = "2"
    assert as_user("sokhdt").post(FINANCE_FORM, post).status_code == 302
    assert stored(store).value == Decimal("8.3")


def test_a_locked_figure_is_disabled_and_the_page_says_why(
    as_user: Login, store: dict[str, Any], user: Any
) -> None:
    finance = user("sokhdt")
    submit_figure(grdp_figure(store, "8.1", actor=finance), actor=finance)
    text = as_user("sokhdt").get(FINANCE_FORM).content.decode()
    assert 'value="8,1" disabled' in text
    assert "Không sửa được:" in text and "Đang chờ duyệt (do sokhdt gửi lúc" in text


def test_a_forged_change_to_a_locked_figure_is_refused(
    as_user: Login, store: dict[str, Any], user: Any
) -> None:
    finance = user("sokhdt")
    submit_figure(grdp_figure(store, "8.1", actor=finance), actor=finance)
    post = row_post(grdp_prefix(store), value="9", versions={"uoc": 2}, reason="x")
    as_user("sokhdt").post(FINANCE_FORM, post)
    assert stored(store).value == Decimal("8.1")


def test_an_official_figure_can_be_entered_while_the_estimate_is_locked(
    as_user: Login, store: dict[str, Any]
) -> None:
    approve_figure(grdp_figure(store, "8.1"), actor=None)
    post = row_post(grdp_prefix(store), value="8,2", status="chinh_thuc")
    assert as_user("sokhdt").post(FINANCE_FORM, post).status_code == 302
    assert stored(store, "chinh_thuc").value == Decimal("8.2")
    assert stored(store, "uoc").value == Decimal("8.1")


def test_save_and_submit_sends_the_page_for_review(as_user: Login, store: dict[str, Any]) -> None:
    post = row_post(grdp_prefix(store), value="8,1", action="submit")
    as_user("sokhdt").post(FINANCE_FORM, post)
    assert stored(store).review_state == ReviewState.SUBMITTED


def test_a_viewer_cannot_post_figures(as_user: Login, store: dict[str, Any]) -> None:
    response = as_user("xem").post(FINANCE_FORM, row_post(grdp_prefix(store), value="8,1"))
    assert response.status_code == 403 and not Figure.objects.exists()


# -- review -------------------------------------------------------------------------------


def submitted(store: dict[str, Any], user: Any) -> Figure:
    finance = user("sokhdt")
    return submit_figure(grdp_figure(store, "8.1", actor=finance), actor=finance)


def review_post(figure: Figure, action: str, comment: str = "") -> dict[str, str]:
    return {
        f"f{figure.pk}-action": action,
        f"f{figure.pk}-comment": comment,
        f"f{figure.pk}-version": str(figure.version),
    }


@pytest.mark.parametrize(("username", "status"), [("sokhdt", 403), ("xem", 403), ("tonghop", 200)])
def test_only_the_planner_opens_the_review_queue(
    as_user: Login, store: dict[str, Any], username: str, status: int
) -> None:
    assert as_user(username).get("/nhap-lieu/duyet/").status_code == status


def test_the_queue_lists_submitted_figures(
    as_user: Login, store: dict[str, Any], user: Any
) -> None:
    figure = submitted(store, user)
    text = as_user("tonghop").get("/nhap-lieu/duyet/").content.decode()
    assert f'id="figure-{figure.pk}"' in text and "Chờ duyệt" in text


def test_the_planner_approves_a_submitted_figure(
    as_user: Login, store: dict[str, Any], user: Any
) -> None:
    figure = submitted(store, user)
    response = as_user("tonghop").post(
        f"/nhap-lieu/duyet/{figure.pk}/", review_post(figure, "approve")
    )
    assert response.status_code == 302
    assert stored(store).review_state == ReviewState.APPROVED


def test_a_department_cannot_approve(as_user: Login, store: dict[str, Any], user: Any) -> None:
    figure = submitted(store, user)
    response = as_user("sokhdt").post(
        f"/nhap-lieu/duyet/{figure.pk}/", review_post(figure, "approve")
    )
    assert response.status_code == 403
    assert stored(store).review_state == ReviewState.SUBMITTED


def test_returning_needs_a_comment(as_user: Login, store: dict[str, Any], user: Any) -> None:
    figure = submitted(store, user)
    response = as_user("tonghop").post(
        f"/nhap-lieu/duyet/{figure.pk}/", review_post(figure, "return")
    )
    assert response.status_code == 400
    assert "phải ghi rõ lý do" in response.content.decode()
    assert stored(store).review_state == ReviewState.SUBMITTED


def test_returning_with_a_comment_unlocks_the_figure_for_the_department(
    as_user: Login, store: dict[str, Any], user: Any
) -> None:
    figure = submitted(store, user)
    post = review_post(figure, "return", "Kiểm tra lại với Cục Thống kê")
    as_user("tonghop").post(f"/nhap-lieu/duyet/{figure.pk}/", post)
    again = stored(store)
    assert (again.review_state, again.review_comment) == (
        ReviewState.RETURNED, "Kiểm tra lại với Cục Thống kê"
    )  # fmt: skip
    text = as_user("sokhdt").get(FINANCE_FORM).content.decode()
    assert "Trả lại" in text and "Kiểm tra lại với Cục Thống kê" in text and "disabled" not in text


def test_a_stale_review_is_refused(as_user: Login, store: dict[str, Any], user: Any) -> None:
    figure = submitted(store, user)
    post = review_post(figure, "approve")
    post[f"f{figure.pk}-version"] = str(figure.version - 1)
    response = as_user("tonghop").post(f"/nhap-lieu/duyet/{figure.pk}/", post)
    assert response.status_code == 400 and "vừa được" in response.content.decode()
    assert stored(store).review_state == ReviewState.SUBMITTED


def test_reopening_an_approved_figure_needs_a_reason(as_user: Login, store: dict[str, Any]) -> None:
    figure = approve_figure(grdp_figure(store, "8.1"), actor=None)
    planner = as_user("tonghop")
    refused = planner.post(f"/nhap-lieu/duyet/{figure.pk}/", review_post(figure, "reopen"))
    assert refused.status_code == 400 and "phải ghi rõ lý do" in refused.content.decode()
    planner.post(f"/nhap-lieu/duyet/{figure.pk}/", review_post(figure, "reopen", "Sai đơn vị"))
    assert stored(store).review_state == ReviewState.DRAFT
    reopened = FigureRevision.objects.filter(figure=figure).order_by("-version").first()
    assert reopened is not None and reopened.reason == "Sai đơn vị"


def test_the_approved_list_offers_reopening(as_user: Login, store: dict[str, Any]) -> None:
    figure = approve_figure(grdp_figure(store, "8.1"), actor=None)
    text = as_user("tonghop").get("/nhap-lieu/duyet/?trang_thai=da_duyet").content.decode()
    assert f'id="figure-{figure.pk}"' in text and 'value="reopen"' in text


# -- import -------------------------------------------------------------------------------


def upload(client: Client, path: Any) -> Any:
    with path.open("rb") as handle:
        return client.post("/nhap-lieu/nhap-tep/", {"file": handle})


def test_a_viewer_cannot_import(as_user: Login, store: dict[str, Any]) -> None:
    assert as_user("xem").get("/nhap-lieu/nhap-tep/").status_code == 403


def test_the_template_is_offered_for_a_plan_and_year(as_user: Login, store: dict[str, Any]) -> None:
    response = as_user("sokhdt").get(
        "/nhap-lieu/nhap-tep/mau/", {"plan": "hung_yen_2025_2030", "year": "2026"}
    )
    assert response.status_code == 200
    assert "mau-nhap-lieu-hung_yen_2025_2030-2026.xlsx" in response["Content-Disposition"]
    assert b"".join(response.streaming_content)[:2] == b"PK"  # an xlsx is a zip


def test_a_bad_workbook_lists_every_problem_with_sheet_row_and_column(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    path = filled_template(
        tmp_path, {GRDP_ROW: ("328,096", "ước"), DOCTORS_ROW: ("11,5", "dự kiến")}
    )
    text = upload(as_user("tonghop"), path).content.decode()
    assert "có 2 lỗi; chưa ghi số liệu nào" in text
    assert (
        '<tr data-code="ambiguous"><td>KINH TẾ</td><td class="num">2</td>\n      <td>G</td>' in text
    )
    assert (
        '<tr data-code="bad_status"><td>XÃ HỘI</td><td class="num">2</td>\n      <td>H</td>' in text
    )
    assert not Figure.objects.exists()


def test_a_good_workbook_is_previewed_then_imported_on_confirmation(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    client = as_user("tonghop")
    path = filled_template(
        tmp_path, {GRDP_ROW: ("8,1", "ước"), DOCTORS_ROW: ("11,5", "chính thức")}
    )
    preview = upload(client, path)
    text = preview.content.decode()
    assert "Sẽ ghi (chạy thử, chưa ghi gì): 2 số liệu mới" in text
    assert not Figure.objects.exists(), "the check writes nothing"
    token = preview.context["staged"].token
    done = client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": token}, follow=True)
    assert "Đã ghi: 2 số liệu mới" in done.content.decode()
    assert stored(store).value == Decimal("8.1")


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("sdmx-csv", ".csv"), ("sdmx-json", ".json"), ("json", ".json")]
)
def test_an_exchange_file_is_imported_on_the_page(
    fmt: str, suffix: str, as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    from chitieu.web.figures.exchange import Selection, write_export

    grdp_figure(store, "8.1")
    path = tmp_path / f"so_lieu{suffix}"
    write_export(fmt, path, Selection())
    Figure.objects.all().delete()
    client = as_user("tonghop")
    preview = upload(client, path)
    assert "Sẽ ghi (chạy thử, chưa ghi gì): 1 số liệu mới" in preview.content.decode()
    token = preview.context["staged"].token
    client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": token}, follow=True)
    assert stored(store).value == Decimal("8.1")


def test_confirmation_checks_the_file_again(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    client = as_user("tonghop")
    path = filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")})
    token = upload(client, path).context["staged"].token
    approve_figure(grdp_figure(store, "7.9"), actor=None)  # locked between check and confirm
    text = client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": token}, follow=True)
    assert "số liệu bị khoá" in text.content.decode()
    assert stored(store).value == Decimal("7.9")


def test_confirmation_needs_the_token_of_this_session(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    client = as_user("tonghop")
    upload(client, filled_template(tmp_path, {GRDP_ROW: ("8,1", "ước")}))
    response = client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": "0" * 32})
    assert response.status_code == 302 and not Figure.objects.exists()


def test_a_department_cannot_import_another_departments_figures(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    path = filled_template(tmp_path, {DOCTORS_ROW: ("11,5", "ước")})
    text = upload(as_user("sokhdt"), path).content.decode()
    assert 'data-code="not_allowed"' in text and not Figure.objects.exists()


def test_a_file_that_is_no_workbook_is_refused_plainly(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    path = tmp_path / "so_lieu.xlsx"
    path.write_bytes(b"not a zip")
    text = upload(as_user("tonghop"), path).content.decode()
    assert "Không đọc được tệp" in text and "không mở được tệp Excel" in text


def test_an_implausible_value_is_refused_and_a_confirmed_one_saved_with_its_note(
    as_user: Login, store: dict[str, Any]
) -> None:
    record_figure(
        store["grdp"], store["province"], "2025", "chinh_thuc", Decimal("8.1"),
        actor=None, expected_version=None,
    )  # fmt: skip
    client = as_user("sokhdt")
    prefix = grdp_prefix(store)
    response = client.post(FINANCE_FORM, row_post(prefix, value="-101"))
    assert response.status_code == 200
    assert "nhỏ hơn mức thấp nhất chỉ tiêu này cho phép (-100%/năm)" in response.text
    response = client.post(FINANCE_FORM, row_post(prefix, value="162"))
    assert "gấp 20 lần số liệu kỳ trước" in response.text
    assert "Tôi xác nhận số liệu này đúng" in response.text
    assert not Figure.objects.filter(period="2026").exists()
    confirmed = row_post(prefix, value="162") | {
        f"{prefix}-confirm": "on",
        f"{prefix}-confirm_note": "Khu công nghiệp mới đi vào hoạt động",
    }
    response = client.post(FINANCE_FORM, confirmed)
    assert response.status_code == 302
    figure = Figure.objects.get(period="2026")
    assert figure.value == Decimal(162)
    (revision,) = figure.revisions.all()
    assert revision.reason == "Xác nhận số liệu bất thường: Khu công nghiệp mới đi vào hoạt động"


def test_an_unusual_value_in_a_file_is_listed_and_needs_a_confirmation_with_a_note(
    as_user: Login, store: dict[str, Any], tmp_path: Any
) -> None:
    client = as_user("tonghop")
    path = tmp_path / "so_lieu.csv"
    path.write_text(
        "Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu\n"
        "kt.grdp.tang_truong;hung_yen;2025;8,1;chính thức\n"
        "kt.grdp.tang_truong;hung_yen;2026;162;ước\n",
        encoding="utf-8",
    )
    preview = upload(client, path)
    text = preview.content.decode()
    assert "1 số liệu bất thường cần xác nhận" in text
    assert 'data-code="jump_from_last"' in text and "gấp 20 lần số liệu kỳ trước" in text
    token = preview.context["staged"].token
    unconfirmed = client.post("/nhap-lieu/nhap-tep/xac-nhan/", {"token": token})
    assert unconfirmed.status_code == 400
    assert "đánh dấu xác nhận và ghi chú" in unconfirmed.content.decode()
    assert not Figure.objects.exists()
    done = client.post(
        "/nhap-lieu/nhap-tep/xac-nhan/",
        {"token": token, "confirm": "on", "note": "Đã đối chiếu với Cục Thống kê"},
        follow=True,
    )
    assert "Đã ghi: 2 số liệu mới" in done.content.decode()
    reason = FigureRevision.objects.get(figure__period="2026").reason
    assert reason.endswith("Xác nhận số liệu bất thường: Đã đối chiếu với Cục Thống kê")


def test_a_sub_item_and_its_total_typed_on_the_same_page_are_checked_together(
    as_user: Login, store: dict[str, Any]
) -> None:
    from chitieu.web.plans.models import Department, Indicator

    plan = store["grdp"].plan
    total = Indicator.objects.create(
        code="kt.thu_ngan_sach.tong", plan=plan, name="Thu ngân sách trên địa bàn",
        unit="ty_dong", position=30,
    )  # fmt: skip
    part = Indicator.objects.create(
        code="kt.thu_ngan_sach.noi_dia", plan=plan, name="Thu nội địa", unit="ty_dong",
        parent=total, position=31,
    )  # fmt: skip
    Department.objects.get(code="so_tai_chinh").indicators.add(total, part)
    page = row_post(f"r{total.pk}", value="65.000") | row_post(f"r{part.pk}", value="70.000")
    response = as_user("sokhdt").post(FINANCE_FORM, page)
    assert response.status_code == 200
    assert "lớn hơn chỉ tiêu tổng “Thu ngân sách trên địa bàn” của cùng kỳ" in response.text
    assert "nhỏ hơn chỉ tiêu thành phần của cùng kỳ" in response.text
    assert not Figure.objects.exists()
