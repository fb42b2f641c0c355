"""The listing (filters, sorting, pagination), the detail page and the owners' pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from initiatieven import needs
from initiatieven.models import Behoefte, Initiatief
from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.initiatieven.images import png_upload

pytestmark = pytest.mark.django_db

LIST = reverse("initiatieven:list")


def _titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".bk-card__title a")]


def test_listing_filters_by_wijk_theme_kind_and_need(client):
    west = wijk("Westerpark")
    a = InitiatiefFactory(title="Moestuin", themes=["groen"])
    b = InitiatiefFactory(title="Naaiatelier", kind="wijkonderneming", wijk=west)
    BehoefteFactory(initiatief=b, kind=Behoefte.Kind.RUIMTE, title="Een lokaal")
    BehoefteFactory(initiatief=a, kind=Behoefte.Kind.RUIMTE, status="vervuld")
    InitiatiefFactory(title="Verborgen", is_hidden=True)
    InitiatiefFactory(title="Concept", status=Initiatief.Status.CONCEPT)

    assert sorted(_titles(client.get(LIST))) == ["Moestuin", "Naaiatelier"]
    assert _titles(client.get(LIST, {"wijk": west.slug})) == ["Naaiatelier"]
    assert _titles(client.get(LIST, {"thema": "groen"})) == ["Moestuin"]
    assert _titles(client.get(LIST, {"soort": "wijkonderneming"})) == ["Naaiatelier"]
    assert _titles(client.get(LIST, {"behoefte": "ruimte"})) == ["Naaiatelier"]


def test_listing_ignores_bad_filter_values(client):
    InitiatiefFactory(title="Moestuin")
    response = client.get(LIST, {"wijk": "bestaat-niet", "thema": "<script>", "page": "x"})
    assert response.status_code == 200
    assert _titles(response) == ["Moestuin"]


def test_listing_sorts_new_and_recently_active(client):
    now = timezone.now()
    InitiatiefFactory(
        title="Oud maar actief", published_at=now - timedelta(days=30), last_activity_at=now
    )
    InitiatiefFactory(
        title="Nieuw maar stil", published_at=now, last_activity_at=now - timedelta(days=10)
    )
    assert _titles(client.get(LIST, {"sort": "nieuw"})) == ["Nieuw maar stil", "Oud maar actief"]
    assert _titles(client.get(LIST, {"sort": "actief"})) == ["Oud maar actief", "Nieuw maar stil"]


def test_listing_paginates_with_constant_queries(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    owner = UserFactory()

    def add(index):
        initiatief = InitiatiefFactory(owners=[owner], themes=["groen", "taal"])
        BehoefteFactory(initiatief=initiatief, title=f"Hulp {index}")

    add(0)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST, {"thema": "groen", "sort": "actief"})
    for index in range(1, 14):
        add(index)
    with django_assert_max_num_queries(len(one)):
        client.get(LIST, {"thema": "groen", "sort": "actief"})
    with django_assert_max_num_queries(len(one)):
        first = client.get(LIST)
    with django_assert_max_num_queries(len(one)):
        second = client.get(LIST, {"page": 2})
    assert len(_titles(first)) == 12
    assert len(_titles(second)) == 2
    assert "page=2" in first.content.decode()


def test_detail_shows_needs_with_links_from_other_apps(client, django_assert_max_num_queries):
    initiatief = InitiatiefFactory()
    need = BehoefteFactory(initiatief=initiatief, title="Koks gezocht")
    BehoefteFactory(initiatief=initiatief, title="Pannen", kind="spullen", status="vervuld")
    needs.register(
        Behoefte.Kind.MENSEN,
        "test-vacatures",
        lambda need_list: {
            n.pk: [needs.NeedLink("Reageer op de vacature", "/v/1/")] for n in need_list
        },
    )
    try:
        with django_assert_max_num_queries(16):
            response = client.get(initiatief.get_absolute_url())
    finally:
        needs._providers[Behoefte.Kind.MENSEN].pop("test-vacatures")
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".bk-initiatief-needs")
    assert "Wat heeft dit initiatief nodig?" in section.get_text()
    assert need.title in section.select_one(".bk-initiatief-needs__list").get_text()
    assert section.select_one('a[href="/v/1/"]').get_text() == "Reageer op de vacature"
    assert "Pannen" not in section.select_one(".bk-initiatief-needs__list").get_text()


def test_detail_never_shows_owner_email(client):
    owner = UserFactory(display_name="Kees")
    initiatief = InitiatiefFactory(owners=[owner])
    body = client.get(initiatief.get_absolute_url()).content.decode()
    assert "Kees" in body
    assert owner.email not in body


def test_create_in_steps_keeps_the_draft(client):
    user = UserFactory()
    client.force_login(user)
    baarsjes = wijk("De Baarsjes")
    response = client.post(
        reverse("initiatieven:create"),
        {
            "title": "Naaiatelier",
            "summary": "x" * 201,
            "kind": "wijkonderneming",
            "wijk": baarsjes.pk,
        },
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_title")["value"] == "Naaiatelier"
    assert "200 tekens" in soup.select_one(".bk-error-summary, [role=alert]").get_text()
    assert not Initiatief.objects.exists()

    response = client.post(
        reverse("initiatieven:create"),
        {
            "title": "Naaiatelier",
            "summary": "Vrouwen naaien samen.",
            "kind": "wijkonderneming",
            "wijk": baarsjes.pk,
            "buurt": buurt_in(baarsjes).pk,
            "themes": [1],
        },
    )
    initiatief = Initiatief.objects.get()
    assert initiatief.status == Initiatief.Status.CONCEPT
    assert response.url == reverse("initiatieven:edit", args=[initiatief.slug, "beschrijving"])
    client.post(response.url, {"description": "<p>Elke <strong>dinsdag</strong>.</p>"})
    url = reverse("initiatieven:edit", args=[initiatief.slug, "onderneming"])
    response = client.post(url, {"kvk_number": "1234", "work_experience_places": "2"})
    assert "8 cijfers" in response.content.decode()
    client.post(url, {"kvk_number": "12345678", "income_coverage_percent": "40"})
    initiatief.refresh_from_db()
    assert initiatief.description == "<p>Elke <strong>dinsdag</strong>.</p>"
    assert initiatief.kvk_number == "12345678"
    assert initiatief.income_coverage_percent == 40
    # Back to step 1: what was typed is there.
    page = client.get(reverse("initiatieven:edit", args=[initiatief.slug, "basis"]))
    assert (
        BeautifulSoup(page.content, "html.parser").select_one("#id_title")["value"] == "Naaiatelier"
    )
    # Mijn initiatieven lists it.
    assert "Naaiatelier" in client.get(reverse("initiatieven:mine")).content.decode()
    response = client.post(reverse("initiatieven:submit", args=[initiatief.slug]), follow=True)
    assert "minstens één foto" in response.content.decode()
    assert Initiatief.objects.get().status == Initiatief.Status.CONCEPT
    client.post(
        reverse("initiatieven:edit", args=[initiatief.slug, "fotos"]),
        {"image": png_upload(), "alt_text": "Naaimachines"},
    )
    client.post(reverse("initiatieven:submit", args=[initiatief.slug]))
    assert Initiatief.objects.get().status == Initiatief.Status.INGEDIEND


def test_at_most_five_photos(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    client.force_login(owner)
    url = reverse("initiatieven:edit", args=[initiatief.slug, "fotos"])
    for _ in range(5):
        client.post(url, {"image": png_upload(), "alt_text": "Buren", "again": "1"})
    assert initiatief.fotos.count() == 5
    response = client.post(url, {"image": png_upload(), "alt_text": "Nog een"})
    assert response.status_code == 200
    assert "maximaal 5" in response.content.decode()
    assert initiatief.fotos.count() == 5
    body = client.get(initiatief.get_absolute_url()).content.decode()
    assert body.count('alt="Buren"') == 5


def test_wijk_page_section_lists_the_wijks_initiatives():
    from buurtkracht.home.sections import wijk_sections

    baarsjes = wijk("De Baarsjes")
    InitiatiefFactory(title="Buurtkamer", wijk=baarsjes)
    InitiatiefFactory(title="Elders", wijk=wijk("Westerpark"))
    section = next(
        s for s in wijk_sections(wijk=baarsjes, request=None) if s["key"] == "initiatieven"
    )
    assert [i.title for i in section["context"]["initiatieven"]] == ["Buurtkamer"]


def test_wijk_page_renders_the_initiatieven_section(client):
    from wagtail.models import Site

    from buurtkracht.home.models import WijkPage

    baarsjes = wijk("De Baarsjes")
    InitiatiefFactory(title="Buurtkamer De Baarsjes", wijk=baarsjes)
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = home.add_child(instance=WijkPage(title="De Baarsjes", slug="de-baarsjes", wijk=baarsjes))
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    section = soup.select_one(".bk-wijk-section--initiatieven")
    assert "Buurtkamer De Baarsjes" in section.get_text()
    assert section.select_one(f'a[href="/initiatieven/?wijk={baarsjes.slug}"]')
