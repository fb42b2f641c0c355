from django.urls import path

from search.kaart import views

app_name = "sociale_kaart"

urlpatterns = [
    path("", views.index, name="index"),
    path("sociale-kaart.csv", views.export, name="export"),
    path("<slug:slug>/", views.wijk, name="wijk"),
    path("<slug:slug>/sociale-kaart.csv", views.export, name="wijk_export"),
]
