"""Tests: PostgreSQL from DATABASE_URL (started by `make test`), fast hashing, mail in memory."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "k" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("EMAIL_URL", "locmem:")
# Never Stripe's real API from a test: a closed port unless a test starts the local server.
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_pytest")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_pytest")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:9")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is on in tests (one process, so locmem is shared by every request).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)  # noqa: F405
# Tasks run at once inside the test, so a test sees their effect (mail, indexing).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS}  # noqa: F405

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
