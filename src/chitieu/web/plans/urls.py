"""The assignment page under /phan-cong/."""

from django.urls import URLPattern, URLResolver, path

from chitieu.web.plans import views

app_name = "plans"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.owners, name="owners"),
    path("<str:code>/", views.assign, name="assign"),
]
