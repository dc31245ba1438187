from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "chitieu.web.accounts"
    label = "accounts"
    verbose_name = "Người dùng và vai trò"
    default_auto_field = "django.db.models.BigAutoField"
