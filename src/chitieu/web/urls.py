"""URLs: the admin only for now; the pages come with the web issue."""

from django.contrib import admin
from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
