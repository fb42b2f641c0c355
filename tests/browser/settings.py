"""Settings of the site process that the browser tests start (see ``server.py``).

The test settings, plus what a separate server process needs: its own search index
names, and room for the journeys' donations within the per-address limits.
"""

import os
import tempfile

from buurtkracht.settings.test import *  # noqa: F403

SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "browser")
# Serve the journeys' own uploads from memory like the other tests, but keep them across
# requests of this one process (InMemoryStorage keeps them per process already).

# One cache for the server and for `site_server.shell()`/`manage()`, which run in other
# processes: a write there must invalidate the server's page cache too (a local-memory
# cache is per process). One folder per server database.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(
            tempfile.gettempdir(),
            "buurtkracht-cache-" + os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1],
        ),
    }
}

# Static files as production serves them: collected into STATIC_ROOT by server.py before
# the server starts, with hashed names and compressed copies (see static_storage.py).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "tests.browser.static_storage.SiteFilesCompressedStorage"},
}
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
