from django.urls import path

from ruimtes import calendars, views, views_beheer

app_name = "ruimtes"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.ruimte, name="ruimte"),
    path("<int:pk>/boeken/", views.boeken, name="boeken"),
    path("<int:pk>/agenda.ics", calendars.ruimte_feed, name="ruimte_feed"),
    path("mijn-boekingen/", views.mijn, name="mijn"),
    path("boekingen/<int:pk>/", views.boeking, name="boeking"),
    path("boekingen/<int:pk>/annuleren/", views.annuleren, name="annuleren"),
    path("agenda/nieuw-adres/", views.feed_reset, name="feed_reset"),
    path("agenda/<str:token>.ics", calendars.personal_feed, name="feed"),
    path("beheer/", views_beheer.dashboard, name="beheer"),
    path("beheer/aanvragen/<int:pk>/", views_beheer.decide, name="decide"),
    path("beheer/locaties/<int:pk>/", views_beheer.locatie_edit, name="locatie_edit"),
    path("beheer/locaties/<int:pk>/bezetting/", views_beheer.bezetting, name="bezetting"),
    path(
        "beheer/locaties/<int:pk>/bezetting.csv", views_beheer.bezetting_csv, name="bezetting_csv"
    ),
    path("beheer/ruimtes/<int:pk>/", views_beheer.ruimte_edit, name="ruimte_edit"),
]
