"""Background jobs: their state and progress, for a client that started one.

A job is seen by the user who started it and by administrators; anyone else is told it
does not exist (as on the web). Reading a job applies the stale rule (jobs.services): a
job whose worker stopped is answered as failed, with the reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from chitieu.web.api.problems import COMMON_ERRORS, ApiProblem
from chitieu.web.jobs.models import Job, JobState
from chitieu.web.jobs.services import JobError, job_status, may_see, retry_job
from chitieu.web.jobs.views import file_response

router = Router(tags=["Tác vụ nền"])


class JobOut(Schema):
    token: str
    kind: str
    name: str
    state: str
    state_label: str
    finished: bool
    stage: str
    done: int
    total: int
    message: str
    result: dict[str, Any]
    result_url: str | None
    error: str
    attempts: int
    created_at: datetime
    finished_at: datetime | None


def _job(request: HttpRequest, token: str) -> Job:
    job = Job.objects.filter(token=token).first()
    if job is None or not may_see(job, request.user):
        raise ApiProblem(404, "not_found", "Không tìm thấy", f"Không có tác vụ “{token}”.")
    return job


def _out(request: HttpRequest, job: Job) -> dict[str, Any]:
    status = job_status(job)
    url = reverse("api-v1:job_download", args=[job.token]) if status["has_file"] else None
    return {**status, "result_url": request.build_absolute_uri(url) if url else None}


@router.get(
    "/jobs/{token}",
    response={200: JobOut, **COMMON_ERRORS},
    summary="Trạng thái và tiến độ của một tác vụ nền",
    url_name="job",
)
def get_job(request: HttpRequest, token: str) -> dict[str, Any]:
    return _out(request, _job(request, token))


@router.get(
    "/jobs/{token}/file",
    response={200: None, **COMMON_ERRORS},
    summary="Tải tệp kết quả của tác vụ (ví dụ báo cáo)",
    url_name="job_download",
)
def download_job_file(request: HttpRequest, token: str) -> FileResponse:
    job = _job(request, token)
    if job.state != JobState.DONE.value:
        raise ApiProblem(
            404, "no_result", "Chưa có tệp kết quả", f"Tác vụ đang ở trạng thái “{job.state}”."
        )
    try:
        return file_response(job)
    except Exception as error:  # Http404: the file was removed
        raise ApiProblem(404, "no_result", "Không còn tệp kết quả", str(error)) from error


@router.post(
    "/jobs/{token}/retry",
    response={200: JobOut, 409: COMMON_ERRORS[404], **COMMON_ERRORS},
    summary="Chạy lại một tác vụ lỗi (với tệp đầu vào đã giữ)",
    url_name="job_retry",
)
def retry(request: HttpRequest, token: str) -> dict[str, Any]:
    job = _job(request, token)
    try:
        job = retry_job(job, actor=request.user)
    except JobError as error:
        raise ApiProblem(409, error.code, "Không chạy lại được", error.message) from error
    return _out(request, job)
