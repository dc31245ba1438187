from django.urls import URLPattern, URLResolver

app_name = "entry"
urlpatterns: list[URLPattern | URLResolver] = []
