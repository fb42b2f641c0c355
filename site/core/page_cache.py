"""Anonymous pages from Django's cache, with every database write invalidating them.

What is cached. A GET or HEAD from a visitor without a session cookie, without pending
messages and without an Authorization header, on a public path (not the admin, the API,
the account pages, the donation pages or a page reached by a personal token: see
``EXCLUDED_PREFIXES``), whose response is a 200 ``text/html`` page that sets no cookie,
carries no ``Cache-Control: private/no-store/no-cache``, varies on nothing but Cookie,
Accept-Language and Accept-Encoding, and whose rendering wrote nothing to the database
(a GET with a side effect, such as a search that counts its term, must run every time).
Everyone with a session (every logged-in user, and visitors in the middle of a form that
keeps state) passes straight to the view and gets ``Cache-Control: private``.

The key is the scheme, host, path, query string and active language; the stored entry
keeps the body and the view's headers, so the outer middleware (security headers, CSP,
the CSRF cookie) still runs on a hit. ``X-Cache: hit`` or ``X-Cache: miss`` tells which
one an eligible request got.

CSRF. Every page has POST forms (the language switch), so a stored copy would hand one
visitor's token to all. The stored body holds a marker where Django's hidden token input
was; a hit fills in the token of the visitor asking (``get_token``), so the CSRF
middleware sets their cookie as on an uncached page. A page that shows a token anywhere
else (a 64-character run of letters and digits outside those inputs) is not stored.

Invalidation: one generation number. Instead of listing post_save, post_delete and
m2m_changed per model (which miss ``QuerySet.update()``, ``bulk_create`` and raw SQL, all
used by our services), a database execute wrapper sees every INSERT, UPDATE, DELETE and
TRUNCATE on any table except pure bookkeeping (sessions, task results, image renditions,
Wagtail editing sessions, API token use: ``IGNORED_TABLES``) and bumps the generation in
the cache: once at the write (so reads in the same transaction see it) and once after
the commit (so a page rendered by another request between the write and the commit, from
the old data, is not served afterwards). Each entry stores the generation it was
rendered under, read before the view ran; a hit needs both in one ``get_many``. So a
change is seen on the next request, by every worker sharing the cache (Redis in
production: with several processes and no REDIS_URL each process has its own locmem
cache and its own generation, so keep ``PAGE_CACHE_SECONDS=0`` there). One number for
everything is coarse but correct: a write anywhere empties the page cache at once, and
the content changes far less often than it is read. Time alone (an "open now" label, a
passed deadline) is bounded by ``PAGE_CACHE_SECONDS``.

If the cache server fails, pages are rendered uncached and writes go on (logged).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
KEY_PREFIX = "page-cache:page:"

# Paths never served from the cache, without the language prefix: staff, the API, the
# account and donation flows, and pages reached by a personal token in the URL.
EXCLUDED_PREFIXES = (
    "admin/",
    "django-admin/",
    "documents/",
    "api/",
    "i18n/",
    "healthz",
    "accounts/",
    "account/",
    "doneren/",
    "zoeken/",  # each search is counted (search.stats): a side effect on every request
    "initiatieven/uitnodiging/",
    "initiatieven/niet-meer-volgen/",
    "vrijwilligers/gelukt/",
    "vrijwilligers/verklaring/",
    "ruimtes/agenda/",
)

# Writes here change no page: they do not invalidate (they still count as a side effect).
IGNORED_TABLES = frozenset(
    {
        "django_session",
        "django_tasks_database_dbtaskresult",
        "wagtailimages_rendition",
        "wagtailadmin_editingsession",
        "wagtailadmin_formstate",
        "wagtailcore_pagesubscription",
        "accounts_apitoken",
        "mfa_authenticator",
        "account_emailconfirmation",
        "django_admin_log",
        # Every search counts its term in a task: counting must not empty the cache. The
        # "veel gezocht" lists and the kaart's demand may lag by PAGE_CACHE_SECONDS.
        "search_zoekterm",
    }
)

ALLOWED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
# Response attributes the outer middleware reads (django-csp, X-Frame-Options).
KEPT_ATTRIBUTES_PREFIX = "_csp"
KEPT_ATTRIBUTES = ("xframe_options_exempt",)

CSRF_MARKER = "<!--bk-csrf-token-->"
CSRF_INPUT_RE = re.compile(
    r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(">)'
)
BARE_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")

_WRITE_RE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?([A-Za-z0-9_]+)"?',
    re.IGNORECASE,
)
_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "WITH", "MERGE", "COPY")
_local = threading.local()


# --- generation -----------------------------------------------------------------------
def generation_current() -> int:
    """The current generation; a fresh, never used one when the cache lost it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def generation_and_entry(key: str) -> tuple[int, object] | None:
    """The current generation and what is stored under ``key``, in one cache round trip.

    None when the cache cannot be reached (logged): the caller then works uncached.
    """
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = generation_current()
    except Exception:
        logger.exception("Page cache unavailable")
        return None
    return generation, found.get(key)


