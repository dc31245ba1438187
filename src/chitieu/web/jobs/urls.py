"""Job URLs under /tac-vu/."""

from django.urls import URLPattern, URLResolver, path

from chitieu.web.jobs import views

app_name = "jobs"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<str:token>/", views.job_page, name="job"),
    path("<str:token>/trang-thai/", views.job_status_json, name="status"),
    path("<str:token>/tai-ve/", views.job_download, name="download"),
    path("<str:token>/chay-lai/", views.job_retry, name="retry"),
]
