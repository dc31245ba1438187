from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "chitieu.web.api"
    label = "api"
    verbose_name = "Giao diện lập trình (API)"
    default_auto_field = "django.db.models.BigAutoField"
