"""Pages: listing, vacature, respond, owner dashboard, ranked volunteers; privacy of contact details."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, wijk
from tests.initiatieven.factories import InitiatiefFactory
from tests.vrijwilligers.factories import ProfielFactory, ReactieFactory, VacatureFactory, accepted
from vrijwilligers.models import Reactie, Vacature

pytestmark = pytest.mark.django_db

SECRET = "geheim-adres@voorbeeld.nl"


def test_listing_filters_by_wijk_skill_and_suitability(client):
    baarsjes = VacatureFactory(title="Koken in De Baarsjes", suits_beginners=True)
    VacatureFactory(title="Tuin in Westerpark", skills=["tuinieren"], wijk=wijk("Westerpark"))
    VacatureFactory(title="Gesloten", status=Vacature.Status.GESLOTEN)
    hidden = InitiatiefFactory(is_hidden=True)
    VacatureFactory(title="Van verborgen initiatief", initiatief=hidden)
    page = client.get(reverse("vrijwilligers:list")).content.decode()
    assert "Koken in De Baarsjes" in page and "Tuin in Westerpark" in page
    assert "Gesloten" not in page and "Van verborgen initiatief" not in page
    page = client.get(reverse("vrijwilligers:list"), {"wijk": "westerpark"}).content.decode()
    assert "Tuin in Westerpark" in page and "Koken in De Baarsjes" not in page
    page = client.get(reverse("vrijwilligers:list"), {"skill": "koken"}).content.decode()
    assert "Koken in De Baarsjes" in page and "Tuin in Westerpark" not in page
    page = client.get(reverse("vrijwilligers:list"), {"suits": "beginners"}).content.decode()
    assert baarsjes.title in page and "Tuin in Westerpark" not in page


def test_respond_through_the_page_then_the_owner_sees_name_but_not_email(client):
    vacature = VacatureFactory()
    volunteer = UserFactory(email=SECRET, display_name="Karim")
    client.force_login(volunteer)
    response = client.post(
        reverse("vrijwilligers:respond", args=[vacature.pk]), {"message": "Ik kan koken"}
    )
    assert response.status_code == 302
    reactie = Reactie.objects.get()
    assert reactie.volunteer == volunteer
    again = client.post(reverse("vrijwilligers:respond", args=[vacature.pk]), {"message": "x"})
    assert "al op deze vacature gereageerd" in again.content.decode()
    assert Reactie.objects.count() == 1

    client.force_login(vacature.owner)
    page = client.get(reverse("vrijwilligers:dashboard")).content.decode()
    assert "Karim" in page and "Ik kan koken" in page
    assert SECRET not in page
    client.post(reverse("vrijwilligers:accept", args=[reactie.pk]))
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.GEACCEPTEERD
    assert SECRET in client.get(reverse("vrijwilligers:dashboard")).content.decode()

    client.force_login(volunteer)
    assert vacature.owner.email in client.get(reverse("vrijwilligers:mijn")).content.decode()


def test_volunteer_does_not_see_owner_email_before_acceptance(client):
    reactie = ReactieFactory()
    client.force_login(reactie.volunteer)
    page = client.get(reverse("vrijwilligers:mijn")).content.decode()
    assert reactie.vacature.owner.email not in page
    page = client.get(reverse("vrijwilligers:detail", args=[reactie.vacature.pk])).content.decode()
    assert reactie.vacature.owner.email not in page


def test_only_the_owner_may_accept_or_see_the_dashboard_entries(client):
    reactie = ReactieFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("vrijwilligers:accept", args=[reactie.pk])).status_code == 403
    assert (
        client.get(reverse("vrijwilligers:volunteers", args=[reactie.vacature.pk])).status_code
        == 403
    )
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.NIEUW


def test_initiatief_owner_manages_its_vacature(client):
    initiatief = InitiatiefFactory()
    vacature = VacatureFactory(initiatief=initiatief, organisation_name="", owner=None)
    reactie = ReactieFactory(vacature=vacature)
    client.force_login(initiatief.owners.first())
    assert client.post(reverse("vrijwilligers:accept", args=[reactie.pk])).status_code == 302
    reactie.refresh_from_db()
    assert reactie.is_accepted


def test_ranked_volunteers_show_only_opted_in_without_contact(client):
    vacature = VacatureFactory(skills=["koken", "vervoer"])
    ProfielFactory(user=UserFactory(email=SECRET, display_name="Opgeven"), skills=["koken"])
    ProfielFactory(user=UserFactory(display_name="Verborgen"), is_hidden=True)
    ProfielFactory(user=UserFactory(display_name="Stil"), contactable=False)
    client.force_login(vacature.owner)
    page = client.get(reverse("vrijwilligers:volunteers", args=[vacature.pk])).content.decode()
    assert "Opgeven" in page and "1 van 2 vaardigheden" in page and "Koken" in page
    assert "Verborgen" not in page and "Stil" not in page
    assert SECRET not in page


def test_voor_jou_ranks_open_vacatures(client):
    profiel = ProfielFactory(skills=["tuinieren"])
    VacatureFactory(title="Koken")
    VacatureFactory(title="Tuinieren", skills=["tuinieren"])
    ReactieFactory(vacature=VacatureFactory(title="Al gereageerd"), volunteer=profiel.user)
    client.force_login(profiel.user)
    page = client.get(reverse("vrijwilligers:voor_jou")).content.decode()
    assert page.index("Tuinieren") < page.index("Koken")
    assert "1 van 1 vaardigheid" in page
    assert "Al gereageerd" not in page


def test_profile_form_saves_and_shows_errors_next_to_fields(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("vrijwilligers:profiel"),
        {
            "skills": ["koken"],
            "availability": ["di-avond"],
            "postcode": "0000",
            "max_distance_km": 3,
        },
    )
    assert response.status_code == 200
    assert (
        "Een postcode heeft vier cijfers" in response.content.decode()
        or "kennen we niet" in response.content.decode()
    )
    response = client.post(
        reverse("vrijwilligers:profiel"),
        {
            "skills": ["koken"],
            "availability": ["di-avond"],
            "max_distance_km": 3,
            "contactable": "on",
        },
    )
    assert response.status_code == 302
    assert user.vrijwilligersprofiel.contactable
    assert (
        client.post(
            reverse("vrijwilligers:profiel"), {"availability": ["ma-nacht"], "max_distance_km": 3}
        ).status_code
        == 200
    )


def test_owner_creates_vacature_through_the_form(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("vrijwilligers:create"),
        {
            "organisation_name": "Voedselbank West",
            "title": "Inpakken",
            "description": "<script>alert(1)</script>Pakketten inpakken",
            "skills": ["organiseren"],
            "time_kind": "eenmalig",
            "dates": "2030-01-05",
            "places": 3,
        },
    )
    assert response.status_code == 302
    vacature = Vacature.objects.get()
    assert "<script>" not in vacature.description
    assert vacature.owner == user and vacature.places == 3
    assert client.get(vacature.get_absolute_url()).status_code == 200


def test_accepted_reactie_figures_show_vol(client):
    vacature = VacatureFactory(places=1)
    accepted(ReactieFactory(vacature=vacature))
    vacature.status = Vacature.Status.VERVULD
    vacature.save()
    page = client.get(reverse("vrijwilligers:detail", args=[vacature.pk])).content.decode()
    assert "Reageer op deze vacature" not in page
    assert "<strong>vol</strong>" in page


def test_initiatief_owner_links_vacature_to_a_people_need(client):
    from tests.initiatieven.factories import BehoefteFactory

    initiatief = InitiatiefFactory(themes=["groen"])
    need = BehoefteFactory(initiatief=initiatief)
    client.force_login(initiatief.owners.first())
    form_page = client.get(reverse("vrijwilligers:create")).content.decode()
    assert need.title in form_page
    response = client.post(
        reverse("vrijwilligers:create"),
        {"behoefte": need.pk, "title": "Tuinhulp", "description": "Wieden", "time_kind": "terugkerend",
         "availability": ["za-ochtend"], "places": 2},
    )  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors
    vacature = Vacature.objects.get()
    assert (vacature.initiatief, vacature.behoefte) == (initiatief, need)
    assert [t.code for t in vacature.themes.all()] == ["groen"]


def test_admin_lists_vacatures_for_superuser(client):
    VacatureFactory(title="In de admin")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/vrijwilligers_vacatures/")
    assert response.status_code in (200, 302)


def test_listing_uses_a_constant_number_of_queries(client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    initiatief = InitiatiefFactory()

    def count() -> int:
        cache.clear()  # a rendered page, not one from the anonymous page cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("vrijwilligers:list")).status_code == 200
        return len(queries)

    VacatureFactory(initiatief=initiatief, organisation_name="")
    few = count()
    for n in range(6):
        VacatureFactory(initiatief=initiatief if n % 2 else None)
    assert count() == few


def test_wijk_section_lists_open_vacatures_of_that_wijk():
    from vrijwilligers.queries import wijk_section_context

    here = VacatureFactory(title="Hier")
    VacatureFactory(title="Daar", wijk=wijk("Westerpark"))
    context = wijk_section_context(wijk=wijk("De Baarsjes"), request=None)
    assert context["vacatures"] == [here] and context["count"] == 1


def test_pages_in_english(client):
    reactie = ReactieFactory()
    page = client.get("/en/vrijwilligers/wat-kan-ik-doen/wanneer/").content.decode()
    assert "Tuesday evening" in page and "dinsdag" not in page
    client.force_login(reactie.vacature.owner)
    page = client.get("/en/vrijwilligers/beheer/").content.decode()
    assert "Accept" in page and "Decline kindly" in page


def test_permissions_on_edit_respond_and_profile(client):
    vacature = VacatureFactory()
    edit = reverse("vrijwilligers:edit", args=[vacature.pk])
    respond = reverse("vrijwilligers:respond", args=[vacature.pk])
    assert client.get(respond).status_code == 302  # to the login page
    client.force_login(UserFactory(verified=False))
    assert client.post(respond, {"message": "Hoi"}).status_code == 403
    client.force_login(UserFactory())
    assert client.get(edit).status_code == 403
    assert client.post(reverse("vrijwilligers:close", args=[vacature.pk])).status_code == 403
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.OPEN
    assert not Reactie.objects.exists()
    client.force_login(vacature.owner)
    assert client.get(edit).status_code == 200
    client.post(reverse("vrijwilligers:close", args=[vacature.pk]))
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.GESLOTEN


def test_volunteer_withdraws_own_reactie_only(client):
    reactie = ReactieFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("vrijwilligers:withdraw", args=[reactie.pk])).status_code == 404
    client.force_login(reactie.volunteer)
    client.post(reverse("vrijwilligers:withdraw", args=[reactie.pk]))
    reactie.refresh_from_db()
    assert reactie.status == Reactie.Status.INGETROKKEN


def test_hidden_and_deleted_profile(client):
    profiel = ProfielFactory()
    client.force_login(profiel.user)
    client.post(reverse("vrijwilligers:profiel_delete"))
    assert client.get(reverse("vrijwilligers:voor_jou")).url == reverse("vrijwilligers:profiel")
