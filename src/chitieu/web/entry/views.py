"""Entry pages: a department's figures form, the planner's review queue, Excel import.

Each view: check the role, bind the form, make one service call, render.
A refused role raises accounts.permissions.PermissionDenied, which Django
answers with 403.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chitieu.catalog.period import Period, PeriodError
from chitieu.ingest.figures_file import FiguresFileError
from chitieu.web.accounts.models import Role
from chitieu.web.accounts.permissions import (
    PermissionDenied,
    department_of,
    require_planner,
    role_of,
)
from chitieu.web.entry import uploads
from chitieu.web.entry.forms import (
    EntryChoiceForm,
    FigureRowForm,
    ImportConfirmForm,
    ReviewForm,
    TemplateForm,
    UploadForm,
    page_checks,
)
from chitieu.web.entry.services import (
    entry_department,
    entry_rows,
    review_figure,
    review_queue,
    save_entry,
)
from chitieu.web.figures.imports import ImportRejected
from chitieu.web.figures.models import Figure, ReviewState
from chitieu.web.figures.services import ConflictError, ReviewError
from chitieu.web.figures.template import write_template
from chitieu.web.jobs import files as job_files
from chitieu.web.jobs.models import Job, JobKind
from chitieu.web.jobs.services import create_job, enqueue_job, job_status
from chitieu.web.plans.models import Department, Plan


def _require_entry(user: Any) -> Role:
    role = role_of(user)
    if role is None or role is Role.VIEWER:
        raise PermissionDenied(
            f"Người dùng {user.get_username()} chỉ được xem, không được nhập số liệu.",
            code="read_only",
        )
    return role


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Choose a department (planner) and a period; a department opens this year's form directly."""
    role = _require_entry(request.user)
    year = str(timezone.localdate().year)
    own = department_of(request.user) if role is Role.DEPARTMENT else None
    if own is not None and "period" not in request.GET and "department" not in request.GET:
        return redirect("entry:form", department=own.code, period=year)
    chosen = [own] if own is not None else list(Department.objects.order_by("name"))
    form = EntryChoiceForm(
        request.GET if "period" in request.GET else None,
        departments=[(d.code, d.name) for d in chosen],
        initial={"period": year, "department": request.GET.get("department")},
    )
    if form.is_bound and form.is_valid():
        return redirect(
            "entry:form",
            department=form.cleaned_data["department"],
            period=form.cleaned_data["period"],
        )
    return render(request, "entry/index.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def entry_form(request: HttpRequest, department: str, period: str) -> HttpResponse:
    chosen = entry_department(request.user, department)
    if chosen is None:
        raise Http404("Không có sở, ngành này.")
    try:
        when = Period.parse(period)
    except PeriodError as error:
        raise Http404(str(error)) from None
    localities = list(chosen.localities.order_by("code"))
    if not localities:
        return render(request, "entry/form.html", {"department": chosen, "period": when})
    locality = (
        next((loc for loc in localities if loc.code == request.GET.get("dia_ban")), None)
        or localities[0]
    )
    if request.GET.get("dia_ban") not in (None, locality.code):
        raise Http404("Sở, ngành không được giao địa bàn này.")
    rows = entry_rows(chosen, locality, when)
    data = request.POST if request.method == "POST" else None
    checks = page_checks(rows, data) if data is not None else None
    forms = {
        row.prefix: FigureRowForm(data, row=row, checks=checks) for row in rows if row.statuses
    }
    if data is not None and all(form.is_valid() for form in forms.values()):
        changes = [form.change for form in forms.values() if form.change is not None]
        submit = rows if request.POST.get("action") == "submit" else ()
        outcome = save_entry(changes, actor=request.user, submit=submit)
        if outcome.ok:
            messages.success(request, outcome.summary())
            return redirect(request.get_full_path())
        for prefix, problem in outcome.errors.items():
            form = forms.get(prefix)
            if form is None:
                messages.error(request, str(problem))
                continue
            if isinstance(problem, ConflictError):
                form.conflict = problem
                form.set_seen_version(problem.figure.status, problem.current_version)
            form.add_error("value", str(problem))
        messages.error(request, "Chưa lưu gì: có số liệu cần xem lại (đánh dấu bên cạnh ô nhập).")
    elif data is not None:
        messages.error(request, "Chưa lưu gì: có ô nhập chưa đúng (xem thông báo bên cạnh ô).")
    context = {
        "department": chosen,
        "period": when,
        "locality": locality,
        "localities": localities,
        "rows": [(row, forms.get(row.prefix)) for row in rows],
        "can_review": role_of(request.user) in (Role.ADMIN, Role.PLANNER),
    }
    return render(request, "entry/form.html", context)


@login_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    """The planner's queue: submitted figures; ?trang_thai=da_duyet lists approved ones."""
    require_planner(request.user, "duyệt số liệu")
    state = (
        ReviewState.APPROVED
        if request.GET.get("trang_thai") == ReviewState.APPROVED.value
        else ReviewState.SUBMITTED
    )
    return _review_page(request, state, {})


def _review_page(
    request: HttpRequest, state: ReviewState, bound: dict[int, ReviewForm], status: int = 200
) -> HttpResponse:
    figures = review_queue(state)
    rows = [(figure, bound.get(figure.pk)) for figure in figures]
    context = {"rows": rows, "state": state, "approved": state is ReviewState.APPROVED}
    return render(request, "entry/review.html", context, status=status)


@login_required
@require_POST
def review_action(request: HttpRequest, pk: int) -> HttpResponse:
    require_planner(request.user, "duyệt số liệu")
    figure = get_object_or_404(
        Figure.objects.select_related("indicator", "locality", "entered_by", "reviewed_by"), pk=pk
    )
    form = ReviewForm(request.POST, prefix=f"f{pk}")
    back = (
        ReviewState.APPROVED
        if figure.review_state == ReviewState.APPROVED
        else ReviewState.SUBMITTED
    )
    if form.is_valid():
        action = form.cleaned_data["action"]
        try:
            review_figure(
                figure,
                action,
                comment=form.cleaned_data["comment"].strip(),
                expected_version=form.cleaned_data["version"],
                actor=request.user,
            )
        except (ReviewError, ConflictError) as error:
            code = getattr(error, "code", "conflict")
            form.add_error("comment" if code.endswith("required") else None, str(error))
        else:
            done = {"approve": "Đã duyệt", "return": "Đã trả lại", "reopen": "Đã mở lại"}[action]
            messages.success(request, f"{done} số liệu {figure.indicator.code} – {figure.period}.")
            url = reverse("entry:review")
            if back is ReviewState.APPROVED:
                url += f"?trang_thai={ReviewState.APPROVED.value}"
            return redirect(url)
    return _review_page(request, back, {pk: form}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request: HttpRequest) -> HttpResponse:
    """Upload a figures file: every problem with its place, or a preview and a confirm button."""
    _require_entry(request.user)
    refusal = _body_too_large(request)
    if refusal is not None:  # the body is never read
        messages.error(request, refusal)
        empty = {"form": UploadForm(), "template_form": _template_form(None)}
        return render(request, "entry/import.html", empty, status=413)
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "template_form": _template_form(None)}
    if request.method == "POST" and form.is_valid():
        staged = uploads.stage(form.cleaned_data["file"])
        try:
            context["report"] = uploads.run_import(staged, actor=request.user, dry_run=True)
        except (ImportRejected, FiguresFileError) as error:
            uploads.discard(staged)
            context["rejected"] = error
        except BaseException:
            uploads.discard(staged)  # whatever went wrong, the file is not kept
            raise
        else:
            warnings = len(context["report"].warnings)
            request.session[uploads.SESSION_KEY] = {**staged.as_session(), "warnings": warnings}
            context["staged"] = staged
            context["confirm_form"] = ImportConfirmForm(
                initial={"token": staged.token}, warnings=warnings
            )
    return render(request, "entry/import.html", context)


