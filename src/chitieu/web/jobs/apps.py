from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "chitieu.web.jobs"
    label = "jobs"
    verbose_name = "Tác vụ nền"
