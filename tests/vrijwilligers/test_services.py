"""Writes: vacatures, profiles, reacties and their rules."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory
from tests.vrijwilligers.factories import (
    ProfielFactory,
    ReactieFactory,
    VacatureFactory,
    postcode,
)
from vrijwilligers import services
from vrijwilligers.models import Profiel, Reactie, Vacature
from vrijwilligers.queries import vacature_links_for_needs, vacature_list

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> dict:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_vacature_of_initiatief_takes_its_place_and_themes_and_shows_on_the_need():
    initiatief = InitiatiefFactory(themes=["eten-en-koken"])
    need = BehoefteFactory(initiatief=initiatief)
    vacature = services.vacature_create(
        owner=initiatief.owners.first(),
        initiatief=initiatief,
        behoefte=need,
        title="Meekoken op donderdag",
        description="Samen koken.",
        skills=["koken"],
        availability=["do-middag"],
        places=2,
    )
    assert vacature.wijk == initiatief.wijk
    assert [t.code for t in vacature.themes.all()] == ["eten-en-koken"]
    links = vacature_links_for_needs([need])
    assert [link.label for link in links[need.pk]] == ["Meekoken op donderdag"]
    assert links[need.pk][0].detail == "2 plekken vrij"


def test_vacature_refuses_unknown_skill_and_slot_outside_grid():
    owner = UserFactory()
    base = {"owner": owner, "organisation_name": "Scouting West", "title": "T", "description": "D"}
    with pytest.raises(ValidationError) as error:
        services.vacature_create(skills=["zingen"], **base)
    assert codes(error.value) == {"skills": ["unknown_skill"]}
    with pytest.raises(ValidationError) as error:
        services.vacature_create(availability=["ma-nacht"], **base)
    assert codes(error.value) == {"availability": ["slot_outside_grid"]}
    assert not Vacature.objects.exists()


def test_vacature_needs_dates_when_one_off_and_an_owner_name():
    owner = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.vacature_create(owner=owner, title="T", description="D", organisation_name="X",
                                 time_kind="eenmalig")  # fmt: skip
    assert codes(error.value) == {"dates": ["dates_needed"]}
    with pytest.raises(ValidationError) as error:
        services.vacature_create(owner=owner, title="T", description="D")
    assert codes(error.value) == {"organisation_name": ["no_owner"]}


def test_past_end_date_counts_as_closed_and_the_command_closes_it():
    vacature = VacatureFactory(end_date=timezone.localdate() - timedelta(days=1))
    current = VacatureFactory(end_date=timezone.localdate())
    assert list(vacature_list()) == [current]
    assert services.vacatures_close_expired() == 1
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.GESLOTEN
    with pytest.raises(ValidationError) as error:
        services.reactie_create(vacature=vacature, volunteer=UserFactory(), message="Hoi")
    assert codes(error.value) == {"message": ["not_open"]}


def test_profiel_save_looks_up_postcode_and_refuses_bad_input():
    user = UserFactory()
    buurt = buurt_in(wijk("Oud-West"), 1)
    postcode("1054", buurt)
    profiel = services.profiel_save(
        user=user, skills=["koken"], themes=["taal"], availability=["di-avond"], postcode="1054 AB"
    )
    assert (profiel.postcode, profiel.buurt) == ("1054", buurt)
    assert profiel.availability_mask == 1 << (1 * 3 + 2)
    assert not profiel.contactable  # private by default
    for kwargs, expected in [
        ({"skills": ["vliegen"]}, {"skills": ["unknown_skill"]}),
        ({"availability": ["ma-nacht"]}, {"availability": ["slot_outside_grid"]}),
        ({"postcode": "9999"}, {"postcode": ["unknown_postcode"]}),
        ({"languages": ["xx"]}, {"languages": ["unknown_language"]}),
        ({"themes": ["vliegen"]}, {"themes": ["unknown_theme"]}),
    ]:
        with pytest.raises(ValidationError) as error:
            services.profiel_save(user=user, **kwargs)
        assert codes(error.value) == expected
    profiel.refresh_from_db()
    assert profiel.skills == ["koken"]


def test_profile_delete_removes_it():
    profiel = ProfielFactory()
    services.profiel_delete(user=profiel.user)
    assert not Profiel.objects.exists()


def test_respond_once_and_owner_mail_has_no_volunteer_contact(django_capture_on_commit_callbacks):
    vacature = VacatureFactory()
    volunteer = UserFactory(email="vrijwilliger-geheim@voorbeeld.nl", display_name="Fatima")
    with django_capture_on_commit_callbacks(execute=True):
        reactie = services.reactie_create(
            vacature=vacature, volunteer=volunteer, message="Ik help graag"
        )
    assert reactie.status == Reactie.Status.NIEUW
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [vacature.owner.email]
    assert "Fatima" in mail.outbox[0].body
    assert "vrijwilliger-geheim" not in mail.outbox[0].body + mail.outbox[0].subject
    with pytest.raises(ValidationError) as error:
        services.reactie_create(vacature=vacature, volunteer=volunteer, message="Nog eens")
    assert codes(error.value) == {"message": ["already_responded"]}
    with pytest.raises(IntegrityError), transaction.atomic():
        Reactie.objects.create(vacature=vacature, volunteer=volunteer, message="x")


def test_owner_cannot_respond_to_own_vacature_and_empty_message_refused():
    vacature = VacatureFactory()
    with pytest.raises(ValidationError) as error:
        services.reactie_create(vacature=vacature, volunteer=vacature.owner, message="Hoi")
    assert codes(error.value) == {"message": ["own_vacature"]}
    with pytest.raises(ValidationError) as error:
        services.reactie_create(vacature=vacature, volunteer=UserFactory(), message="  ")
    assert codes(error.value) == {"message": ["empty_message"]}


def test_accept_shares_contact_both_ways_and_refuses_more_than_places(
    django_capture_on_commit_callbacks,
):
    vacature = VacatureFactory(places=1)
    first = ReactieFactory(vacature=vacature, volunteer=UserFactory(email="eerste@voorbeeld.nl"))
    second = ReactieFactory(vacature=vacature)
    with django_capture_on_commit_callbacks(execute=True):
        services.reactie_accept(reactie=first)
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.VERVULD
    to_volunteer = next(m for m in mail.outbox if m.to == ["eerste@voorbeeld.nl"])
    to_owner = next(m for m in mail.outbox if m.to == [vacature.owner.email])
    assert vacature.owner.email in to_volunteer.body
    assert "eerste@voorbeeld.nl" in to_owner.body
    with pytest.raises(ValidationError) as error:
        services.reactie_accept(reactie=second)
    assert codes(error.value) == {"reactie": ["full"]}
    second.refresh_from_db()
    assert second.status == Reactie.Status.NIEUW


def test_withdraw_frees_the_place_and_decline_is_kind(django_capture_on_commit_callbacks):
    vacature = VacatureFactory(places=1)
    reactie = ReactieFactory(vacature=vacature)
    services.reactie_accept(reactie=reactie)
    services.reactie_withdraw(reactie=reactie)
    vacature.refresh_from_db()
    assert vacature.status == Vacature.Status.OPEN
    with pytest.raises(ValidationError):
        services.reactie_withdraw(reactie=reactie)
    other = ReactieFactory(vacature=vacature)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reactie_decline(reactie=other, note="Misschien een volgende keer!")
    other.refresh_from_db()
    assert other.status == Reactie.Status.AFGEWEZEN
    assert "Misschien een volgende keer!" in mail.outbox[0].body
