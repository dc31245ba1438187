from django.urls import path

from chitieu.web.api.api import api

urlpatterns = [path("", api.urls)]
