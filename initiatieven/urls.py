from django.urls import path

from initiatieven.views import beheer, publiek

app_name = "initiatieven"

urlpatterns = [
    path("", publiek.initiatief_list_view, name="list"),
    path("mijn/", beheer.mine_view, name="mine"),
    path("nieuw/", beheer.create_view, name="create"),
    path("uitnodiging/<str:token>/", publiek.invitation_view, name="invitation"),
    path("niet-meer-volgen/<str:token>/", publiek.unfollow_view, name="unfollow"),
    path("<slug:slug>/", publiek.initiatief_detail_view, name="detail"),
    path("<slug:slug>/contact/", publiek.contact_view, name="contact"),
    path("<slug:slug>/melden/", publiek.melding_view, name="report"),
    path("<slug:slug>/volgen/", publiek.follow_view, name="follow"),
    path("<slug:slug>/beheer/", beheer.manage_view, name="manage"),
    path("<slug:slug>/bewerken/<slug:step>/", beheer.edit_view, name="edit"),
    path("<slug:slug>/indienen/", beheer.submit_view, name="submit"),
    path("<slug:slug>/status/", beheer.close_view, name="close"),
    path("<slug:slug>/fotos/<int:pk>/verwijderen/", beheer.foto_delete_view, name="foto_delete"),
    path("<slug:slug>/behoeften/nieuw/", beheer.behoefte_view, name="behoefte_create"),
    path("<slug:slug>/behoeften/<int:pk>/", beheer.behoefte_view, name="behoefte_edit"),
    path("<slug:slug>/updates/nieuw/", beheer.update_create_view, name="update_create"),
    path(
        "<slug:slug>/updates/<int:pk>/verwijderen/",
        beheer.update_delete_view,
        name="update_delete",
    ),
    path("<slug:slug>/eigenaren/uitnodigen/", beheer.invite_view, name="invite"),
    path(
        "<slug:slug>/eigenaren/<int:pk>/verwijderen/", beheer.owner_remove_view, name="owner_remove"
    ),
]
