from django.urls import path

from vrijwilligers.views import gelukt, owner, vacatures, volunteer, wizard

app_name = "vrijwilligers"

urlpatterns = [
    path("", vacatures.vacature_list, name="list"),
    path("nieuw/", vacatures.vacature_edit, name="create"),
    path("resultaten/", vacatures.stats, name="stats"),
    path("<int:pk>/", vacatures.vacature_detail, name="detail"),
    path("<int:pk>/reageren/", vacatures.vacature_respond, name="respond"),
    path("<int:pk>/bewerken/", vacatures.vacature_edit, name="edit"),
    path("<int:pk>/sluiten/", vacatures.vacature_close, name="close"),
    path("<int:pk>/vrijwilligers/", owner.vacature_volunteers, name="volunteers"),
    path("beheer/", owner.dashboard, name="dashboard"),
    path("reacties/<int:pk>/accepteren/", owner.reactie_accept, name="accept"),
    path("reacties/<int:pk>/afwijzen/", owner.reactie_decline, name="decline"),
    path("reacties/<int:pk>/intrekken/", volunteer.reactie_withdraw, name="withdraw"),
    path("reacties/<int:pk>/uren/", volunteer.uren_log, name="uren_log"),
    path("uren/<int:pk>/bevestigen/", owner.uren_confirm, name="uren_confirm"),
    path("profiel/", volunteer.profiel_edit, name="profiel"),
    path("profiel/verwijderen/", volunteer.profiel_delete, name="profiel_delete"),
    path("voor-jou/", volunteer.voor_jou, name="voor_jou"),
    path("mijn/", volunteer.mijn, name="mijn"),
    path("verklaring/", volunteer.verklaring_create, name="verklaring_create"),
    path("verklaring/<str:code>/pdf/", volunteer.verklaring_pdf, name="verklaring_pdf"),
    path("verklaring/<str:code>/", volunteer.verklaring_verify, name="verify"),
    path("gelukt/<str:token>/", gelukt.gelukt, name="gelukt"),
    path("wat-kan-ik-doen/", wizard.wizard_step, name="wizard"),
    path("wat-kan-ik-doen/resultaat/", wizard.wizard_result, name="wizard_result"),
    path("wat-kan-ik-doen/profiel/", wizard.wizard_save, name="wizard_save"),
    path("wat-kan-ik-doen/<slug:step>/", wizard.wizard_step, name="wizard_step"),
]