def _body_too_large(request: HttpRequest) -> str | None:
    """A POST whose declared length is over the upload limit (a form's fields aside)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return uploads.too_large(length - 64 * 1024) if request.method == "POST" else None


@login_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the file checked before, in the background: checked again, written only if clean."""
    _require_entry(request.user)
    staged = uploads.from_session(request.session, request.POST.get("token", ""))
    if staged is None:
        messages.error(request, "Không còn tệp đã kiểm tra; hãy tải tệp lên lại.")
        return redirect("entry:import")
    warnings = int(request.session[uploads.SESSION_KEY].get("warnings", 0))
    confirm = ImportConfirmForm(request.POST, warnings=warnings)
    if not confirm.is_valid():
        context = {
            "form": UploadForm(),
            "template_form": _template_form(None),
            "report": uploads.run_import(staged, actor=request.user, dry_run=True),
            "staged": staged,
            "confirm_form": confirm,
        }
        return render(request, "entry/import.html", context, status=400)
    request.session.pop(uploads.SESSION_KEY, None)
    job = create_job(
        JobKind.IMPORT,
        name=staged.name,
        params={"confirm_warnings": confirm.cleaned_data["note"]},
        actor=request.user,
    )
    # The job keeps the checked file until it ends well (a failed job can be retried).
    job_files.keep_input(job.token, staged.path, staged.name)
    uploads.discard(staged)
    enqueue_job(job)
    return redirect("entry:import_job", token=job.token)


def _own_job(request: HttpRequest, token: str) -> Job:
    """The job, only for the user who started it (another user's token is not found)."""
    _require_entry(request.user)
    return get_object_or_404(
        Job, token=token, kind=JobKind.IMPORT.value, started_by=request.user.pk
    )


@login_required
@require_GET
def import_job(request: HttpRequest, token: str) -> HttpResponse:
    """The progress of a confirmed import; the page polls import_status until it ends."""
    job = _own_job(request, token)
    context = {
        "form": UploadForm(),
        "template_form": _template_form(None),
        "job": job_status(job),
    }
    return render(request, "entry/import_job.html", context)


@login_required
@require_GET
def import_status(request: HttpRequest, token: str) -> JsonResponse:
    """The job's state as JSON: state, done, total, message, and the result once finished."""
    return JsonResponse(job_status(_own_job(request, token)))


def _template_form(data: Any) -> TemplateForm:
    plans = [(p.code, p.name) for p in Plan.objects.exclude(kind="past_term").order_by("code")]
    return TemplateForm(data, plans=plans, initial={"year": timezone.localdate().year})


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    """The Excel entry template of a plan for a year (figures.template.write_template)."""
    _require_entry(request.user)
    form = _template_form(request.GET)
    if not form.is_valid():
        messages.error(request, "Hãy chọn kế hoạch và năm hợp lệ để tải mẫu.")
        return redirect("entry:import")
    plan, year = form.cleaned_data["plan"], form.cleaned_data["year"]
    folder = Path(tempfile.mkdtemp(prefix="chitieu-mau-"))
    path = folder / f"mau-nhap-lieu-{plan}-{year}.xlsx"
    write_template(plan, year, path)
    response = FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
    path.unlink()  # the open handle keeps the data until the response is sent
    folder.rmdir()
    return response
