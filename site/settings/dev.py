"""Development: `make run` and `manage.py` on a developer's machine.

With no environment at all this runs on SQLite with DEBUG on and prints mail to the
console. Every variable from base.py can still be set to try a real service.
"""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
