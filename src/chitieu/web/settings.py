"""Django settings for chitieu.

One setting chooses the database: DATABASE_URL (parsed by dj-database-url).
Without it the store is an SQLite file, var/chitieu.sqlite3 under chitieu's home
(CHITIEU_HOME, else the checkout, else ~/.local/share/chitieu: chitieu.paths),
so a first run needs no set-up and no path depends on the current folder.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

from chitieu import paths
from chitieu.deployment import is_production
from chitieu.web.secret import installation_secret

# CHITIEU_HOME is read by chitieu.paths (so the commands agree with the settings).
HOME = paths.home()
DEFAULT_DATABASE_URL = f"sqlite:///{paths.database_file()}"

# CHITIEU_PRODUCTION=1: the secret must come from the environment and the
# security settings below are switched on (docs/deployment.md).
PRODUCTION = is_production()
if PRODUCTION and not os.environ.get("CHITIEU_SECRET_KEY"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("CHITIEU_PRODUCTION=1 cần biến môi trường CHITIEU_SECRET_KEY.")
SECRET_KEY = os.environ.get("CHITIEU_SECRET_KEY") or installation_secret(paths.secret_key_file())
DEBUG = os.environ.get("CHITIEU_DEBUG", "") == "1" and not PRODUCTION
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
    "chitieu.web.audit",
    "chitieu.web.api",
    "axes",
    "chitieu.web.jobs",
    "django_tasks",
    "django_tasks_db",
]
# The Redis queue (RQ) comes with the `redis` extra (pip install "chitieu[redis]"); without it
# jobs go through the database queue, which needs nothing else.
if importlib.util.find_spec("django_rq") is not None:
    INSTALLED_APPS.append("django_rq")

SERIALIZATION_MODULES = {"json": "chitieu.web.full_precision_json"}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "chitieu.web.accounts.middleware.PasswordChangeRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks: it turns a lockout into our page
]

ROOT_URLCONF = "chitieu.web.urls"
CSRF_FAILURE_VIEW = "chitieu.web.errors.csrf_failure"  # Vietnamese, inside the site's header
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
                "chitieu.web.dashboard.context.role",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several writers at once (issue 16): a writer waits up to 20 s for another (a web import's
    # thread, a second request) rather than fail at once with "database is locked".
    # IMMEDIATE: every atomic block takes the write lock when it begins, so two transactions
    # never both read and then both try to upgrade to writing (SQLite fails one of them at once,
    # busy timeout or not); reads outside atomic blocks take no lock. WAL: readers never wait
    # for the writer nor it for them. synchronous=NORMAL is safe with WAL (a power cut may lose
    # the last commits, never corrupt the file) and spares an fsync per commit.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        }
    )
    # Tests get a file of their own: an in-memory shared-cache database locks whole tables
    # and never waits, so a page and an import's thread writing at once fail at random.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"chitieu-test-{os.getpid()}.sqlite3")
    }

# Background jobs (docs/jobs.md): the database queue by default, so SQLite with one
# `chitieu worker` needs nothing else; CHITIEU_REDIS_URL puts them on an RQ (Redis) queue
# that workers on several servers share.
REDIS_URL = os.environ.get("CHITIEU_REDIS_URL", "")
if REDIS_URL and "django_rq" not in INSTALLED_APPS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        'CHITIEU_REDIS_URL cần hàng đợi Redis: cài thêm bằng pip install "chitieu[redis]".'
    )
CHITIEU_JOB_QUEUE = os.environ.get("CHITIEU_JOB_QUEUE", "default")
# RQ stops a job after DEFAULT_TIMEOUT seconds: an hour, for a large import or report.
RQ_QUEUES = {
    CHITIEU_JOB_QUEUE: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600}
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks_rq.RQBackend" if REDIS_URL else "django_tasks_db.DatabaseBackend",
        "QUEUES": [CHITIEU_JOB_QUEUE],
    }
}
# A running job whose worker has sent no heartbeat for this long is marked failed.
CHITIEU_JOB_TIMEOUT = float(os.environ.get("CHITIEU_JOB_TIMEOUT", "120"))
CHITIEU_JOB_HEARTBEAT = float(os.environ.get("CHITIEU_JOB_HEARTBEAT", "5"))
# Report builds one person may have waiting or running at once (a PDF holds a worker for
# many seconds); a repeated request for the same report and data is served from its job.
CHITIEU_REPORT_JOBS_PER_USER = int(os.environ.get("CHITIEU_REPORT_JOBS_PER_USER", "2"))
# Where jobs keep their input and result files: var/jobs under chitieu's home.
CHITIEU_JOBS_DIR = Path(os.environ.get("CHITIEU_JOBS_DIR") or paths.var() / "jobs")
# Tests only: seconds an import pauses inside its write transaction (a worker to kill).
CHITIEU_JOB_TEST_PAUSE = float(os.environ.get("CHITIEU_JOB_TEST_PAUSE", "0"))

# Upload limits (docs/deployment.md, "Upload limits"): a file larger than this is refused
# before it is kept; chitieu.ingest.file_limits reads the same variables (and the limits
# on a workbook's inflated size, sheets, cells and rows) for the CLI and the jobs.
CHITIEU_MAX_UPLOAD_MB = float(os.environ.get("CHITIEU_MAX_UPLOAD_MB", "20"))
CHITIEU_PARSE_SECONDS = float(os.environ.get("CHITIEU_PARSE_SECONDS", "60"))
# A request body read into memory (the API's JSON) is held to the same size; Django
# answers a larger one with RequestDataTooBig (the API: 413). An uploaded file above
# FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file, removed at the end of the request.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(CHITIEU_MAX_UPLOAD_MB * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Server errors (the trace of a 500, a failed job) go to a file the administrator can read;
# the pages themselves never show a trace.
ERROR_LOG = Path(os.environ.get("CHITIEU_ERROR_LOG") or paths.var() / "log" / "errors.log")
ERROR_LOG.parent.mkdir(parents=True, exist_ok=True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"trace": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "error_file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": str(ERROR_LOG),
            "maxBytes": 5_000_000,
            "backupCount": 5,
            "encoding": "utf-8",
            "level": "ERROR",
            "formatter": "trace",
            "delay": True,
        },
    },
    "loggers": {
        "django.request": {"handlers": ["error_file"], "level": "ERROR"},
        "chitieu": {"handlers": ["error_file"], "level": "ERROR"},
    },
}

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Passwords: at least 10 characters, not a common one, not close to the user's own name;
# checked by accounts.services for the web and `chitieu users` alike.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "chitieu.web.accounts.throttle.SignInThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one user name, or from one address, lock sign-in for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("CHITIEU_SIGNIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("CHITIEU_SIGNIN_LOCK_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "chitieu.web.accounts.throttle.locked_out"
AXES_VERBOSE = False
# A session ends after a working day without activity (each request moves the end on).
SESSION_COOKIE_AGE = 9 * 3600
SESSION_SAVE_EVERY_REQUEST = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

STATIC_URL = "static/"
STATICFILES_DIRS = [Path(__file__).resolve().parent / "static"]
# collectstatic writes here; WhiteNoise reads it only once it exists (a deployment),
# otherwise it serves the apps' static folders directly (WHITENOISE_USE_FINDERS).
_STATIC_ROOT = Path(os.environ.get("CHITIEU_STATIC_ROOT") or paths.var() / "static")
STATIC_ROOT = _STATIC_ROOT if PRODUCTION or _STATIC_ROOT.is_dir() else None
# WhiteNoise serves static files with DEBUG off. It also finds them in the apps'
# static folders, so `chitieu serve` works without collectstatic; a deployment
# runs collectstatic once and serves the compressed, hashed copies.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Where the source documents named by the plans are looked for (the audit page): by
# default every place folder under the home's and the checkout's data/.
CHITIEU_SOURCE_DIRS = [
    Path(p)
    for p in os.environ.get(
        "CHITIEU_SOURCE_DIRS", os.pathsep.join(str(d) for d in paths.source_dirs())
    ).split(os.pathsep)
    if p
]

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("CHITIEU_SSL_REDIRECT", "1") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("CHITIEU_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
    CSRF_TRUSTED_ORIGINS = [
        o for o in os.environ.get("CHITIEU_CSRF_TRUSTED_ORIGINS", "").split(",") if o
    ]
