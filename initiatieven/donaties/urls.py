from django.urls import path

from initiatieven.donaties import views

app_name = "donaties"

urlpatterns = [
    path("doel/<int:pk>/", views.donate_view, name="donate"),
    path("doel/<int:pk>/bedankt/<str:reference>/", views.success_view, name="success"),
    path("behoefte/<int:behoefte_pk>/doel/", views.goal_view, name="goal"),
    path("donatie/<int:pk>/melden/", views.report_view, name="report"),
]
