from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "chitieu.web.figures"
    label = "figures"
    verbose_name = "Số liệu"
    default_auto_field = "django.db.models.BigAutoField"
