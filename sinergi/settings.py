"""One settings module for every environment, driven by environment variables.

Defaults give a working demo on SQLite; production sets DATABASE_URL, REDIS_URL, the S3 variables,
SECRET_KEY and ALLOWED_HOSTS (see docs/deployment.md).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from sinergi.core.production import DEVELOPMENT_SECRET_KEY, refuse_unsafe_settings
from sinergi.env import EnvError, envbool, envint, envlist, envstr, envurl

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("SINERGI_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# Production mode refuses unsafe settings at the end of this module (sinergi/core/production.py).
SINERGI_PRODUCTION = envbool("SINERGI_PRODUCTION", False)
# Declares that only one process serves the site, so a per-process cache is acceptable without Redis.
SINGLE_PROCESS = envbool("SINGLE_PROCESS", False)
SECRET_KEY = envstr("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # WhiteNoise serves the collected, hashed files in development too (runserver would not).
    "whitenoise.runserver_nostatic",
    "sinergi.core",
    "sinergi.regions",
    "sinergi.accounts",
    "sinergi.villages",
    "sinergi.portal",
    "sinergi.kim",
    "sinergi.casework",
    "sinergi.ppid",
    "sinergi.complaints",
    "sinergi.finance",
    "sinergi.monitoring",
    # The demo loader publishes known passwords: production does not even have the command.
    *([] if SINERGI_PRODUCTION else ["sinergi.demo"]),
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    # Last, as its documentation asks: deletes a file once its row is deleted (after the commit).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "sinergi.core.cache.PublicPageCacheUpdateMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sinergi.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sinergi.accounts.admin_guard.AdminTenantGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "sinergi.core.cache.PublicPageCacheFetchMiddleware",
    # The request's Wagtail site without a query per request (core/sites.py).
    "sinergi.core.sites.SiteMiddleware",
    # Last: turns a refused sign-in into the login page with the lockout message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sinergi.urls"
WSGI_APPLICATION = "sinergi.wsgi.application"

TEMPLATES = [
    {
        # The public site's pages (<app>/jinja2/): see sinergi/core/jinja.py.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "sinergi" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "sinergi.core.jinja.environment",
            "keep_trailing_newline": True,
            # Django's Jinja2 backend lets these override the view's own variables: only `messages`
            # (the KIM pages, complaint tracking), which no view sets itself.
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "sinergi.core.jinja.language_context",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sinergi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite (WAL) unless DATABASE_URL points elsewhere.
DATABASE_URL = envstr("DATABASE_URL", "")
if DATABASE_URL:
    # Health checks: a kept connection is tested before a request reuses it, so after a database
    # restart each worker reconnects instead of failing its next request (bench/faults.py).
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": envstr("SQLITE_PATH", str(VAR_DIR / "sinergi.sqlite3")),
            # Kept between requests too: a new SQLite connection re-reads the schema and runs the
            # PRAGMAs below, 5-8 ms of every uncached page (bench/README.md, "Uncached rendering").
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", 60),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DB_VENDOR_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis"))
if DB_VENDOR_IS_POSTGRES and envbool("DB_JIT_OFF", True):
    # PostgreSQL's JIT compiles a query whose estimated cost is high: 0.3-0.6 s of compiling for a
    # listing that runs in milliseconds over a province's page tree (bench/scale.py). Public pages run
    # short queries only; DB_JIT_OFF=0 leaves the server's setting.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
if DB_VENDOR_IS_POSTGRES and envbool("DB_PREPARED_STATEMENTS", True):
    # Planning, not running, is most of a public page's time on PostgreSQL: the rule of what the public
    # may list is some twenty subqueries, ~2 ms to plan and ~0.1 ms to run, several a page (docs/
    # architecture.md, "Prepared statements"). With server-side binding psycopg prepares a statement
    # the connection has run `prepare_threshold` times, and the server reuses its plan. Needs a
    # session that lasts (DB_CONN_MAX_AGE); behind PgBouncer in transaction mode older than 1.21, set
    # DB_PREPARED_STATEMENTS=0 (Django's default: every query parsed and planned each time).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["server_side_binding"] = True
    options["prepare_threshold"] = envint("DB_PREPARE_THRESHOLD", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = envstr("REDIS_URL", "")


def redis_caches(url: str, throttle_url: str, prefix: str, timeout: float) -> dict:
    """CACHES on Redis: the page cache, and apart from it the throttle counters (sinergi/core/throttle.py).

    With Redis down, pages are served uncached (the page cache logs errors instead of raising, see
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS); the throttle's errors reach core/throttle.py, which allows for a
    short grace and then refuses sign-ins. `timeout`: seconds to wait for Redis (connect, each command).
    """
    options = {"SOCKET_CONNECT_TIMEOUT": timeout, "SOCKET_TIMEOUT": timeout}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True},
        },
        "throttle": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": throttle_url,
            "KEY_PREFIX": f"{prefix}-throttle",
            "OPTIONS": options,
        },
    }


if REDIS_URL:
    # THROTTLE_REDIS_URL may point at a Redis that never evicts (docs/deployment.md).
    CACHES = redis_caches(
        REDIS_URL,
        envstr("THROTTLE_REDIS_URL", REDIS_URL),
        envstr("CACHE_KEY_PREFIX", "sinergi"),
        envint("REDIS_TIMEOUT_SECONDS", 1),
    )
else:
    # Without Redis the throttle counters are rows in the database (core.RateCounter), not cache entries.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sinergi"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Seconds the throttles keep allowing while their Redis is unreachable; then sign-ins are refused.
THROTTLE_OUTAGE_GRACE_SECONDS = envint("THROTTLE_OUTAGE_GRACE_SECONDS", 60)
# Seconds an anonymous public page is kept in the cache; publishing anything clears it.
PUBLIC_PAGE_CACHE_SECONDS = envint("PUBLIC_PAGE_CACHE_SECONDS", 300)
# How long nginx may keep an anonymous public page itself (X-Accel-Expires, core/cache.py); 0: never.
PROXY_CACHE_SECONDS = envint("PROXY_CACHE_SECONDS", 2)
# Addresses per sitemap file; /sitemap.xml is an index of such files (the protocol's limit is 50,000).
SITEMAP_MAX_URLS = 50_000

TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first. Django's catalogues are under "id", Wagtail's under "id_ID": "id-id" finds both.
LANGUAGE_CODE = "id-id"
LANGUAGES = [("id-id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "sinergi" / "locale"]
USE_I18N = True
USE_TZ = True
# The instance's time zone: WITA for Kutai Kartanegara; WIB/WIT regencies set their own.
TIME_ZONE = envstr("TIME_ZONE", "Asia/Makassar")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "sinergi" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))

AWS_STORAGE_BUCKET_NAME = envstr("S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = envstr("S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = envstr("S3_REGION", "") or None
    AWS_S3_CUSTOM_DOMAIN = envstr("S3_CUSTOM_DOMAIN", "") or None
    # "path" (endpoint/bucket/key) or "virtual" (bucket.endpoint/key); unset lets boto choose.
    AWS_S3_ADDRESSING_STYLE = envstr("S3_ADDRESSING_STYLE", "") or None
    if AWS_S3_ADDRESSING_STYLE not in (None, "auto", "path", "virtual"):
        raise EnvError(f"S3_ADDRESSING_STYLE must be path, virtual or auto, got {AWS_S3_ADDRESSING_STYLE!r}")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    # django-storages' S3 storage, its unsigned URLs worked out once per file (core/storage.py).
    _media_backend = "sinergi.core.storage.PublicMediaStorage"
    # Unpublished KIM material: a bucket (or prefix) no one can read without a signed, short-lived URL.
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": envstr("S3_PRIVATE_BUCKET", "") or AWS_STORAGE_BUCKET_NAME,
            "location": envstr("S3_PRIVATE_PREFIX", "private"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": envint("S3_PRIVATE_URL_SECONDS", 300),
            "custom_domain": None,  # a CDN domain would drop the signature
        },
    }
else:
    _media_backend = "django.core.files.storage.FileSystemStorage"
    # Outside MEDIA_ROOT, so neither nginx's /media/ nor SERVE_MEDIA can serve these files.
    _private_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": envstr("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))},
    }
STORAGES = {
    "default": {"BACKEND": _media_backend},
    "private": _private_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Without a front web server (demo, tests) Django serves uploaded files itself.
SERVE_MEDIA = envbool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Wagtail
WAGTAIL_SITE_NAME = envstr("SITE_NAME", "Sinergi")
# The public address: links in e-mails (notifications, password reset) are built from it.
BASE_URL = envurl("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, with user queries neutralised (quotes, operators, NUL) for FTS5/PostgreSQL.
        "BACKEND": "sinergi.core.search_backend",
        # PostgreSQL ships an Indonesian snowball stemmer.
        **({"SEARCH_CONFIG": "indonesian"} if DB_VENDOR_IS_POSTGRES else {}),
    }
}
# Uploads: formats a browser can show, a size limit and a pixel limit against decompression bombs.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = envint("MAX_IMAGE_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = envint("MAX_IMAGE_MEGAPIXELS", 40) * 1_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = envint("MAX_DOCUMENT_UPLOAD_MB", 20) * 1024 * 1024
# Only PDFs open in the browser; everything else is downloaded, never rendered.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "image"]},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = envbool("PASSWORD_RESET_ENABLED", True)
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds: nothing is loaded from another host

LOGIN_URL = "wagtailadmin_login"
WAGTAILADMIN_USER_LOGIN_FORM = "sinergi.accounts.forms.SinergiLoginForm"

# Sign-in throttling (django-axes, sinergi/accounts/throttling.py). The axes backend comes first: it
# refuses a locked account or address before any password is checked.
# KIM members sign in with their phone number or e-mail (sinergi/kim/auth.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sinergi.kim.auth.KimMemberBackend",
]
AXES_HANDLER = "sinergi.accounts.throttling.SinergiAxesHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # separately: either one locks
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURES_PER_ACCOUNT", 5)
SINERGI_LOGIN_FAILURES_PER_ADDRESS = envint("LOGIN_FAILURES_PER_ADDRESS", 20)  # one office, many people
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not prolong it, so "try again in N minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "sinergi.accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "sinergi.accounts.throttling.client_ip_address"

# Security. HTTPS-only settings switch on with SECURE=1 (production behind TLS).
SECURE = envbool("SECURE", False)
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = False
# Preloading binds the whole registrable domain (every subdomain, for months) in browsers: that is the
# domain owner's decision, not the application's, so the deploy check's reminder (W021) is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
BEHIND_PROXY = envbool("BEHIND_PROXY", False)  # nginx in front: its X-Forwarded-* headers are trusted
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Proxies in front of Django that each append to X-Forwarded-For (load balancer + nginx = 2): the
# client address for sign-in throttling is the entry that many places from the right.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 1)  # used only with BEHIND_PROXY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail goes out over SMTP once EMAIL_HOST is set; without it (demo, tests) it is printed to the console.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
if EMAIL_USE_SSL and EMAIL_USE_TLS:
    # Django would only fail at the first message sent; say so at start-up instead.
    raise EnvError("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other: set only one of them to 1")
EMAIL_PORT = envint("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587)
# Seconds before an unreachable SMTP server gives up, instead of blocking a worker forever.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "sinergi@localhost")
# Error reports to ADMINS come from this address.
SERVER_EMAIL = envstr("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

# Labels shown on screen for this instance.
SINERGI_PORTAL_TAGLINE = _("Portal Desa")

# Our own image and document models: random stored names, content-checked documents.
WAGTAILIMAGES_IMAGE_MODEL = "core.SinergiImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "sinergi.core.forms.SinergiImageForm"
WAGTAILDOCS_DOCUMENT_MODEL = "core.SinergiDocument"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin

if SINERGI_PRODUCTION:
    refuse_unsafe_settings(globals())
