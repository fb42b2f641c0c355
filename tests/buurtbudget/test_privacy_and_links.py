import pytest
from django.urls import reverse

from buurtkracht.accounts.queries import user_data_export
from buurtkracht.accounts.services import user_delete
from initiatieven import needs
from initiatieven.buurtbudget import integration, services
from initiatieven.buurtbudget.models import Aanvraag, Reactie, Stem
from tests.factories import UserFactory, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory

from .factories import BudgetFactory, aanvraag, panel

pytestmark = pytest.mark.django_db


def test_export_and_delete_keep_decisions_without_the_person():
    BudgetFactory()
    owner = UserFactory()
    result = aanvraag(owner=owner)
    members = panel(3)
    services.reactie_create(user=members[0], aanvraag=result, text="Mooi plan")
    services.stem_cast(user=members[0], aanvraag=result, choice="voor", motivation="Ja")
    data = user_data_export(user=members[0])["buurtbudget"]
    assert data["stemmen"][0]["motivatie"] == "Ja"
    assert data["reacties"][0]["tekst"] == "Mooi plan"
    assert user_data_export(user=owner)["buurtbudget"]["aanvragen"][0]["bedrag"] == "1000.00"

    user_delete(user=members[0])
    user_delete(user=owner)
    assert Stem.objects.get().user is None
    assert Reactie.objects.get().author is None
    assert Aanvraag.objects.get().applicant is None


def test_wijk_section_shows_this_years_totals():
    budget = BudgetFactory()
    context = integration.wijk_section_context(wijk=budget.buurt.wijk, request=None)
    assert context["totals"].amount == budget.amount
    assert context["url"] == reverse("buurtbudget:wijk", args=[budget.buurt.wijk.slug])
    assert integration.wijk_section_context(wijk=wijk("Westerpark"), request=None) is None


def test_money_need_links_to_granted_budget():
    BudgetFactory()
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    need = BehoefteFactory(initiatief=initiatief, kind="geld", title="Geld voor pannen")
    result = aanvraag(owner=owner, initiatief=initiatief)
    assert needs.links_for([need]).get(need.pk, []) == []
    for member in panel(3):
        services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="m")
    [link] = needs.links_for([need])[need.pk]
    assert "1000.00" in link.detail


def test_my_applications_lists_initiatives_to_apply_for(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    response = client.get(reverse("buurtbudget:mijn_aanvragen"))
    assert (
        reverse("buurtbudget:aanvraag_create", args=[initiatief.slug]) in response.content.decode()
    )


def test_pages_use_a_constant_number_of_queries(client, django_assert_max_num_queries):
    BudgetFactory()
    members = panel(3)
    for _ in range(4):
        result = aanvraag()
        for member in members:
            services.stem_cast(user=member, aanvraag=result, choice="voor", motivation="m")
    buurt_slug = Aanvraag.objects.first().buurt.slug
    with django_assert_max_num_queries(12):
        client.get(reverse("buurtbudget:buurt", args=[buurt_slug]))
    with django_assert_max_num_queries(12):
        client.get(reverse("buurtbudget:wijk", args=["de-baarsjes"]))
    client.force_login(members[0])
    with django_assert_max_num_queries(16):
        client.get(reverse("buurtbudget:panel", args=["de-baarsjes"]))
