"""URLs: the dashboard at /, data entry under /nhap-lieu/, who enters what under /phan-cong/,
users under /nguoi-dung/, the REST API under /api/v1/, background jobs under /tac-vu/, sign-in under /accounts/; the error pages are chitieu.web.errors."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("nhap-lieu/", include("chitieu.web.entry.urls")),
    path("phan-cong/", include("chitieu.web.plans.urls")),
    path("nguoi-dung/", include("chitieu.web.accounts.urls")),
    path("api/v1/", include("chitieu.web.api.urls")),
    path("tac-vu/", include("chitieu.web.jobs.urls")),
    path("", include("chitieu.web.dashboard.urls")),
]

handler400 = "chitieu.web.errors.bad_request"
handler403 = "chitieu.web.errors.forbidden"
handler404 = "chitieu.web.errors.not_found"
handler500 = "chitieu.web.errors.server_error"
