"""A URL map with one admin function outside /admin/, guarded by `mfa_required`."""

from django.http import HttpResponse
from django.urls import include, path

from buurtkracht.accounts.mfa import mfa_required


@mfa_required
def panel_queue(request):
    return HttpResponse("wachtrij")


def open_page(request):
    return HttpResponse("open")


urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("panel/wachtrij/", panel_queue),
    path("beheer-test/", open_page),
    path("en/beheer-test/", open_page),
]
