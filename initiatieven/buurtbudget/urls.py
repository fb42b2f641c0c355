from django.urls import path

from . import beheer_views, regie_views, views

app_name = "buurtbudget"

urlpatterns = [
    path("", views.index, name="index"),
    path("wijk/<slug:slug>/", views.wijk_detail, name="wijk"),
    path("wijk/<slug:slug>/panel/", views.panel, name="panel"),
    path("buurt/<slug:slug>/", views.buurt_detail, name="buurt"),
    path("buurt/<slug:slug>/agenda/", beheer_views.agenda_manage, name="agenda"),
    path("agenda/<int:pk>/wissel/", beheer_views.agenda_toggle, name="agenda_toggle"),
    path(
        "buurt/<slug:slug>/voorstellen/nieuw/", regie_views.voorstel_create, name="voorstel_create"
    ),
    path("voorstellen/<int:pk>/", regie_views.voorstel_detail, name="voorstel"),
    path("aanvragen/", views.mijn_aanvragen, name="mijn_aanvragen"),
    path("aanvragen/nieuw/<slug:slug>/", views.aanvraag_create, name="aanvraag_create"),
    path("aanvragen/<int:pk>/", views.aanvraag_detail, name="aanvraag"),
    path("aanvragen/<int:pk>/stem/", views.aanvraag_vote, name="aanvraag_vote"),
    path("aanvragen/<int:pk>/belang/", views.aanvraag_conflict, name="aanvraag_conflict"),
    path("aanvragen/<int:pk>/reactie/", views.aanvraag_comment, name="aanvraag_comment"),
    path("aanvragen/<int:pk>/besluit/", views.aanvraag_redecide, name="aanvraag_redecide"),
    path(
        "aanvragen/<int:pk>/verantwoording/",
        views.verantwoording_create,
        name="verantwoording",
    ),
    path("export/", beheer_views.export, name="export"),
]
