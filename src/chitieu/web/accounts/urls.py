"""The users page under /nguoi-dung/."""

from django.urls import URLPattern, URLResolver, path

from chitieu.web.accounts import password_views, views

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.users, name="users"),
    path("<int:pk>/", views.user_change, name="user"),
    path("doi-mat-khau/", password_views.change_password, name="password"),
    path("ma-api/", views.token_issue, name="token_issue"),
    path("ma-api/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
