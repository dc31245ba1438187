from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "chitieu.web.plans"
    label = "plans"
    verbose_name = "Kế hoạch và chỉ tiêu"
    default_auto_field = "django.db.models.BigAutoField"
