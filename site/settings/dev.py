"""Development: `make run` and `manage.py` on a developer's machine.

With no environment at all this runs on SQLite with DEBUG on and prints mail to the
console. Every variable from base.py can still be set to try a real service.
"""

import os

os.environ.setdefault("DEBUG", "1")
# Donations go to the local Stripe test server that `make run` starts: no real money.
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_lokaal_buurtkracht")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_lokaal_buurtkracht")
os.environ.setdefault("STRIPE_API_BASE", "http://127.0.0.1:12111")
os.environ.setdefault("STRIPE_LOCAL_TEST_MODE", "1")

from .base import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
