"""The read-only pages: sign-in required, what each role sees, filters, notes, admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(client: Any, user: Callable[[str], Any]) -> Callable[[str], Any]:
    def sign_in(username: str) -> Any:
        client.force_login(user(username))
        return client

    return sign_in


def test_the_dashboard_requires_sign_in(client: Any, store: dict[str, Any]) -> None:
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("username", ["quantri", "tonghop", "sokhdt", "xem"])
def test_every_role_sees_the_dashboard_of_the_plan(
    as_user: Callable[[str], Any], store: dict[str, Any], username: str
) -> None:
    body = as_user(username).get("/").content.decode()
    assert "Số bác sĩ/vạn dân" in body and "Tốc độ tăng tổng sản phẩm" in body


def test_the_entry_link_is_shown_to_departments_not_to_viewers(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    assert 'href="/nhap-lieu/"' in as_user("sokhdt").get("/").content.decode()
    assert 'href="/nhap-lieu/"' not in as_user("xem").get("/").content.decode()


def test_every_filter_has_a_label(as_user: Callable[[str], Any], store: dict[str, Any]) -> None:
    body = as_user("xem").get("/").content.decode()
    for name in ("ke_hoach", "nhom", "danh_gia", "so_nganh", "dia_ban"):
        assert f'<label for="id_{name}">' in body


def test_the_group_filter_narrows_the_table(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    body = as_user("xem").get("/", {"nhom": "xa_hoi"}).content.decode()
    assert 'data-code="xh.y_te.bac_si"' in body and 'data-code="kt.grdp.tang_truong"' not in body


def test_the_plan_selector_opens_a_past_term(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    body = as_user("xem").get("/", {"ke_hoach": "hung_yen_cu_2020_2025"}).content.decode()
    assert "Tỷ lệ hộ nghèo" in body


def test_the_indicator_page_quotes_its_source_and_carries_the_chart(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    put(store["doctors"], store["province"], 2026, "10.5")
    body = as_user("xem").get("/chi-tieu/xh.y_te.bac_si/").content.decode()
    assert "dòng 1450" in body
    assert 'id="chart-spec"' in body and "vega-bundle.js" in body
    assert "10,5" in body  # the figure, written the Vietnamese way


def test_an_unknown_indicator_is_404(as_user: Callable[[str], Any], store: dict[str, Any]) -> None:
    assert as_user("xem").get("/chi-tieu/khong.co/").status_code == 404


def test_the_audit_page_flags_an_official_word_the_rules_do_not_give(
    as_user: Callable[[str], Any], store: dict[str, Any], settings: Any
) -> None:
    settings.CHITIEU_SOURCE_DIRS = []  # the stored rows, not the document
    from chitieu.web.plans.models import Indicator, Locality

    poverty = Indicator.objects.get(plan__code="hung_yen_cu_2020_2025", stt="15")
    put(poverty, Locality.objects.get(code="hung_yen_cu"), 2025, "0.9")
    body = as_user("xem").get("/danh-gia-nhiem-ky-truoc/").content.decode()
    # 0,9% under a "Dưới 1,5%" ceiling is Đạt by the rules (a ceiling cannot be exceeded);
    # the table says Vượt: the row is marked, the agreement count says so.
    assert "Khớp 0/1" in body
    assert 'class="disagree" data-agree="no"' in body and "Tỷ lệ hộ nghèo" in body


def _task() -> Any:
    from chitieu.web.plans.models import Task

    return Task.objects.get(code="vi.1.1")


def test_a_planner_records_a_note_and_a_change_adds_a_row(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    from chitieu.web.dashboard.models import TaskNote

    client = as_user("tonghop")
    url = f"/nhiem-vu/{_task().pk}/"
    client.post(url, {"period": "2026", "text": "Đã khởi công"})
    client.post(url, {"period": "2026", "text": "Đã hoàn thành 40%"})
    assert list(TaskNote.objects.values_list("text", flat=True).order_by("pk")) == [
        "Đã khởi công",
        "Đã hoàn thành 40%",
    ]
    assert "Đã hoàn thành 40%" in client.get("/nhiem-vu/").content.decode()


def test_a_viewer_may_not_write_a_note(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    from chitieu.web.dashboard.models import TaskNote

    client = as_user("xem")
    url = f"/nhiem-vu/{_task().pk}/"
    assert "Lưu ghi chú" not in client.get(url).content.decode()
    assert client.post(url, {"period": "2026", "text": "x"}).status_code == 403
    assert not TaskNote.objects.exists()


def test_a_note_with_a_bad_period_is_refused(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    response = as_user("sokhdt").post(
        f"/nhiem-vu/{_task().pk}/", {"period": "năm nay", "text": "x"}
    )
    assert response.status_code == 400 and "không hợp lệ" in response.content.decode()


def test_the_task_list_shows_confirmed_indicators_and_counts_suggestions(
    as_user: Callable[[str], Any], store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    from chitieu.web.plans.task_links import confirm_task_link

    body = as_user("xem").get("/nhiem-vu/").content.decode()
    assert "Tái cơ cấu công nghiệp" in body and "/chi-tieu/kt.grdp.tang_truong/" not in body
    assert "1 chỉ tiêu gợi ý chờ xác nhận" in body
    confirm_task_link(_task(), store["grdp"], actor=user("tonghop"))
    body = as_user("xem").get("/nhiem-vu/").content.decode()
    assert "/chi-tieu/kt.grdp.tang_truong/" in body and "gợi ý chờ xác nhận" not in body


@pytest.mark.parametrize("username", ["tonghop", "sokhdt", "xem"])
def test_only_administrators_enter_the_admin(
    as_user: Callable[[str], Any], store: dict[str, Any], username: str
) -> None:
    assert as_user(username).get("/admin/plans/indicator/").status_code == 302


def test_an_administrator_searches_indicators_in_the_admin(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    response = as_user("quantri").get("/admin/plans/indicator/", {"q": "bác sĩ"})
    assert response.status_code == 200 and "xh.y_te.bac_si" in response.content.decode()


@pytest.mark.parametrize(
    "model", ["plan", "group", "indicator", "target", "task", "locality", "department"]
)
def test_the_admin_covers_the_catalogue(
    as_user: Callable[[str], Any], store: dict[str, Any], model: str
) -> None:
    assert as_user("quantri").get(f"/admin/plans/{model}/").status_code == 200


def _put_period(store: dict[str, Any], period: str, value: str) -> None:
    from decimal import Decimal

    from chitieu.catalog.period import Period
    from chitieu.web.figures.services import record_figure

    record_figure(
        store["doctors"],
        store["province"],
        Period.parse(period),
        "uoc",
        Decimal(value),
        actor=None,
        expected_version=None,
        source="https://baohungyen.vn/bai-viet",
    )


def _section(body: str, anchor: str) -> str:
    start = body.index(f'id="{anchor}"')
    return body[start : body.index("</section>", start)]


def test_baselines_are_whole_years_before_the_period(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    """A nine-month figure of 2025 is no baseline: it stays in the figures table, in words."""
    put(store["doctors"], store["province"], 2025, "11", status="uoc")
    _put_period(store, "2025-9M", "10.8")
    body = as_user("tonghop").get("/chi-tieu/xh.y_te.bac_si/").content.decode()
    baselines = _section(body, "nam-goc")
    assert "Năm 2025: 11 bác sỹ/vạn dân" in baselines
    assert "10,8" not in baselines and "9M" not in baselines
    figures = _section(body, "so-lieu")
    assert "9 tháng năm 2025" in figures and "2025-9M" not in figures


def test_the_dashboard_shows_a_january_figure_with_its_month(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    """Doctors per 10,000 inhabitants are a stock: January's value is where it stood in
    January, not a share of the year (no "lũy kế", no shares)."""
    put(store["doctors"], store["province"], 2025, "11", status="uoc")
    _put_period(store, "2026-01", "11.1")
    body = as_user("tonghop").get("/").content.decode()
    row = body[body.index('data-code="xh.y_te.bac_si"') :]
    row = row[: row.index("</tr>")]
    assert "11,1 bác sỹ/vạn dân" in row and "tháng 1/2026 · ước" in row
    assert "lũy kế" not in row and "mục tiêu năm" not in row
    assert "Chưa có số liệu" in row  # no yearly figure of the period yet


def test_an_empty_at_risk_list_says_why(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    body = as_user("xem").get("/").content.decode()
    text = _section(body, "rui-ro")
    assert "chưa xếp được vì chưa đủ số liệu" in text
    assert "needs_acceleration" not in text


def test_the_required_path_is_explained_in_words(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    """The path's summary never shows the core's shape code ("compound", "linear")."""
    put(store["doctors"], store["province"], 2025, "11")
    body = as_user("tonghop").get("/chi-tieu/xh.y_te.bac_si/").content.decode()
    summary = body[body.index("<summary>Lộ trình cần đạt") :]
    summary = summary[: summary.index("</summary>")]
    for code in ("compound", "linear", "gap", "flat"):
        assert f"({code})" not in summary


def _doctors_row(body: str) -> str:
    start = body.index('<tr data-code="xh.y_te.bac_si"')
    return body[start : body.index("</tr>", start)]


def _approved_2025_and_draft_2026(store: dict[str, Any]) -> None:
    from chitieu.web.figures.services import approve_figure

    approve_figure(put(store["doctors"], store["province"], 2025, "12"), actor=None)
    put(store["doctors"], store["province"], 2026, "16")


def test_the_official_view_leaves_draft_figures_out_of_the_row(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    """The planner's working view: the 2026 draft (16 ≥ 15) is latest and assessed; the
    official view: the 2025 figure is latest and nothing in 2026–2030 is approved yet."""
    _approved_2025_and_draft_2026(store)
    client = as_user("tonghop")
    everything = _doctors_row(client.get("/").content.decode())
    approved = _doctors_row(client.get("/", {"so_lieu": "chinh-thuc"}).content.decode())
    assert "<em>16 " in everything and "Năm 2025" not in everything
    assert '<td class="num">12 ' in approved and "Năm 2026" not in approved
    assert 'data-status="chua_co_so_lieu"' in approved
    assert 'data-status="chua_co_so_lieu"' not in everything


def test_a_viewer_sees_the_official_view_only(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    _approved_2025_and_draft_2026(store)
    client = as_user("xem")
    for asked in ({}, {"so_lieu": "du-thao"}):
        body = client.get("/", asked).content.decode()
        assert 'data-mode="chinh-thuc"' in body
        assert '<td class="num">12 ' in _doctors_row(body)
    assert '<option value="du-thao"' not in body


@pytest.mark.parametrize(
    ("username", "mode"),
    [("tonghop", "du-thao"), ("sokhdt", "du-thao"), ("quantri", "du-thao"), ("xem", "chinh-thuc")],
)
def test_the_page_says_which_figures_it_counts_by_role(
    as_user: Callable[[str], Any], store: dict[str, Any], username: str, mode: str
) -> None:
    body = as_user(username).get("/").content.decode()
    assert f'data-mode="{mode}"' in body
    said = "Bản làm việc (dự thảo)" if mode == "du-thao" else "Số liệu chính thức"
    assert said in _section_text(body, "cach-tinh")
    assert f'<option value="{mode}" selected>' in body


def test_a_returned_figure_counts_in_no_view(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    from chitieu.web.figures.services import return_figure, submit_figure

    figure = submit_figure(put(store["doctors"], store["province"], 2026, "16"), actor=None)
    return_figure(figure, actor=None, comment="Sai nguồn")
    client = as_user("tonghop")
    for mode in ("du-thao", "chinh-thuc"):
        row = _doctors_row(client.get("/", {"so_lieu": mode}).content.decode())
        assert "16 " not in row and 'data-status="chua_co_so_lieu"' in row
    page = client.get("/chi-tieu/xh.y_te.bac_si/").content.decode()
    assert 'data-state="tra_lai" class="muted" data-counted="false"' in page
    assert "(không tính)" in _section(page, "so-lieu")


def _section_text(body: str, anchor: str) -> str:
    start = body.index(f'id="{anchor}"')
    return body[start : body.index("</p>", start)]


def test_the_working_view_marks_a_value_not_yet_approved(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    _approved_2025_and_draft_2026(store)
    working = _doctors_row(as_user("tonghop").get("/").content.decode())
    assert 'data-unapproved="true"' in working and 'title="Số liệu chưa duyệt">*' in working
    official = as_user("tonghop").get("/", {"so_lieu": "chinh-thuc"}).content.decode()
    assert 'data-unapproved="true"' not in official and "chu-thich-chua-duyet" not in official


def test_the_audit_page_counts_each_summary_sentence_under_each_named_rule(
    as_user: Callable[[str], Any], store: dict[str, Any], seed_path: Any, settings: Any
) -> None:
    settings.CHITIEU_SOURCE_DIRS = [str(seed_path.parent)]
    body = as_user("xem").get("/danh-gia-nhiem-ky-truoc/").content.decode()
    rules = body[body.index('id="cach-tinh-cau"') : body.index('id="kiem-tra-cau"')]
    for name in ("Theo chỉ tiêu tốt nhất", "Theo chỉ tiêu kém nhất", "Từng chỉ tiêu"):
        assert f'<th scope="row">{name}</th>' in rules
    claims = body[body.index('id="kiem-tra-cau"') :]
    row = claims[claims.index("12/19 nhóm chỉ tiêu") : claims.index("</tr>", claims.index("12/19"))]
    assert 'data-verdict="depends on rule"' in claims
    assert '<td class="num holds">12/19</td>' in row and '<td class="num">15/35</td>' in row
    assert "Khớp theo một cách tính" in row and "Không khớp" not in row
    assert "khớp nếu nhóm được tính theo chỉ tiêu tốt nhất của nhóm" in row


def test_the_task_page_shows_suggestions_and_the_planner_decides(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    from chitieu.web.plans.models import LinkState, TaskIndicator

    client = as_user("tonghop")
    url = f"/nhiem-vu/{_task().pk}/"
    page = client.get(url).content.decode()
    assert 'id="lien-ket-goi-y"' in page and "Gợi ý của bộ đọc, chờ xác nhận" in page
    assert 'value="xac_nhan"' in page and 'id="them-lien-ket"' in page
    link_url = f"/nhiem-vu/{_task().pk}/lien-ket/"
    response = client.post(link_url, {"thao_tac": "xac_nhan", "chi_tieu": store["grdp"].pk})
    assert response.status_code == 302 and response["Location"] == url
    client.post(link_url, {"thao_tac": "them", "chi_tieu": store["doctors"].pk})
    assert dict(TaskIndicator.objects.values_list("indicator__code", "state")) == {
        store["grdp"].code: LinkState.CONFIRMED,
        store["doctors"].code: LinkState.CONFIRMED,
    }
    client.post(link_url, {"thao_tac": "bo", "chi_tieu": store["doctors"].pk})
    page = client.get(url).content.decode()
    assert 'id="lien-ket-xac-nhan"' in page and 'id="lien-ket-da-bo"' in page
    assert "Đã bỏ liên kết với chỉ tiêu." in page


@pytest.mark.parametrize("username", ["xem", "sokhdt"])
def test_other_roles_see_links_but_may_not_decide(
    as_user: Callable[[str], Any], store: dict[str, Any], username: str
) -> None:
    from chitieu.web.plans.models import LinkState, TaskIndicator

    client = as_user(username)
    page = client.get(f"/nhiem-vu/{_task().pk}/").content.decode()
    assert 'id="lien-ket-goi-y"' in page and 'value="xac_nhan"' not in page
    response = client.post(
        f"/nhiem-vu/{_task().pk}/lien-ket/", {"thao_tac": "xac_nhan", "chi_tieu": store["grdp"].pk}
    )
    assert response.status_code == 403
    assert "chỉ bộ phận tổng hợp được làm việc này" in response.content.decode()
    assert set(TaskIndicator.objects.values_list("state", flat=True)) == {LinkState.SUGGESTED}


def test_a_bad_link_action_changes_nothing(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    from chitieu.web.plans.models import LinkState, TaskIndicator

    client = as_user("tonghop")
    response = client.post(
        f"/nhiem-vu/{_task().pk}/lien-ket/", {"thao_tac": "xoa", "chi_tieu": store["grdp"].pk}
    )
    assert response.status_code == 302
    page = client.get(f"/nhiem-vu/{_task().pk}/").content.decode()
    assert "Thao tác với liên kết chỉ tiêu không hợp lệ." in page
    assert set(TaskIndicator.objects.values_list("state", flat=True)) == {LinkState.SUGGESTED}


def test_the_indicator_page_lists_linked_tasks_but_not_removed_ones(
    as_user: Callable[[str], Any], store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    from chitieu.web.plans.task_links import confirm_task_link, remove_task_link

    client = as_user("xem")
    page = client.get("/chi-tieu/kt.grdp.tang_truong/").content.decode()
    assert 'Tái cơ cấu công nghiệp</a> <small class="muted">(gợi ý của bộ đọc' in page
    confirm_task_link(_task(), store["grdp"], actor=user("tonghop"))
    page = client.get("/chi-tieu/kt.grdp.tang_truong/").content.decode()
    assert "Tái cơ cấu công nghiệp</a>" in page and "gợi ý của bộ đọc" not in page
    remove_task_link(_task(), store["grdp"], actor=user("tonghop"))
    page = client.get("/chi-tieu/kt.grdp.tang_truong/").content.decode()
    assert "Tái cơ cấu công nghiệp" not in page
    assert "Chưa có nhiệm vụ nào được liên kết." in page


def test_the_indicator_pages_switch_leads_to_the_other_view(
    as_user: Callable[[str], Any], store: dict[str, Any]
) -> None:
    """The planner opens the working view; its link leads to the official one and back
    (the link once read the view's enum class in the template, which Django calls)."""
    client = as_user("tonghop")
    url = f"/chi-tieu/{store['doctors'].code}/"
    working = client.get(url).content.decode()
    assert 'data-mode="du-thao"' in working and 'href="?so_lieu=chinh-thuc' in working
    official = client.get(url, {"so_lieu": "chinh-thuc"}).content.decode()
    assert 'data-mode="chinh-thuc"' in official and 'href="?so_lieu=du-thao' in official
