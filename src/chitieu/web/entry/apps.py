from django.apps import AppConfig


class EntryConfig(AppConfig):
    name = "chitieu.web.entry"
    label = "entry"
    verbose_name = "Nhập liệu và duyệt số liệu"
