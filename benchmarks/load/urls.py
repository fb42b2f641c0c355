"""The site's URL map plus the bare baseline view, only for the load test.

The baseline is the least a Django page can cost here: the same middleware, one small
template, no database query. Every page's latency is compared with it.
"""

from django.shortcuts import render
from django.urls import path

from buurtkracht.urls import urlpatterns as site_urlpatterns


def bare_view(request):
    return render(request, "bench/bare.html", {"title": "Buurtkracht", "items": range(5)})


urlpatterns = [path("bench/bare/", bare_view, name="bench_bare"), *site_urlpatterns]
