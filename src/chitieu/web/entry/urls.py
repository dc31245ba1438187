"""Entry URLs under /nhap-lieu/: the form, the review queue, Excel import."""

from django.urls import URLPattern, URLResolver, path

from chitieu.web.entry import rule_views, views

app_name = "entry"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("duyet/", views.review, name="review"),
    path("duyet/<int:pk>/", views.review_action, name="review_action"),
    path("nhap-tep/", views.import_file, name="import"),
    path("nhap-tep/xac-nhan/", views.import_confirm, name="import_confirm"),
    path("nhap-tep/tien-do/<str:token>/", views.import_job, name="import_job"),
    path("nhap-tep/tien-do/<str:token>/trang-thai/", views.import_status, name="import_status"),
    path("nhap-tep/mau/", views.template_download, name="template"),
    path("quy-tac/", rule_views.rules, name="rules"),
    path("quy-tac/<str:code>/", rule_views.rule, name="rule"),
    path("<slug:department>/<str:period>/", views.entry_form, name="form"),
]
