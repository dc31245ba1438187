"""Read-only pages: dashboard, indicator, past-term audit, tasks (with progress notes),
and the report downloads (any signed-in role)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from chitieu.assess.counting import COUNTING_RULES
from chitieu.reports import pdf
from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.dashboard import audit, downloads, indicator, services, tasks
from chitieu.web.dashboard.forms import FilterForm, TaskLinkForm, TaskNoteForm
from chitieu.web.figures import visibility
from chitieu.web.jobs import files as job_files
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.reports import start_report
from chitieu.web.jobs.services import JobError
from chitieu.web.plans import task_links
from chitieu.web.plans.models import Indicator, Plan, PlanKind, Task


def _plan(request: HttpRequest) -> Plan:
    code = request.GET.get("ke_hoach", "")
    plan = Plan.objects.filter(code=code).first() if code else services.default_plan()
    if plan is None:
        raise Http404("Chưa có kế hoạch nào được nạp; hãy chạy “chitieu load” hoặc “chitieu demo”.")
    return plan


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    form = FilterForm(request.GET or None, plan=plan, user=request.user)
    board = services.dashboard(plan, filters=form.filters())
    context = {
        "plan": plan,
        "form": form,
        "board": board,
        "statuses": services.STATUSES,
        "formats": downloads.FORMAT_LABELS.items(),
        "may_switch": visibility.may_see_working(request.user),
        "modes": list(visibility.ViewMode),
    }
    if plan.kind != PlanKind.PAST_TERM:
        context["report_years"] = downloads.report_years(plan)
        context["default_year"] = downloads.default_year(plan)
    return render(request, "dashboard/dashboard.html", context)


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Indicator.objects.select_related("plan", "group"), code=code)
    mode = visibility.mode_for(request.user, request.GET.get("so_lieu"))
    page = indicator.indicator_page(found, locality_code=request.GET.get("dia_ban", ""), mode=mode)
    context = {
        "page": page,
        "plan": found.plan,
        "may_switch": visibility.may_see_working(request.user),
        "other_mode": visibility.other_mode(mode),
    }
    return render(request, "dashboard/indicator.html", context)


@login_required
def audit_view(request: HttpRequest) -> HttpResponse:
    context = {
        "page": audit.audit_page(),
        "formats": downloads.FORMAT_LABELS.items(),
        "counting_rules": COUNTING_RULES,
    }
    return render(request, "dashboard/audit.html", context)


@login_required
@require_GET
def results_download(request: HttpRequest, plan: str, fmt: str) -> HttpResponse:
    """A past term's results table (Phụ lục 1A/1B) as an attachment."""
    return _download(request, "results", plan, fmt, None)


@login_required
@require_GET
def progress_download(request: HttpRequest, plan: str, year: int, fmt: str) -> HttpResponse:
    """A plan's progress report for a year as an attachment."""
    return _download(request, "progress", plan, fmt, year)


@login_required
@require_GET
def progress_choice(request: HttpRequest, plan: str) -> HttpResponse:
    """The dashboard's year-and-format form, sent to the report's own address."""
    found = Plan.objects.filter(code=plan).first()
    if found is None:
        return _no_report(request, None, f"Không có kế hoạch mã “{plan}”.")
    fmt = request.GET.get("dinh_dang", "docx")
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        year = downloads.default_year(found)
    if fmt not in downloads.FORMATS or year not in downloads.report_years(found):
        return _no_report(request, found, "Năm hoặc định dạng báo cáo không hợp lệ.")
    url = reverse("dashboard:progress_download", args=[found.code, year, fmt])
    mode = visibility.report_mode(request.user, request.GET.get("so_lieu"))
    return redirect(url if mode is visibility.ViewMode.OFFICIAL else f"{url}?so_lieu={mode.value}")


def _download(
    request: HttpRequest, kind: str, plan: str, fmt: str, year: int | None
) -> HttpResponse:
    """The report as an attachment; a report that does not exist is a page that says why in
    Vietnamese and links the plan's reports that do (never a bare 404)."""
    found = Plan.objects.filter(code=plan).first()
    if found is None:
        return _no_report(request, None, f"Không có kế hoạch mã “{plan}”.")
    if fmt == "pdf" and pdf.soffice() is None:
        return _no_pdf(request, kind, found, year, downloads.NO_PDF)
    mode = visibility.report_mode(request.user, request.GET.get("so_lieu"))
    try:
        if kind == "progress":
            year = downloads.report_year(found, year)
        downloads.check_report(kind, found, fmt)
    except downloads.DownloadError as error:
        return _no_report(request, found, error.message)
    params = {"kind": kind, "plan": plan, "fmt": fmt, "year": year, "mode": mode.value}
    name = f"Báo cáo {downloads.FORMAT_LABELS[fmt]} – {found.name}" + (f", {year}" if year else "")
    try:
        job = start_report(params, name=name, actor=request.user)
    except JobError as error:
        return _no_report(request, found, error.message, status=429)
    stored = job_files.result_path(job.result_file) if job.state == JobState.DONE.value else None
    if stored is not None:
        return _attachment(stored.read_bytes(), job)
    if job.state == JobState.FAILED.value and job.result.get("code") == "pdf":
        return _no_pdf(request, kind, found, year, job.message)
    if job.state == JobState.FAILED.value:
        return _no_report(request, found, job.message)
    return redirect("jobs:job", token=job.token)


