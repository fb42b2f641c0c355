"""Settings of the load test (``make bench``): production, served over plain HTTP on localhost.

``run.py`` sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, ELASTICSEARCH_URL and
STATIC_ROOT in the environment. Differences from production, each because there is no
TLS proxy, mail server or task worker on the benchmark machine:

- no HTTPS redirect and no secure-only cookies (the driver speaks plain HTTP);
- mail to memory; tasks run at once only while seeding (``BENCH_TASKS_IMMEDIATE``),
  under load the production database queue with one ``db_worker`` beside gunicorn;
- static files hashed but not compressed (``ManifestStaticFilesStorage``; whitenoise
  still serves them): compressing Wagtail's admin files takes minutes on two cores,
  and the driver asks for pages, not for their static files;
- the root URL map adds the bare baseline view (``benchmarks/load/urls.py``); the
  site itself never has that URL.
"""

import os

from buurtkracht.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
CONTENT_SECURITY_POLICY["DIRECTIVES"].pop("upgrade-insecure-requests", None)  # noqa: F405

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("BENCH_TASKS_IMMEDIATE"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}

ROOT_URLCONF = "benchmarks.load.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "benchmarks" / "load" / "templates"]  # noqa: F405

SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "bench")

# The in-process measurement switches the anonymous page cache off (0); the served
# site keeps the project's default unless BENCH_PAGE_CACHE_SECONDS says otherwise.
if "BENCH_PAGE_CACHE_SECONDS" in os.environ:
    PAGE_CACHE_SECONDS = int(os.environ["BENCH_PAGE_CACHE_SECONDS"])
