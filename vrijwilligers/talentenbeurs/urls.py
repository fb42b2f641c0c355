from django.urls import path

from . import views

app_name = "talentenbeurs"

urlpatterns = [
    path("", views.beurs_list, name="list"),
    path("<slug:slug>/", views.beurs_detail, name="detail"),
    path("<slug:slug>/aanmelden/", views.deelnemer_register, name="register"),
    path("<slug:slug>/afmelden/", views.deelnemer_cancel, name="cancel"),
    path("<slug:slug>/tafel-aanmelden/", views.tafel_register, name="tafel_register"),
    path("<slug:slug>/mijn-rooster/", views.my_schedule, name="my_schedule"),
    path("<slug:slug>/mijn-rooster.pdf", views.my_schedule_pdf, name="my_schedule_pdf"),
    path("<slug:slug>/tafels/<int:pk>/", views.tafel_detail, name="tafel"),
    path("<slug:slug>/tafels/<int:pk>.pdf", views.tafel_pdf, name="tafel_pdf"),
    path("<slug:slug>/organisatie/", views.dashboard, name="dashboard"),
    path("<slug:slug>/organisatie/tafellijsten.pdf", views.tafels_pdf, name="tafels_pdf"),
    path("<slug:slug>/organisatie/rooster/", views.schedule_run, name="schedule_run"),
    path(
        "<slug:slug>/gesprekken/<int:pk>/uitkomst/",
        views.outcome_record,
        name="outcome_record",
    ),
]
