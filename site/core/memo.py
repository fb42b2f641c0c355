"""Site-wide lookups every page makes (the Wagtail site, its settings), from the cache.

A value is kept with the page cache's generation (see ``buurtkracht.core.page_cache``):
any database write outside the bookkeeping tables makes it stale, so an editor's change
to the footer shows on the next request. Only used when the page cache is on
(``PAGE_CACHE_SECONDS`` > 0), for the same reason: with a per-process cache another
process's write would not reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from buurtkracht.core.page_cache import generation_and_entry, logger

T = TypeVar("T")
MEMO_PREFIX = "page-cache:memo:"
MEMO_SECONDS = 3600


def generation_memo(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, computed once per generation and shared by every process."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    key = MEMO_PREFIX + name
    looked_up = generation_and_entry(key)
    if looked_up is None:
        return compute()
    generation, entry = looked_up
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    try:
        cache.set(key, (generation, value), MEMO_SECONDS)
    except Exception:
        logger.exception("Could not store a value in the page cache")
    return value


def _site_lookup(request: HttpRequest) -> Site | None:
    # The uncached lookup behind Site.find_for_request, which would return the lazy object.
    return Site._find_for_request(request)


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's ``Site.find_for_request`` without its query."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return Site.find_for_request(request)
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = _site_memo(request)
    return request._wagtail_site


def site_for_request_lazy(request: HttpRequest) -> None:
    """Have Wagtail's ``Site.find_for_request`` use ``site_for_request``, when it is asked.

    Wagtail keeps the site in ``request._wagtail_site``; a lazy object there costs
    nothing on requests that never ask (the API, redirects).
    """
    if settings.PAGE_CACHE_SECONDS > 0 and not hasattr(request, "_wagtail_site"):
        request._wagtail_site = SimpleLazyObject(lambda: _site_memo(request))


def _site_memo(request: HttpRequest) -> Site | None:
    name = f"site:{request.get_host()}:{request.get_port()}"
    return generation_memo(name, lambda: _site_lookup(request))


def site_setting_for_request(model, request: HttpRequest):
    """``model.for_site`` for the request's site (a ``BaseSiteSetting``), or None."""
    site = site_for_request(request)
    if not site:  # None, or a lazy object holding None
        return None
    name = f"setting:{model._meta.label_lower}:{site.pk}"
    return generation_memo(name, lambda: _setting_read(model, site))


def _setting_read(model, site: Site):
    """``model.for_site`` without its write: a site without a row yet gets the defaults
    unsaved (Wagtail saves the row when an editor first opens the settings). A page view
    that writes would make its own cached values stale at once."""
    return model.objects.filter(site=site).first() or model(site=site)
