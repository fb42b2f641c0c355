"""The site's URL map plus the bare baseline view, only for the load test.

The baseline is the least a Django page can cost here: the same middleware, one small
template, no database query. Every page's latency is compared with it. It is never
stored in the page cache, so it stays the same yardstick whether that cache is on or off.
"""

from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache

from buurtkracht.urls import urlpatterns as site_urlpatterns


@never_cache
def bare_view(request):
    return render(request, "bench/bare.html", {"title": "Buurtkracht", "items": range(5)})


urlpatterns = [path("bench/bare/", bare_view, name="bench_bare"), *site_urlpatterns]
