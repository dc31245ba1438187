from django.urls import URLPattern, URLResolver, path, register_converter

from chitieu.web.dashboard import views


class FormatConverter:
    """A report's file format in its address: ket-qua.docx, tien-do-2026.pdf."""

    regex = "docx|xlsx|pdf"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "fmt")

app_name = "dashboard"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("chi-tieu/<str:code>/", views.indicator_detail, name="indicator"),
    path("danh-gia-nhiem-ky-truoc/", views.audit_view, name="audit"),
    path("nhiem-vu/", views.task_list, name="tasks"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/lien-ket/", views.task_link, name="task_link"),
    path("bao-cao/<slug:plan>/ket-qua.<fmt:fmt>", views.results_download, name="results_download"),
    path(
        "bao-cao/<slug:plan>/tien-do-<int:year>.<fmt:fmt>",
        views.progress_download,
        name="progress_download",
    ),
    path("bao-cao/<slug:plan>/tien-do/", views.progress_choice, name="progress_choice"),
]
