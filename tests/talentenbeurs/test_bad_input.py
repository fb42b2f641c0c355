"""Nonsense from a browser or a script: a Dutch message or a 4xx, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from vrijwilligers.talentenbeurs.models import Deelnemer, Gesprek, Tafel

from .factories import DeelnemerFactory, TafelFactory, TalentenbeursFactory

pytestmark = pytest.mark.django_db

NASTY = ["%00", "\x00", "-1", "99999999999999999999999", "<script>", "", "1.5"]


@pytest.mark.parametrize("value", NASTY)
def test_registration_forms_survive_nonsense(client, value):
    beurs = TalentenbeursFactory()
    client.force_login(UserFactory())
    for name, data in [
        ("register", {"talents": [value], "wishes": [value], "slots": [value]}),
        (
            "tafel_register",
            {
                "organisation": value,
                "offer_kinds": [value],
                "sought_talents": [value],
                "slots": [value],
            },
        ),
    ]:
        response = client.post(reverse(f"talentenbeurs:{name}", args=[beurs.slug]), data)
        assert response.status_code == 200
        assert "utrecht-form-field--invalid" in response.content.decode()
    assert not Deelnemer.objects.exists()
    assert not Tafel.objects.exists()


@pytest.mark.parametrize("value", NASTY)
def test_outcome_nonsense_changes_nothing(client, value):
    organiser = UserFactory(groups=["beheer"])
    beurs = TalentenbeursFactory()
    gesprek = Gesprek.objects.create(
        beurs=beurs,
        deelnemer=DeelnemerFactory(beurs=beurs),
        tafel=TafelFactory(beurs=beurs),
        slot=0,
        score=10,
        outcome="geen",
    )
    client.force_login(organiser)
    url = reverse("talentenbeurs:outcome_record", args=[beurs.slug, gesprek.pk])
    response = client.post(url, {f"g{gesprek.pk}-outcome": value}, follow=True)
    assert response.status_code == 200
    gesprek.refresh_from_db()
    assert gesprek.outcome == ("" if value == "" else "geen")


@pytest.mark.parametrize(
    "path",
    [
        "/talentenbeurs/bestaat-niet/",
        "/talentenbeurs/bestaat-niet/mijn-rooster.pdf",
        "/talentenbeurs/{slug}/tafels/999999/",
        "/talentenbeurs/{slug}/tafels/999999.pdf",
        "/talentenbeurs/{slug}/mijn-rooster.pdf",
        "/talentenbeurs/{slug}/gesprekken/999999/uitkomst/",
    ],
)
def test_unknown_things_give_404(client, path):
    beurs = TalentenbeursFactory()
    client.force_login(UserFactory(groups=["beheer"]))
    response = client.post(path.format(slug=beurs.slug)) if "uitkomst" in path else None
    response = response or client.get(path.format(slug=beurs.slug))
    assert response.status_code == 404


def test_unpublished_event_is_hidden(client):
    beurs = TalentenbeursFactory(is_published=False)
    assert client.get(beurs.get_absolute_url()).status_code == 404
    assert beurs.title not in client.get(reverse("talentenbeurs:list")).content.decode()
