"""Importing a figures file: every problem reported with its place; all rows or none written."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from chitieu.ingest.figures_file import FiguresFile, read_csv
from chitieu.web.figures.imports import ImportRejected, import_figures
from chitieu.web.figures.models import Action, Figure, FigureRevision
from chitieu.web.figures.services import approve_figure, record_figure, submit_figure

pytestmark = pytest.mark.django_db

HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ;Giá trị;Loại số liệu;Đơn vị;Nguồn;Ghi chú"
GOOD = "kt.grdp.tang_truong;hung_yen;2026;8,1;ước;%/năm;Sở Tài chính;"
GOOD_Q1 = "kt.grdp.tang_truong;hung_yen;2026-Q1;7,2;ước;;Sở Tài chính;quý 1"
DOCTORS_ROW = "xh.y_te.bac_si;hung_yen;2026;11,5;chính thức;bác sỹ/vạn dân;Sở Y tế;"


def figures(*lines: str) -> FiguresFile:
    return read_csv("\n".join([HEADER, *lines]).encode(), name="so_lieu.csv")


def rejected(*lines: str, actor: Any = None) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        import_figures(figures(*lines), actor=actor)
    assert not Figure.objects.exists(), "nothing may be written when a row is wrong"
    return caught.value


def test_a_clean_file_writes_every_row_with_history(store: dict[str, Any]) -> None:
    report = import_figures(figures(GOOD, GOOD_Q1, DOCTORS_ROW), actor=None)
    assert (report.count("create"), report.written) == (3, True)
    grdp = Figure.objects.get(indicator__code="kt.grdp.tang_truong", period="2026")
    assert (grdp.value, grdp.status, grdp.source_text) == (Decimal("8.1"), "uoc", "8,1")
    assert FigureRevision.objects.filter(action=Action.CREATE).count() == 3


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        ("kt.khong_co;hung_yen;2027;8,1;ước;;;", "unknown_indicator", "“Mã chỉ tiêu”"),
        ("kt.grdp.tang_truong;xa_khong_co;2027;8,1;ước;;;", "unknown_locality", "“Địa bàn”"),
        ("kt.grdp.tang_truong;hung_yen;2027;tám;ước;;;", "not_a_number", "“Giá trị”"),
        ("kt.grdp.tang_truong;hung_yen;2027;328,096;ước;;;", "ambiguous", "“Giá trị”"),
        ("kt.grdp.tang_truong;hung_yen;2027;8,1;ước;tỷ đồng;;", "unit_mismatch", "“Đơn vị”"),
        ("kt.grdp.tang_truong;hung_yen;2035;8,1;ước;;;", "period_outside_plan", "“Kỳ”"),
        ("kt.grdp.tang_truong;hung_yen;2026-Q5;8,1;ước;;;", "bad_period", "“Kỳ”"),
        ("kt.grdp.tang_truong;hung_yen;2027;8,1;dự kiến;;;", "bad_status", "“Loại số liệu”"),
        # %: two decimals at most; 8,1234 is not rounded to 8,12
        ("kt.grdp.tang_truong;hung_yen;2027;8,1234;ước;;;", "too_many_decimals", "“Giá trị”"),
        ("xh.y_te.bac_si;hung_yen;2027;11,555;ước;;;", "ambiguous", "“Giá trị”"),
        ("xh.y_te.bac_si;hung_yen;2027;11,5555;ước;;;", "too_many_decimals", "“Giá trị”"),
        ('kt.grdp.tang_truong;hung_yen;2027;"1,234.5";ước;;;', "english_number", "“Giá trị”"),
        ("kt.grdp.tang_truong;hung_yen;2027;8.15;ước;;;", "english_number", "“Giá trị”"),
        ("kt.grdp.tang_truong;hung_yen;2027;８,１;ước;;;", "not_a_number", "“Giá trị”"),
    ],
)
def test_a_wrong_row_is_reported_at_its_cell_and_nothing_is_written(
    store: dict[str, Any], line: str, code: str, column: str
) -> None:
    error = rejected(GOOD, line)
    (problem,) = error.problems
    assert (problem.code, problem.place.row, problem.place.column) == (code, 3, column)
    assert f"dòng 3, cột {column}" in str(error)


def test_a_duplicate_row_is_reported_with_the_first_one(store: dict[str, Any]) -> None:
    (problem,) = rejected(GOOD, GOOD_Q1, GOOD.replace("8,1", "8,2")).problems
    assert (problem.code, problem.place.row) == ("duplicate", 4)
    assert "dòng 2" in problem.message


def test_every_problem_is_reported_not_only_the_first(store: dict[str, Any]) -> None:
    error = rejected(
        "kt.khong_co;hung_yen;2026;8,1;ước;;;",
        "kt.grdp.tang_truong;hung_yen;2026;abc;ước;;;",
        "kt.grdp.tang_truong;hung_yen;2035;8,1;ước;;;",
    )
    assert [p.place.row for p in error.problems] == [2, 3, 4]


def test_a_locked_figure_is_reported_with_why(store: dict[str, Any]) -> None:
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None,
    )  # fmt: skip
    approve_figure(figure, actor=None)
    with pytest.raises(ImportRejected) as caught:
        import_figures(figures(GOOD_Q1, GOOD), actor=None)
    (problem,) = caught.value.problems
    assert problem.code == "locked" and "duyệt" in problem.message
    assert Figure.objects.count() == 1, "the good row is not written either"


def test_an_unchanged_locked_figure_is_not_a_problem(store: dict[str, Any]) -> None:
    figure = record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.1"),
        actor=None, expected_version=None, source="Sở Tài chính",
    )  # fmt: skip
    submit_figure(figure, actor=None)
    report = import_figures(figures(GOOD), actor=None)
    assert report.count("unchanged") == 1


def test_a_department_imports_only_its_indicators(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    (problem,) = rejected(GOOD, DOCTORS_ROW, actor=user("sokhdt")).problems
    assert (problem.code, problem.place.row) == ("not_allowed", 3)


def test_a_viewer_imports_nothing(store: dict[str, Any], user: Callable[[str], Any]) -> None:
    assert {p.code for p in rejected(GOOD, actor=user("xem")).problems} == {"not_allowed"}


def test_dry_run_reports_changes_and_writes_nothing(store: dict[str, Any]) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None, source="Sở Tài chính",
    )  # fmt: skip
    report = import_figures(figures(GOOD, GOOD_Q1), actor=None, dry_run=True)
    assert [(c.action, c.old_value) for c in report.changes] == [
        ("update", Decimal(8)),
        ("create", None),
    ]
    assert not report.written
    assert Figure.objects.get().value == Decimal(8)


def test_an_import_changing_a_figure_keeps_its_history(
    store: dict[str, Any], user: Callable[[str], Any]
) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None,
    )  # fmt: skip
    import_figures(figures(GOOD), actor=user("sokhdt"))
    figure = Figure.objects.get()
    last = figure.revisions.order_by("version").last()
    assert last is not None
    assert (last.old_value, last.new_value, last.actor) == (
        Decimal(8),
        Decimal("8.1"),
        user("sokhdt"),
    )


def test_an_existing_figure_outside_the_plan_term_may_be_corrected(store: dict[str, Any]) -> None:
    """The 2020 baseline lies before the 2025–2030 term; correcting it is allowed."""
    record_figure(
        store["doctors"], store["province"], "2020", "chinh_thuc", Decimal("9.5"),
        actor=None, expected_version=None,
    )  # fmt: skip
    import_figures(figures("xh.y_te.bac_si;hung_yen;2020;9,6;chính thức;;;"), actor=None)
    assert Figure.objects.get().value == Decimal("9.6")


def _large_file(store: dict[str, Any], *, bad_row: int | None) -> FiguresFile:
    """50,000 distinct figures of GRDP: 135 communes × 94 periods × 4 statuses (capped)."""
    from chitieu.web.plans.models import Locality

    Locality.objects.bulk_create(
        Locality(code=f"xa_{n}", name=f"Xã {n}", kind="xa", parent=store["province"])
        for n in range(135)
    )
    periods = [str(y) for y in range(2026, 2031)]
    periods += [f"{y}-{p}" for y in range(2026, 2031) for p in ("H1", "H2", "Q1", "Q2", "Q3", "Q4")]
    periods += [f"{y}-{m:02d}" for y in range(2026, 2031) for m in range(1, 13)]
    lines = []
    for n in range(135):
        for period in periods:
            for status in ("kế hoạch", "ước", "sơ bộ", "chính thức"):
                lines.append(f"kt.grdp.tang_truong;xa_{n};{period};{len(lines)},5;{status};;")
    lines = lines[:50_000]
    if bad_row is not None:
        lines[bad_row] = lines[bad_row].replace(",5;", ",5,5;")
    return figures(*lines)


@pytest.mark.slow
def test_a_50000_row_file_is_written_in_one_go(store: dict[str, Any]) -> None:
    report = import_figures(_large_file(store, bad_row=None), actor=None)
    assert report.count("create") == 50_000
    assert FigureRevision.objects.count() == 50_000


@pytest.mark.slow
def test_one_bad_row_in_50000_writes_nothing(store: dict[str, Any]) -> None:
    with pytest.raises(ImportRejected) as caught:
        import_figures(_large_file(store, bad_row=49_000), actor=None)
    assert [(p.code, p.place.row) for p in caught.value.problems] == [("not_a_number", 49_002)]
    assert not Figure.objects.exists()


def test_progress_is_reported_with_increasing_counts_while_writing(
    store: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from chitieu.web.figures import imports

    monkeypatch.setattr(imports, "PROGRESS_STEP", 1)
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None,
    )  # fmt: skip
    calls: list[tuple[int, int]] = []
    import_figures(
        figures(GOOD, GOOD_Q1, DOCTORS_ROW), actor=None, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]  # two new figures, then the changed one


def test_each_imported_change_says_which_file_and_row_it_came_from(store: dict[str, Any]) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8"),
        actor=None, expected_version=None,
    )  # fmt: skip
    import_figures(figures(GOOD_Q1, GOOD), actor=None)
    reasons = set(FigureRevision.objects.exclude(reason="").values_list("reason", flat=True))
    assert reasons == {"Nhập từ tệp so_lieu.csv, dòng 2", "Nhập từ tệp so_lieu.csv, dòng 3"}


# -- plausibility: the same checks as the entry form ----------------------------------------

GRDP_2025 = "kt.grdp.tang_truong;hung_yen;2025;8,1;chính thức;%/năm;Cục Thống kê;"
GRDP_20_TIMES = "kt.grdp.tang_truong;hung_yen;2026;162;ước;%/năm;Sở Tài chính;"


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        (
            "kt.grdp.tang_truong;hung_yen;2027;-150;ước;;;",
            "below_minimum",
            "-150 nhỏ hơn mức thấp nhất chỉ tiêu này cho phép (-100%/năm).",
        ),
        (
            "xh.y_te.bac_si;hung_yen;2026;-3;chính thức;;Sở Y tế;",
            "negative",
            "Số lượng không thể âm (-3).",
        ),
    ],
)
def test_an_impossible_value_is_refused_at_its_row_and_column(
    store: dict[str, Any], line: str, code: str, message: str
) -> None:
    error = rejected(GOOD, line)
    (problem,) = error.problems
    assert (problem.code, problem.place.row, problem.place.column) == (code, 3, "“Giá trị”")
    assert problem.message == message
    assert f"dòng 3, cột “Giá trị”: {message}" in str(error)


def test_a_jump_from_the_last_figure_stops_the_import_until_confirmed(
    store: dict[str, Any],
) -> None:
    from chitieu.web.figures.imports import WarningsUnconfirmed

    with pytest.raises(WarningsUnconfirmed) as caught:
        import_figures(figures(GRDP_2025, GRDP_20_TIMES), actor=None)
    assert not Figure.objects.exists(), "an unconfirmed warning writes nothing"
    (warning,) = caught.value.problems
    assert (warning.code, warning.place.row, warning.place.column) == (
        "jump_from_last", 3, "“Giá trị”"
    )  # fmt: skip
    assert "gấp 20 lần số liệu kỳ trước (năm 2025: 8,1%/năm)" in warning.message
    preview = import_figures(figures(GRDP_2025, GRDP_20_TIMES), actor=None, dry_run=True)
    assert [w.place.row for w in preview.warnings] == [3]
    assert "1 số liệu bất thường cần xác nhận" in preview.summary()


def test_a_confirmed_import_keeps_the_note_in_the_warned_figures_history(
    store: dict[str, Any],
) -> None:
    report = import_figures(
        figures(GRDP_2025, GRDP_20_TIMES), actor=None, confirm_warnings="Số liệu đã kiểm tra"
    )
    assert report.written and len(report.warnings) == 1
    warned = FigureRevision.objects.get(figure__period="2026")
    assert warned.reason == (
        "Nhập từ tệp so_lieu.csv, dòng 3. Xác nhận số liệu bất thường: Số liệu đã kiểm tra"
    )
    plain = FigureRevision.objects.get(figure__period="2025")
    assert plain.reason == "Nhập từ tệp so_lieu.csv, dòng 2"
