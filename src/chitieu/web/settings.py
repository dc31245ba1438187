"""Django settings for chitieu.

One setting chooses the database: DATABASE_URL (parsed by dj-database-url).
Without it the store is an SQLite file, var/chitieu.sqlite3 under CHITIEU_HOME
(or the current directory), so a first run needs no set-up.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

HOME = Path(os.environ.get("CHITIEU_HOME") or Path.cwd())
DEFAULT_DATABASE_URL = f"sqlite:///{HOME / 'var' / 'chitieu.sqlite3'}"

SECRET_KEY = os.environ.get("CHITIEU_SECRET_KEY", "chitieu-dev-only-not-secret")
DEBUG = os.environ.get("CHITIEU_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h for h in os.environ.get("CHITIEU_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "chitieu.web.plans",
    "chitieu.web.accounts",
    "chitieu.web.figures",
    "chitieu.web.dashboard",
    "chitieu.web.entry",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "chitieu.web.urls"
WSGI_APPLICATION = "chitieu.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, conn_max_age=0
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

STATIC_URL = "static/"
STATICFILES_DIRS = [Path(__file__).resolve().parent / "static"]
STATIC_ROOT = HOME / "var" / "static"
