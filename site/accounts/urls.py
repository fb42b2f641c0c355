from django.urls import path

from buurtkracht.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("mijn-gegevens.json", views.data_export, name="data_export"),
    path("verwijderen/", views.delete, name="delete"),
    path("api-sleutel/", views.api_token, name="api_token"),
]
