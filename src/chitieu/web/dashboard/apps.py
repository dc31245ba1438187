from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "chitieu.web.dashboard"
    label = "dashboard"
    verbose_name = "Bảng điều khiển"