def generation_bump() -> None:
    """Make every stored page stale. Never raises: a write must not fail on the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted, restarted): a value no entry was stored under
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.exception("Could not bump the page cache generation")


def _bump_after_commit() -> None:
    if getattr(_local, "dirty", False):
        _local.dirty = False
        generation_bump()


def _writes_so_far() -> int:
    return getattr(_local, "writes", 0)


def _written_table(sql) -> tuple[bool, str | None]:
    """(is this a write, its table when known)."""
    if not isinstance(sql, str):
        return True, None
    head = sql.lstrip()[:10].upper()
    if not head.startswith(_WRITE_WORDS):
        return False, None
    match = _WRITE_RE.match(sql)
    if match:
        return True, match.group(1).lower()
    if head.startswith("WITH"):  # a CTE: a write only when it holds one
        upper = sql.upper()
        return any(word in upper for word in ("INSERT INTO", "UPDATE ", "DELETE FROM")), None
    return True, None


def watch_writes(execute, sql, params, many, context):
    """Database execute wrapper: counts writes and invalidates the page cache on them."""
    result = execute(sql, params, many, context)
    is_write, table = _written_table(sql)
    if is_write:
        _local.writes = _writes_so_far() + 1
        if table not in IGNORED_TABLES:
            generation_bump()
            connection = context["connection"]
            if connection.in_atomic_block:  # again once the data is there for everyone
                _local.dirty = True
                connection.on_commit(_bump_after_commit)
    return result


def install_write_watch(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: put ``watch_writes`` on every new connection."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


# --- the middleware -------------------------------------------------------------------
def _path_without_language(path: str) -> str:
    path = path.lstrip("/")
    first, _slash, rest = path.partition("/")
    if _slash and first in {code for code, _name in settings.LANGUAGES}:
        return rest
    return path


def _page_key(request: HttpRequest) -> str:
    raw = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            get_language() or "",
        ]
    )
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _request_is_eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if _path_without_language(request.path_info).startswith(EXCLUDED_PREFIXES):
        return False
    return len(get_messages(request)) == 0


def _storable_body(request: HttpRequest, response: HttpResponseBase) -> str | None:
    """The body to store with CSRF tokens replaced by the marker, or None: do not store."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    cache_control = {
        part.strip().split("=")[0].lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"private", "no-store", "no-cache"}:
        return None
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    if vary - ALLOWED_VARY - {""}:
        return None
    if request.session.modified or len(get_messages(request)):
        return None
    if getattr(request, "_csp_nonce", None) is not None:  # a nonce is per response
        return None
    body = response.content.decode(response.charset)
    body = CSRF_INPUT_RE.sub(rf"\g<1>{CSRF_MARKER}\g<2>", body)
    if BARE_TOKEN_RE.search(body):
        return None
    return body


class PageCacheMiddleware:
    """Serve eligible anonymous pages from the cache; see the module docstring.

    Place it last in MIDDLEWARE: after the session, CSRF, auth and message middleware,
    which must run on a hit too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0:
            return self._mark_private(request, self.get_response(request))
        if not _request_is_eligible(request):
            return self._mark_private(request, self._render(request))
        key = _page_key(request)
        looked_up = generation_and_entry(key)
        if looked_up is None:
            return self._mark_private(request, self.get_response(request))
        generation, entry = looked_up
        if entry is not None and entry["generation"] == generation:
            return self._mark_private(request, self._from_entry(request, entry))

        writes_before = _writes_so_far()
        response = self._render(request)
        body = None if _writes_so_far() != writes_before else _storable_body(request, response)
        if body is not None:
            entry = {
                "generation": generation,
                "body": body,
                "headers": list(response.items()),
                "attributes": {
                    name: value
                    for name, value in vars(response).items()
                    if name.startswith(KEPT_ATTRIBUTES_PREFIX) or name in KEPT_ATTRIBUTES
                },
            }
            try:
                cache.set(key, entry, seconds)
            except Exception:
                logger.exception("Could not store a page in the page cache")
        response["X-Cache"] = "miss"
        return self._mark_private(request, response)

    def _render(self, request: HttpRequest) -> HttpResponseBase:
        from buurtkracht.core.memo import site_for_request_lazy

        site_for_request_lazy(request)  # Wagtail's site and root page from the cache
        return self.get_response(request)

    @staticmethod
    def _from_entry(request: HttpRequest, entry: dict) -> HttpResponse:
        body = entry["body"]
        if CSRF_MARKER in body:
            body = body.replace(CSRF_MARKER, get_token(request))
        response = HttpResponse(body, headers=dict(entry["headers"]))
        for name, value in entry["attributes"].items():
            setattr(response, name, value)
        response["X-Cache"] = "hit"
        return response

    @staticmethod
    def _mark_private(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """Pages for one person (a session, or a page holding their CSRF token): no proxy."""
        is_html = response.get("Content-Type", "").startswith("text/html")
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if (is_html or has_session) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        if is_html:
            patch_vary_headers(response, ("Cookie",))
        return response


def connections_watch_existing() -> None:
    """Also watch connections opened before the receiver was connected."""
    for connection in connections.all(initialized_only=True):
        install_write_watch(None, connection)
