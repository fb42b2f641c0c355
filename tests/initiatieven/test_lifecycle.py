"""Concept -> ingediend -> gepubliceerd / afgewezen, with mails and the role rules."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from initiatieven import services
from initiatieven.models import Eigenaar, Initiatief
from tests.factories import UserFactory, buurt_in, wijk
from tests.initiatieven.factories import InitiatiefFactory
from tests.initiatieven.images import png_upload

pytestmark = pytest.mark.django_db


def _concept(user, **extra):
    return services.initiatief_create(
        user=user,
        title="Repair café Bos en Lommer",
        summary="Samen spullen repareren.",
        wijk=wijk("Bos en Lommer"),
        themes=["duurzaamheid"],
        **extra,
    )


def _ready(user):
    initiatief = _concept(user)
    services.foto_add(initiatief=initiatief, user=user, image=png_upload(), alt_text="Een lamp")
    return initiatief


def test_submit_needs_a_photo():
    owner = UserFactory()
    initiatief = _concept(owner)
    with pytest.raises(ValidationError) as error:
        services.initiatief_submit(initiatief=initiatief, user=owner)
    assert error.value.code == "photo_required"
    assert Initiatief.objects.get().status == Initiatief.Status.CONCEPT


def test_create_makes_a_concept_owned_by_its_maker():
    user = UserFactory()
    initiatief = _concept(user)
    assert initiatief.status == Initiatief.Status.CONCEPT
    assert initiatief.slug == "repair-cafe-bos-en-lommer"
    assert Eigenaar.objects.get(initiatief=initiatief).user == user
    assert not initiatief.is_public


def test_duplicate_titles_get_a_numbered_slug():
    user = UserFactory()
    slugs = [_concept(user).slug for _ in range(3)]
    assert slugs == [
        "repair-cafe-bos-en-lommer",
        "repair-cafe-bos-en-lommer-2",
        "repair-cafe-bos-en-lommer-3",
    ]


def test_reserved_path_is_not_a_slug():
    initiatief = services.initiatief_create(
        user=UserFactory(), title="Mijn", summary="x", wijk=wijk(), themes=["groen"]
    )
    assert initiatief.slug == "mijn-2"


def test_unverified_user_cannot_create():
    with pytest.raises(PermissionDenied):
        _concept(UserFactory(verified=False))


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "12 34 56 7"])
def test_kvk_must_have_eight_digits(kvk):
    with pytest.raises(ValidationError) as error:
        _concept(UserFactory(), kind=Initiatief.Kind.WIJKONDERNEMING, kvk_number=kvk)
    assert error.value.error_dict["kvk_number"][0].code == "kvk_invalid"
    assert not Initiatief.objects.exists()


def test_valid_kvk_is_kept():
    initiatief = _concept(UserFactory(), kind="wijkonderneming", kvk_number="12345678")
    assert initiatief.kvk_number == "12345678"


def test_summary_over_200_characters_is_refused():
    with pytest.raises(ValidationError) as error:
        services.initiatief_create(
            user=UserFactory(), title="T", summary="x" * 201, wijk=wijk(), themes=["groen"]
        )
    assert error.value.error_dict["summary"][0].code == "summary_too_long"


def test_buurt_must_lie_in_wijk():
    with pytest.raises(ValidationError) as error:
        _concept(UserFactory(), buurt=buurt_in(wijk("De Baarsjes")))
    assert "buurt" in error.value.error_dict


def test_submit_publish_mails_moderators_and_owners(moderator, commit, mailoutbox):
    mails = mailoutbox
    owner = UserFactory()
    initiatief = _ready(owner)
    with commit():
        services.initiatief_submit(initiatief=initiatief, user=owner)
    assert [m.to for m in mails] == [[moderator.email]]
    with commit():
        services.initiatief_publish(initiatief=initiatief, moderator=moderator)
    initiatief.refresh_from_db()
    assert initiatief.status == Initiatief.Status.GEPUBLICEERD
    assert initiatief.published_at is not None
    assert initiatief.is_public
    assert mails[-1].to == [owner.email]
    assert initiatief.get_absolute_url() in mails[-1].body


def test_reject_needs_a_reason_and_mails_it(moderator, commit, mailoutbox):
    mails = mailoutbox
    owner = UserFactory()
    initiatief = _ready(owner)
    services.initiatief_submit(initiatief=initiatief, user=owner)
    with pytest.raises(ValidationError):
        services.initiatief_reject(initiatief=initiatief, moderator=moderator, reason="  ")
    with commit():
        services.initiatief_reject(
            initiatief=initiatief,
            moderator=moderator,
            reason="Vertel meer over wanneer jullie open zijn.",
        )
    initiatief.refresh_from_db()
    assert initiatief.status == Initiatief.Status.CONCEPT
    assert mails[-1].to == [owner.email]
    assert "Vertel meer over wanneer jullie open zijn." in mails[-1].body
    # The owner fixes it and submits again.
    services.initiatief_submit(initiatief=initiatief, user=owner)
    assert Initiatief.objects.get().status == Initiatief.Status.INGEDIEND


def test_only_a_submission_can_be_published(moderator):
    initiatief = _concept(UserFactory())
    with pytest.raises(ValidationError) as error:
        services.initiatief_publish(initiatief=initiatief, moderator=moderator)
    assert error.value.code == "not_submitted"


def test_owner_cannot_publish_own_initiative():
    owner = UserFactory()
    initiatief = _ready(owner)
    services.initiatief_submit(initiatief=initiatief, user=owner)
    with pytest.raises(PermissionDenied):
        services.initiatief_publish(initiatief=initiatief, moderator=owner)


def test_moderator_cannot_edit(moderator):
    initiatief = InitiatiefFactory()
    with pytest.raises(PermissionDenied):
        services.initiatief_update(initiatief=initiatief, user=moderator, title="Anders")


def test_owner_edit_of_published_goes_live_at_once(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    services.initiatief_update(initiatief=initiatief, user=owner, summary="Nieuwe samenvatting")
    response = client.get(initiatief.get_absolute_url())
    assert "Nieuwe samenvatting" in response.content.decode()


def test_non_owner_edit_page_is_403_and_logged(client, caplog):
    initiatief = InitiatiefFactory()
    stranger = UserFactory()
    client.force_login(stranger)
    with caplog.at_level(logging.WARNING, logger="initiatieven.services.initiatief"):
        response = client.post(
            reverse("initiatieven:edit", args=[initiatief.slug, "basis"]), {"title": "Gekaapt"}
        )
    assert response.status_code == 403
    assert Initiatief.objects.get().title != "Gekaapt"
    record = next(r for r in caplog.records if r.levelno == logging.WARNING)
    assert record.user_id == stranger.pk and record.initiatief_id == initiatief.pk


def test_moderator_edit_page_is_403(client, moderator):
    initiatief = InitiatiefFactory()
    client.force_login(moderator)
    response = client.get(reverse("initiatieven:edit", args=[initiatief.slug, "basis"]))
    assert response.status_code == 403


def test_close_keeps_afgerond_visible_and_hides_archived(client):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner])
    services.initiatief_close(initiatief=initiatief, user=owner, status="afgerond")
    assert client.get(initiatief.get_absolute_url()).status_code == 200
    services.initiatief_close(initiatief=initiatief, user=owner, status="gearchiveerd")
    assert client.get(initiatief.get_absolute_url()).status_code == 404


def test_concept_is_visible_to_owner_and_moderator_only(client, moderator):
    owner = UserFactory()
    initiatief = InitiatiefFactory(owners=[owner], status=Initiatief.Status.CONCEPT)
    url = initiatief.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200
    client.force_login(moderator)
    assert client.get(url).status_code == 200
