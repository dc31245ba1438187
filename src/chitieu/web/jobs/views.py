"""A job's page (polls its status), its JSON status, its result file, and retrying it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from chitieu.web.jobs import files
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.services import JobError, job_status, may_see, retry_job


def visible_job(request: HttpRequest, token: str) -> Job:
    """The job, for the user who started it or an administrator; anyone else: not found."""
    job = Job.objects.filter(token=token).first()
    if job is None or not may_see(job, request.user):
        raise Http404("Không có tác vụ này.")
    return job


@login_required
@require_GET
def job_page(request: HttpRequest, token: str) -> HttpResponse:
    return render(request, "jobs/job.html", {"job": job_status(visible_job(request, token))})


@login_required
@require_GET
def job_status_json(request: HttpRequest, token: str) -> JsonResponse:
    return JsonResponse(job_status(visible_job(request, token)))


def file_response(job: Job) -> FileResponse:
    """The job's result file as an attachment (jobs.files keeps it under the jobs folder)."""
    path = files.result_path(job.result_file) if job.state == JobState.DONE.value else None
    if path is None:
        raise Http404("Tác vụ chưa có tệp kết quả (hoặc tệp đã bị xoá).")
    media = str(job.result.get("media_type") or "application/octet-stream")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type=media)


@login_required
@require_GET
def job_download(request: HttpRequest, token: str) -> FileResponse:
    return file_response(visible_job(request, token))


@login_required
@require_POST
def job_retry(request: HttpRequest, token: str) -> HttpResponse:
    job = visible_job(request, token)
    try:
        retry_job(job, actor=request.user)
    except JobError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Đã xếp tác vụ chạy lại.")
    return redirect("jobs:job", token=token)
