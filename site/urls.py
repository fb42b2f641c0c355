"""The root URL map: the only module that knows every app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

import initiatieven.api
import ruimtes.api
import search.api
import vrijwilligers.api
from buurtkracht.api import build_api
from buurtkracht.core import views as core_views

api = build_api(
    [initiatieven.api.router, ruimtes.api.router, vrijwilligers.api.router, search.api.router]
)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("doneren/stripe/", include("initiatieven.donaties.webhook_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("account/", include("buurtkracht.accounts.urls")),
    path("gebied/", include("buurtkracht.areas.urls")),
    path("initiatieven/", include("initiatieven.urls")),
    path("buurtbudget/", include("initiatieven.buurtbudget.urls")),
    path("ruimtes/", include("ruimtes.urls")),
    path("vrijwilligers/", include("vrijwilligers.urls")),
    path("talentenbeurs/", include("vrijwilligers.talentenbeurs.urls")),
    path("doneren/", include("initiatieven.donaties.urls")),
    path("zoeken/", include("search.urls")),
    path("sociale-kaart/", include("search.kaart.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
