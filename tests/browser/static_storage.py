"""The static files storage of the browser tests' server: production's, made quicker.

Production collects the static files with WhiteNoise's
``CompressedManifestStaticFilesStorage`` (hashed names, a gzip and a brotli copy of each),
so a page there downloads compressed CSS and JavaScript. The browser tests measure what a
page downloads (tests/browser/test_page_weight.py), so their server serves the same:
``server.py`` runs ``collectstatic`` with this storage before gunicorn starts.

The one difference: only the site's own files are compressed. Compressing the ~1,300
files of the Wagtail and Django admin and the API docs takes minutes on a small machine,
and no public page uses them; they are served uncompressed, with hashed names like the
rest.
"""

from pathlib import Path

from whitenoise.storage import CompressedManifestStaticFilesStorage

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "__pycache__", ".git"}


def own_static_folders() -> set[str]:
    """The top-level folders under STATIC_ROOT that our own code fills (dist, img, search...)."""
    folders = set()
    for static in (ROOT / "site" / "static", *ROOT.glob("*/static"), *ROOT.glob("*/*/static")):
        if static.is_dir() and not SKIP_DIRS.intersection(static.relative_to(ROOT).parts):
            folders.update(entry.name for entry in static.iterdir())
    return folders


class SiteFilesCompressedStorage(CompressedManifestStaticFilesStorage):
    def compress_files(self, paths):
        own = own_static_folders()
        return super().compress_files([path for path in paths if path.split("/", 1)[0] in own])
