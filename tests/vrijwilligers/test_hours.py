"""Hours, confirmation, the PDF certificate and its public verification page."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import UserFactory
from tests.vrijwilligers.factories import ReactieFactory, VacatureFactory, accepted
from vrijwilligers import hours
from vrijwilligers.models import Uren, Verklaring

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - timedelta(days=1)


def codes(error):
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_hours_only_on_accepted_reactie_and_within_a_day():
    reactie = ReactieFactory()
    with pytest.raises(ValidationError) as error:
        hours.uren_log(reactie=reactie, volunteer=reactie.volunteer, date=YESTERDAY, hours=2)
    assert codes(error.value) == {"hours": ["not_accepted"]}
    accepted(reactie)
    for bad in (0, -1, 25, "veel"):
        with pytest.raises(ValidationError) as error:
            hours.uren_log(reactie=reactie, volunteer=reactie.volunteer, date=YESTERDAY, hours=bad)
        assert codes(error.value) == {"hours": ["hours_range"]}
    with pytest.raises(ValidationError) as error:
        hours.uren_log(reactie=reactie, volunteer=UserFactory(), date=YESTERDAY, hours=2)
    assert codes(error.value) == {"hours": ["not_accepted"]}
    with pytest.raises(ValidationError) as error:
        hours.uren_log(
            reactie=reactie,
            volunteer=reactie.volunteer,
            date=date.today() + timedelta(days=2),
            hours=2,
        )
    assert codes(error.value) == {"date": ["date_in_future"]}
    hours.uren_log(reactie=reactie, volunteer=reactie.volunteer, date=YESTERDAY, hours=20)
    with pytest.raises(ValidationError) as error:
        hours.uren_log(reactie=reactie, volunteer=reactie.volunteer, date=YESTERDAY, hours=5)
    assert codes(error.value) == {"hours": ["day_over_24"]}
    assert Uren.objects.count() == 1


def test_database_refuses_hours_outside_the_day():
    reactie = accepted(ReactieFactory())
    for bad in ("0", "24.5"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Uren.objects.create(reactie=reactie, date=YESTERDAY, hours=bad)
    Uren.objects.create(reactie=reactie, date=YESTERDAY, hours="24")


def test_log_confirm_certificate_and_verify(client):
    volunteer = UserFactory(display_name="Sanne", email="sanne-prive@voorbeeld.nl")
    tuin = accepted(
        ReactieFactory(
            volunteer=volunteer, vacature=VacatureFactory(organisation_name="Buurttuin West")
        )
    )
    client.force_login(volunteer)
    response = client.post(
        reverse("vrijwilligers:uren_log", args=[tuin.pk]),
        {"date": (YESTERDAY - timedelta(days=3)).isoformat(), "hours": "3.5", "note": "wieden"},
    )
    assert response.status_code == 302
    bad = client.post(
        reverse("vrijwilligers:uren_log", args=[tuin.pk]),
        {"date": YESTERDAY.isoformat(), "hours": "30"},
    )
    assert bad.status_code == 400 and "hoogstens 24" in bad.content.decode()
    hours.uren_log(reactie=tuin, volunteer=volunteer, date=YESTERDAY, hours=2)

    owner = tuin.vacature.owner
    client.force_login(owner)
    first, second = Uren.objects.order_by("date")
    assert (
        client.post(
            reverse("vrijwilligers:uren_confirm", args=[first.pk]), {"hours": "3"}
        ).status_code
        == 302
    )
    client.force_login(UserFactory())
    assert (
        client.post(reverse("vrijwilligers:uren_confirm", args=[second.pk]), {}).status_code == 403
    )
    first.refresh_from_db()
    assert (first.status, first.confirmed_hours) == (Uren.Status.BEVESTIGD, 3)

    client.force_login(volunteer)
    page = client.get(reverse("vrijwilligers:mijn")).content.decode()
    assert "Buurttuin West" in page
    response = client.post(reverse("vrijwilligers:verklaring_create"))
    verklaring = Verklaring.objects.get()
    assert response.url == reverse("vrijwilligers:verklaring_pdf", args=[verklaring.code])
    pdf = client.get(response.url)
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Sanne" in text and "Buurttuin West" in text and verklaring.code in text
    assert "Totaal 3" in text.replace("\n", " ")  # only the confirmed, corrected hours
    assert "sanne-prive" not in text

    client.logout()
    public = client.get(reverse("vrijwilligers:verify", args=[verklaring.code])).content.decode()
    assert "Sanne" in public and "Bevestigde uren" in public and ">3<" in public
    assert "Buurttuin West" not in public and "sanne-prive" not in public
    assert client.get(reverse("vrijwilligers:verify", args=["ONBEKEND"])).status_code == 404


def test_no_certificate_without_confirmed_hours():
    with pytest.raises(ValidationError) as error:
        hours.verklaring_create(volunteer=UserFactory())
    assert codes(error.value) == {"verklaring": ["no_confirmed_hours"]}
