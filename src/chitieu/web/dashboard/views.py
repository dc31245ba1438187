"""Read-only pages: dashboard, indicator, past-term audit, tasks (with progress notes)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from chitieu.web.accounts.permissions import PermissionDenied
from chitieu.web.dashboard import audit, indicator, services, tasks
from chitieu.web.dashboard.forms import FilterForm, TaskNoteForm
from chitieu.web.plans.models import Indicator, Plan, Task


def _plan(request: HttpRequest) -> Plan:
    code = request.GET.get("ke_hoach", "")
    plan = Plan.objects.filter(code=code).first() if code else services.default_plan()
    if plan is None:
        raise Http404("Chưa có kế hoạch nào được nạp; hãy chạy “chitieu load” hoặc “chitieu demo”.")
    return plan


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = _plan(request)
    form = FilterForm(request.GET or None, plan=plan)
    board = services.dashboard(plan, filters=form.filters())
    return render(
        request,
        "dashboard/dashboard.html",
        {"plan": plan, "form": form, "board": board, "statuses": services.STATUSES},
    )


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Indicator.objects.select_related("plan", "group"), code=code)
    page = indicator.indicator_page(found, locality_code=request.GET.get("dia_ban", ""))
    return render(request, "dashboard/indicator.html", {"page": page, "plan": found.plan})


@login_required
def audit_view(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/audit.html", {"page": audit.audit_page()})


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
    request: HttpRequest, task: Task, form: TaskNoteForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "task": task,
        "plan": task.plan,
        "form": form,
        "may_write": tasks.may_write_notes(request.user),
        "history": tasks.note_history(task),
        "indicators": task.indicators.order_by("position"),
    }
    return render(request, "dashboard/task.html", context, status=status)


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
