"""Settings shared by every environment.

Everything that differs per machine is read from the environment (see ``.env.example``).
``dev.py`` and ``test.py`` only override; with DEBUG off the start is refused without a
real SECRET_KEY and ALLOWED_HOSTS (see the end of this module).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from buurtkracht import __version__
from buurtkracht.env import email_settings, env

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the folder site/
BASE_DIR = PACKAGE_DIR.parent  # the repository

VERSION = __version__

# Only meant for a developer's machine: refused below whenever DEBUG is off.
DEV_SECRET_KEY = "dev-only-insecure-buurtkracht-key-do-not-use-in-production"

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "buurtkracht.core",
    "buurtkracht.accounts",
    "buurtkracht.areas",
    "buurtkracht.home",
    "initiatieven",
    "initiatieven.buurtbudget",
    "initiatieven.donaties",
    "vrijwilligers",
    "vrijwilligers.talentenbeurs",
    "ruimtes",
    "search",
    "search.kaart",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "buurtkracht.accounts.apps.WagtailUsersConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "buurtkracht.core.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "buurtkracht.accounts.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "buurtkracht.core.page_cache.PageCacheMiddleware",  # last: see its module docstring
]

ROOT_URLCONF = "buurtkracht.urls"
WSGI_APPLICATION = "buurtkracht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "buurtkracht.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has the task worker writing beside runserver: take the write lock at the
    # start of a transaction and wait for it, instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "buurtkracht",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous pages served from that cache for this many seconds (0: off). On by default only
# with Redis: a local-memory cache is per process, so another process's write (a second
# web worker, the task worker) would not invalidate it. See buurtkracht.core.page_cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if REDIS_URL else 0)

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "buurtkracht.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# Behind a load balancer, the number of proxies that add to X-Forwarded-For: the login,
# sign-up and donation rate limits then count the visitor's address, not the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Buurtkracht] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_ADAPTER = "buurtkracht.accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Buurtkracht"

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"

MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("MEDIA_S3_REGION", default="") or None,
            "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("MEDIA_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# Uploads: images are checked by decoding them (buurtkracht.core.images).
MAX_IMAGE_UPLOAD_SIZE = 5 * 1024 * 1024
MAX_IMAGE_DIMENSION = 1280  # longest side in pixels; larger photos are scaled down
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------
globals().update(
    email_settings(env.str("EMAIL_URL", default="console:" if DEBUG else "smtp://localhost:25"))
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Buurtkracht <noreply@buurtkracht.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (Django's tasks API, database backend) ----------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Search ---------------------------------------------------------------------------
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
SOCIALE_KAART_TILE_URL = env.str("SOCIALE_KAART_TILE_URL", default="")  # empty: no tiles
SOCIALE_KAART_TILE_ATTRIBUTION = env.str("SOCIALE_KAART_TILE_ATTRIBUTION", default="")

# --- Stripe ---------------------------------------------------------------------------
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")  # empty: Stripe's real API
# The donation page says no real money moves (the local test server of `make run`).
STRIPE_LOCAL_TEST_MODE = env.bool("STRIPE_LOCAL_TEST_MODE", default=False)
# Checkout sessions per IP address per hour, against card testing.
DONATION_RATE_LIMIT_PER_INITIATIVE = env.int("DONATION_RATE_LIMIT_PER_INITIATIVE", default=2)
DONATION_RATE_LIMIT_TOTAL = env.int("DONATION_RATE_LIMIT_TOTAL", default=5)

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Buurtkracht"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MAX_IMAGE_UPLOAD_SIZE
WAGTAILIMAGES_IMAGE_FORM_BASE = "buurtkracht.core.images.SafeWagtailImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS: list[dict] = []  # embeds would load other hosts: off
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars from gravatar.com would leak e-mail hashes

# --- Security headers that hold everywhere ----------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy: only our own host. Pages load no script, style, font or image
# from anywhere else (see buurtkracht.core.middleware for the Wagtail admin's needs).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint logs every rendering step at INFO; keep only its warnings.
        "weasyprint.progress": {"level": "WARNING"},
    },
}


def refuse_unsafe_start() -> None:
    """Stop the start when DEBUG is off and a secret or host list is missing."""
    if DEBUG:
        return
    if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "With DEBUG off, set SECRET_KEY to a random value of at least 50 characters."
        )
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("With DEBUG off, set ALLOWED_HOSTS to the site's host names.")


refuse_unsafe_start()
