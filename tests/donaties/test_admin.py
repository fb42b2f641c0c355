"""Admin: refunds (administrators only), the payout report and its CSV, reported messages."""

import csv
import io
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtkracht.accounts import roles
from initiatieven.donaties import settlement
from initiatieven.donaties.models import BerichtMelding, Donatie, Terugbetaling
from tests.donaties.conftest import charge_of, event, session_of
from tests.donaties.factories import DonatieFactory, DoneerdoelFactory, refunds_book
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
    """Two initiatieven, three months; refunds in later months, fees known and unknown."""
    month1 = timezone.make_aware(datetime(2026, 3, 10, 12))
    month2 = timezone.make_aware(datetime(2026, 4, 2, 12))
    month3 = timezone.make_aware(datetime(2026, 5, 31, 23, 30))  # still May in Amsterdam
    a = DoneerdoelFactory(behoefte__initiatief__title='=HYPERLINK("x") Buurttuin')
    b = DoneerdoelFactory(behoefte__initiatief__title="Muurschildering")
    _paid(doel=a, amount_cents=2500, fee_cents=29, paid_at=month1)
    _paid(doel=a, amount_cents=1000, fee_cents=44, paid_at=month1)
    # Paid in March, 20 refunded in April: March's payout stays as it was.
    refunds_book(_paid(doel=a, amount_cents=5000, fee_cents=104, paid_at=month1), [(2000, month2)])
    refunds_book(_paid(doel=a, amount_cents=1000, fee_cents=29, paid_at=month2), [(1000, month2)])
    refunds_book(_paid(doel=b, amount_cents=10000, fee_cents=None, paid_at=month2), [(500, month3)])
    DonatieFactory(doel=b, status=Status.OPEN, amount_cents=9900)
    DonatieFactory(doel=b, status=Status.MISLUKT, amount_cents=9900)
    DonatieFactory(doel=b, status=Status.VERLOPEN, amount_cents=9900)
    return a, b


def _csv_table(client, year: str) -> dict:
    response = client.get(reverse("donaties_beheer:payout_csv"), {"jaar": year})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Maand", "Initiatief"]
    cents = lambda text: int(text.replace(",", ""))  # noqa: E731
    return {
        (r[0], r[1]): (int(r[3]), cents(r[4]), cents(r[5]), cents(r[6]), cents(r[7]), int(r[8]))
        for r in body
    }


def test_payout_csv_adds_up(client, beheer):
    _known_data_set()
    client.force_login(beheer)
    table = _csv_table(client, "2026")
    # (count, paid, refunded, fees, to pay out, fees unknown), each in its own month.
    assert table == {
        # March, A: 25 + 10 + 50 paid, fees 0.29 + 0.44 + 1.04; the refund is April's.
        ("2026-03", '\'=HYPERLINK("x") Buurttuin'): (3, 8500, 0, 177, 8323, 0),
        # April, A: 10 paid and refunded, plus 20 of March's 50; Stripe keeps its fees.
        ("2026-04", '\'=HYPERLINK("x") Buurttuin'): (1, 1000, 3000, 29, -2029, 0),
        ("2026-04", "Muurschildering"): (1, 10000, 0, 0, 10000, 1),
        # May, B: only a refund, taken off May's payout.
        ("2026-05", "Muurschildering"): (0, 0, 500, 0, -500, 0),
    }
    assert sum(row[4] for row in table.values()) == 8500 + 1000 + 10000 - 3500 - 206
    assert sum(row[2] for row in table.values()) == sum(
        Donatie.objects.values_list("refunded_cents", flat=True)
    )
    assert _csv_table(client, "2025") == {}


def test_refunds_in_the_two_months_after_payment_count_in_their_own_months(client, beheer):
    """Paid in March, 10 back in April, 15 more in May: each month pays out what moved."""
    march = timezone.make_aware(datetime(2026, 3, 20, 10))
    april = timezone.make_aware(datetime(2026, 4, 1, 0, 5))  # just into April in Amsterdam
    may = timezone.make_aware(datetime(2026, 5, 14, 16))
    doel = DoneerdoelFactory(behoefte__initiatief__title="Buurtdiner")
    donatie = DonatieFactory(doel=doel, amount_cents=5000)
    paid = event("checkout.session.completed", session_of(donatie))
    assert settlement.stripe_event_process(event=paid, now=march) == "processed"
    donatie.refresh_from_db()
    settlement.donatie_fee_store(donatie=donatie, fee_cents=145)
    first = event("charge.refunded", charge_of(donatie, amount_refunded=1000))
    second = event("charge.refunded", charge_of(donatie, amount_refunded=2500))
    assert settlement.stripe_event_process(event=first, now=april) == "processed"
    assert settlement.stripe_event_process(event=first, now=may) == "duplicate"
    assert settlement.stripe_event_process(event=second, now=may) == "processed"
    # A late copy of April's state (another event id) books nothing more.
    stale = event("charge.refunded", charge_of(donatie, amount_refunded=1000))
    assert settlement.stripe_event_process(event=stale, now=may) == "processed"

    donatie.refresh_from_db()
    assert (donatie.status, donatie.refunded_cents) == (Status.DEELS_TERUGBETAALD, 2500)
    assert list(
        Terugbetaling.objects.filter(donatie=donatie).values_list(
            "amount_cents", "total_cents", "refunded_at"
        )
    ) == [(1000, 1000, april), (1500, 2500, may)]
    client.force_login(beheer)
    table = _csv_table(client, "2026")
    assert table == {
        ("2026-03", "Buurtdiner"): (1, 5000, 0, 145, 4855, 0),
        ("2026-04", "Buurtdiner"): (0, 0, 1000, 0, -1000, 0),
        ("2026-05", "Buurtdiner"): (0, 0, 1500, 0, -1500, 0),
    }
    assert sum(row[4] for row in table.values()) == 5000 - 2500 - 145 == donatie.net_cents - 145


def test_payout_report_page_shows_totals(client, beheer, moderator):
    _known_data_set()
    client.force_login(moderator)
    assert client.get(reverse("donaties_beheer:payout")).status_code in (302, 403)
    client.force_login(beheer)
    body = client.get(reverse("donaties_beheer:payout")).content.decode()
    assert "€ 157,94" in body  # 83,23 - 20,29 + 100,00 - 5,00


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
