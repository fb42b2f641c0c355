"""Admin: refunds (administrators only), the payout report and its CSV, reported messages."""

import csv
import io
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtkracht.accounts import roles
from initiatieven.donaties.models import BerichtMelding, Donatie
from tests.donaties.factories import DonatieFactory, DoneerdoelFactory
from tests.factories import UserFactory, totp_enable

pytestmark = pytest.mark.django_db
Status = Donatie.Status


@pytest.fixture
def beheer(db):
    user = UserFactory(groups=[roles.BEHEER])
    totp_enable(user)
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(groups=[roles.MODERATOR])
    totp_enable(user)
    return user


def _paid(**kwargs):
    return DonatieFactory(status=Status.BETAALD, **kwargs)


def test_refund_is_for_administrators_only(client, moderator, stripe_settings):
    donatie = _paid()
    url = reverse("donaties_beheer:refund", args=[donatie.pk])
    for user in (UserFactory(), moderator):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, {"amount": "5"}).status_code in (302, 403)
    assert Donatie.objects.get().refund_requested_cents == 0


def test_admin_asks_stripe_and_shows_refund_requested(client, beheer, stripe_settings):
    doel = DoneerdoelFactory()
    client.post(
        f"/doneren/doel/{doel.pk}/", {"preset": "2500", "name": "Kees", "email": "k@example.nl"}
    )
    donatie = Donatie.objects.get()
    stripe_settings.pay(donatie.stripe_session_id)  # no webhook target: settle by hand below
    from initiatieven.donaties.settlement import session_settle

    session_settle(stripe_settings.session(donatie.stripe_session_id))
    client.force_login(beheer)
    url = reverse("donaties_beheer:refund", args=[donatie.pk])
    bad = client.post(url, {"amount": "30,00"})
    assert bad.status_code == 200 and "Vul een bedrag in tussen" in bad.content.decode()
    response = client.post(url, {"amount": "10,00"}, follow=True)
    assert "Terugbetaling aangevraagd" in response.content.decode()
    donatie.refresh_from_db()
    assert (donatie.status, donatie.refunded_cents, donatie.refund_pending_cents) == (
        Status.BETAALD,
        0,
        1000,
    )
    index = client.get(reverse("donaties_beheer:index")).content.decode()
    assert "terugbetaling aangevraagd" in index
    assert "k@example.nl" not in index


def test_open_donation_cannot_be_refunded(client, beheer):
    donatie = DonatieFactory()
    client.force_login(beheer)
    body = client.get(reverse("donaties_beheer:refund", args=[donatie.pk])).content.decode()
    assert "kan niet (meer) worden terugbetaald" in body


def _known_data_set():
    """Two initiatieven, two months; refunds, fees known and unknown, ignored states."""
    month1 = timezone.make_aware(datetime(2026, 3, 10, 12))
    month2 = timezone.make_aware(datetime(2026, 4, 2, 12))
    a = DoneerdoelFactory(behoefte__initiatief__title='=HYPERLINK("x") Buurttuin')
    b = DoneerdoelFactory(behoefte__initiatief__title="Muurschildering")
    _paid(doel=a, amount_cents=2500, fee_cents=29, paid_at=month1)
    _paid(doel=a, amount_cents=1000, fee_cents=44, paid_at=month1)
    DonatieFactory(
        doel=a,
        status=Status.DEELS_TERUGBETAALD,
        amount_cents=5000,
        refunded_cents=2000,
        fee_cents=104,
        paid_at=month1,
    )
    DonatieFactory(
        doel=a,
        status=Status.TERUGBETAALD,
        amount_cents=1000,
        refunded_cents=1000,
        fee_cents=29,
        paid_at=month2,
    )
    _paid(doel=b, amount_cents=10000, fee_cents=None, paid_at=month2)
    DonatieFactory(doel=b, status=Status.OPEN, amount_cents=9900)
    DonatieFactory(doel=b, status=Status.MISLUKT, amount_cents=9900)
    DonatieFactory(doel=b, status=Status.VERLOPEN, amount_cents=9900)
    return a, b


def test_payout_csv_adds_up(client, beheer):
    _known_data_set()
    client.force_login(beheer)
    response = client.get(reverse("donaties_beheer:payout_csv"), {"jaar": "2026"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Maand", "Initiatief"]
    cents = lambda text: int(text.replace(",", ""))  # noqa: E731
    table = {
        (r[0], r[1]): (int(r[3]), cents(r[4]), cents(r[5]), cents(r[6]), cents(r[7]), int(r[8]))
        for r in body
    }
    assert table == {
        # March, A: 25 + 10 + 50 paid, 20 refunded, fees 0.29 + 0.44 + 1.04.
        ("2026-03", '\'=HYPERLINK("x") Buurttuin'): (3, 8500, 2000, 177, 6323, 0),
        # April, A: fully refunded; Stripe keeps its fee, so the net is negative.
        ("2026-04", '\'=HYPERLINK("x") Buurttuin'): (1, 1000, 1000, 29, -29, 0),
        ("2026-04", "Muurschildering"): (1, 10000, 0, 0, 10000, 1),
    }
    assert sum(row[4] for row in table.values()) == 8500 + 1000 + 10000 - 3000 - 206
    assert (
        client.get(reverse("donaties_beheer:payout_csv"), {"jaar": "2025"})
        .content.decode()
        .count("\n")
        == 1
    )


def test_payout_report_page_shows_totals(client, beheer, moderator):
    _known_data_set()
    client.force_login(moderator)
    assert client.get(reverse("donaties_beheer:payout")).status_code in (302, 403)
    client.force_login(beheer)
    body = client.get(reverse("donaties_beheer:payout")).content.decode()
    assert "€ 162,94" in body  # 63,23 - 0,29 + 100,00


def test_moderator_hides_a_reported_message(client, moderator):
    donatie = _paid(message="Koop spam bij mij")
    client.post(f"/doneren/donatie/{donatie.pk}/melden/", {"reason": "Reclame"})
    melding = BerichtMelding.objects.get()
    client.force_login(moderator)
    assert "Koop spam" in client.get(reverse("donaties_beheer:meldingen")).content.decode()
    url = reverse("donaties_beheer:melding_decide", args=[melding.pk])
    assert client.post(url, {"decision": "hide", "reason": ""}).status_code == 200
    client.post(url, {"decision": "hide", "reason": "Reclame hoort hier niet"})
    donatie.refresh_from_db()
    assert donatie.message_hidden
    assert BerichtMelding.objects.get().status == BerichtMelding.Status.VERBORGEN
    page = client.get(donatie.initiatief.get_absolute_url()).content.decode()
    assert "Koop spam" not in page
    assert donatie.name in page  # the donation itself still counts and shows


def test_admin_menu_shows_donations_to_administrators_only(client, beheer, moderator):
    client.force_login(beheer)
    body = client.get("/admin/").content.decode()
    assert "Uitbetalingsrapport" in body
    client.force_login(moderator)
    body = client.get("/admin/").content.decode()
    assert "Uitbetalingsrapport" not in body
    assert "Gemelde donatieberichten" in body
