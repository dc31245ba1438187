from django.urls import URLPattern, URLResolver, path

from chitieu.web.dashboard import views

app_name = "dashboard"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("chi-tieu/<str:code>/", views.indicator_detail, name="indicator"),
    path("danh-gia-nhiem-ky-truoc/", views.audit_view, name="audit"),
    path("nhiem-vu/", views.task_list, name="tasks"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
]