def _attachment(content: bytes, job: Job) -> HttpResponse:
    """The stored report under its Vietnamese name (downloads.BuiltReport's header)."""
    built = downloads.BuiltReport(
        content, str(job.result["filename"]), str(job.result["media_type"])
    )
    response = HttpResponse(built.content, content_type=built.media_type)
    response["Content-Disposition"] = built.content_disposition
    response["Content-Length"] = str(len(built.content))
    return response


def _no_report(
    request: HttpRequest, plan: Plan | None, message: str, *, status: int = 404
) -> HttpResponse:
    context: dict[str, object] = {
        "message": message,
        "plan": plan,
        "formats": downloads.FORMAT_LABELS.items(),
    }
    if plan is not None and plan.kind != PlanKind.PAST_TERM:
        context["report_years"] = downloads.report_years(plan)
        context["default_year"] = downloads.default_year(plan)
    return render(request, "dashboard/no_report.html", context, status=status)


def _no_pdf(
    request: HttpRequest, kind: str, plan: Plan, year: int | None, message: str
) -> HttpResponse:
    """A page saying why there is no PDF, with the Word file to print instead."""
    word = (
        reverse("dashboard:results_download", args=[plan.code, "docx"])
        if kind == "results"
        else reverse("dashboard:progress_download", args=[plan.code, year, "docx"])
    )
    context = {"message": message, "word_url": word, "plan": plan}
    return render(request, "dashboard/no_pdf.html", context, status=503)


@login_required
@require_http_methods(["GET"])
def task_list(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    return render(
        request,
        "dashboard/tasks.html",
        {
            "plan": plan,
            "sections": tasks.task_tree(plan),
            "may_write": tasks.may_write_notes(request.user),
            "plans": Plan.objects.filter(tasks__isnull=False).distinct(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("plan"), pk=pk)
    form = TaskNoteForm(request.POST or None)
    if request.method == "POST":
        return _save_note(request, task, form)
    return _task_page(request, task, form)


def _task_page(
    request: HttpRequest,
    task: Task,
    form: TaskNoteForm,
    *,
    status: int = 200,
    link_error: str = "",
) -> HttpResponse:
    context = {
        "task": task,
        "plan": task.plan,
        "form": form,
        "may_write": tasks.may_write_notes(request.user),
        "history": tasks.note_history(task),
        "links": task_links.task_links(task),
        "may_link": tasks.may_edit_links(request.user) and task.active,
        "addable": task_links.addable_indicators(task),
        "link_error": link_error,
    }
    return render(request, "dashboard/task.html", context, status=status)


_LINK_ACTIONS = {
    "xac_nhan": (task_links.confirm_task_link, "Đã xác nhận liên kết với chỉ tiêu."),
    "bo": (task_links.remove_task_link, "Đã bỏ liên kết với chỉ tiêu."),
    "them": (task_links.add_task_link, "Đã thêm liên kết với chỉ tiêu."),
}


@login_required
@require_http_methods(["POST"])
def task_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, remove or add one task–target link (planner and administrator)."""
    task = get_object_or_404(Task.objects.select_related("plan"), pk=pk)
    form = TaskLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Thao tác với liên kết chỉ tiêu không hợp lệ.")
        return redirect("dashboard:task", pk=task.pk)
    chosen = get_object_or_404(Indicator, pk=form.cleaned_data["chi_tieu"])
    decide, done = _LINK_ACTIONS[form.cleaned_data["thao_tac"]]
    try:
        decide(task, chosen, actor=request.user)
    except PermissionDenied as error:
        return _task_page(request, task, TaskNoteForm(), status=403, link_error=error.message)
    except task_links.LinkError as error:
        return _task_page(request, task, TaskNoteForm(), status=400, link_error=error.message)
    messages.success(request, done)
    return redirect("dashboard:task", pk=task.pk)


def _save_note(request: HttpRequest, task: Task, form: TaskNoteForm) -> HttpResponse:
    if not form.is_valid():
        return _task_page(request, task, form, status=400)
    try:
        tasks.record_task_note(
            task, form.cleaned_data["period"], form.cleaned_data["text"], actor=request.user
        )
    except PermissionDenied as error:
        return _task_page(request, task, _with_error(form, error.message), status=403)
    except tasks.NoteError as error:
        return _task_page(request, task, _with_error(form, error.message), status=400)
    messages.success(request, "Đã ghi tiến độ nhiệm vụ.")
    return redirect("dashboard:task", pk=task.pk)


def _with_error(form: TaskNoteForm, message: str) -> TaskNoteForm:
    form.add_error(None, message)
    return form
