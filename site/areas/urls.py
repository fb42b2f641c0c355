from django.urls import path

from buurtkracht.areas import views

app_name = "areas"

urlpatterns = [path("", views.postcode_lookup_view, name="postcode_lookup")]
