"""Whole donations against the local Stripe server: form -> Checkout -> pay -> webhook.

The real ``stripe`` SDK talks to ``stripe_settings`` (the project's local Stripe API
server); its webhooks are signed like Stripe's.
"""

import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from initiatieven.donaties.models import Donatie
from tests.donaties.factories import DoneerdoelFactory

Status = Donatie.Status
WEBHOOK = "/doneren/stripe/webhook/"


class _KeepRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _Answer:
    def __init__(self, error: urllib.error.HTTPError):
        self.status, self.headers = error.code, error.headers


class _NoRedirectOpener:
    """Open a URL without following its redirect, so the test sees where it points."""

    opener = urllib.request.build_opener(_KeepRedirect)

    def open(self, request, timeout):
        try:
            return self.opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            return _Answer(error)


_NO_REDIRECT = _NoRedirectOpener()


def _progress_text(client, initiatief) -> str:
    soup = BeautifulSoup(client.get(initiatief.get_absolute_url()).content, "html.parser")
    return soup.select_one(".bk-donatie-doel__stand").get_text(" ", strip=True)


def _donate(client, doel, **data):
    form = {
        "preset": "anders",
        "amount_other": "12,50",
        "name": "Fatima",
        "message": "Succes!",
        "email": "fatima@example.nl",
        "show_amount": "on",
        **data,
    }
    return client.post(f"/doneren/doel/{doel.pk}/", form)


def _via_test_client(client):
    def handler(payload, headers):
        return client.post(
            WEBHOOK,
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=headers["Stripe-Signature"],
        ).status_code

    return handler


@pytest.mark.django_db(transaction=True)
def test_browser_donation_moves_progress_only_after_the_signed_webhook(
    client, live_server, stripe_settings
):
    doel = DoneerdoelFactory()
    stripe_settings.set_webhook_url(live_server.url + WEBHOOK)

    response = _donate(client, doel)

    assert response.status_code == 303
    donatie = Donatie.objects.get()
    assert donatie.status == Status.OPEN
    assert donatie.amount_cents == 1250
    session = stripe_settings.session(donatie.stripe_session_id)
    assert response["Location"] == session["url"]
    assert session["amount_total"] == 1250
    assert session["client_reference_id"] == donatie.reference
    assert session["metadata"]["reference"] == donatie.reference
    assert session["locale"] == "nl"
    assert session["customer_email"] == "fatima@example.nl"
    assert set(session["payment_method_types"]) == {"ideal", "card"}
    assert session["success_url"].startswith("http://testserver/doneren/doel/")
    # Back from Stripe before the webhook: still waiting, nothing counted.
    success = client.get(f"/doneren/doel/{doel.pk}/bedankt/{donatie.reference}/")
    assert "We verwerken je donatie" in success.content.decode()
    assert "€ 0,00 van € 250,00" in _progress_text(client, doel.initiatief)

    # The visitor pays on the server's hosted page, as a browser would; Stripe's
    # webhook is held back for a moment.
    stripe_settings.pause_webhooks()
    page = urllib.request.urlopen(response["Location"], timeout=10)  # noqa: S310 (localhost)
    assert "12,50" in page.read().decode()
    paid = _NO_REDIRECT.open(
        urllib.request.Request(response["Location"], data=b"action=ideal", method="POST"),
        timeout=10,
    )
    assert paid.status == 303
    assert paid.headers["Location"] == session["success_url"]
    assert stripe_settings.session(donatie.stripe_session_id)["payment_status"] == "paid"
    assert "We verwerken je donatie" in client.get(paid.headers["Location"]).content.decode()
    assert "€ 0,00 van € 250,00" in _progress_text(client, doel.initiatief)
    assert Donatie.objects.get().status == Status.OPEN

    stripe_settings.resume_webhooks()  # signed, over HTTP to live_server
    assert stripe_settings.wait_for_webhooks()

    donatie.refresh_from_db()
    assert donatie.status == Status.BETAALD
    assert "€ 12,50 van € 250,00" in _progress_text(client, doel.initiatief)
    replay = client.get(f"/doneren/doel/{doel.pk}/bedankt/{donatie.reference}/")
    assert "Betaald – dank je wel" in replay.content.decode()
    assert Donatie.objects.get().status == Status.BETAALD
    assert [m.to for m in mail.outbox] == [["fatima@example.nl"]]


@pytest.mark.django_db
def test_lost_webhook_is_settled_by_reconcile_donations_with_the_fee(
    client, stripe_settings, commit
):
    doel = DoneerdoelFactory()
    stripe_settings.set_webhook_handler(_via_test_client(client))
    _donate(client, doel, preset="1000", amount_other="")
    donatie = Donatie.objects.get()
    stripe_settings.pause_webhooks()  # the webhook gets lost
    stripe_settings.pay(donatie.stripe_session_id)
    assert Donatie.objects.get().status == Status.OPEN
    # Not yet an hour old: reconcile leaves it alone.
    call_command("reconcile_donations")
    assert Donatie.objects.get().status == Status.OPEN

    Donatie.objects.update(created_at=timezone.now() - timedelta(hours=2))
    with_mail = mail.outbox[:]
    with commit():
        call_command("reconcile_donations")

    donatie.refresh_from_db()
    assert donatie.status == Status.BETAALD
    assert donatie.amount_cents == 1000
    assert donatie.fee_cents == 29  # iDEAL on the local server
    assert len(mail.outbox) == len(with_mail) + 1
    # The late webhook arrives after all: nothing changes, no second mail.
    with commit():
        stripe_settings.resume_webhooks()
    assert Donatie.objects.get().status == Status.BETAALD
    assert len(mail.outbox) == len(with_mail) + 1


@pytest.mark.django_db
def test_reconcile_marks_an_expired_session(client, stripe_settings):
    doel = DoneerdoelFactory()
    _donate(client, doel)
    donatie = Donatie.objects.get()
    stripe_settings.expire(donatie.stripe_session_id)  # no webhook target: lost
    Donatie.objects.update(created_at=timezone.now() - timedelta(hours=2))
    call_command("reconcile_donations")
    assert Donatie.objects.get().status == Status.VERLOPEN


@pytest.mark.django_db
def test_refund_from_admin_waits_for_charge_refunded(client, stripe_settings):
    from initiatieven.donaties import services
    from tests.factories import UserFactory

    doel = DoneerdoelFactory()
    stripe_settings.set_webhook_handler(_via_test_client(client))
    _donate(client, doel, preset="2500", amount_other="")
    donatie = Donatie.objects.get()
    stripe_settings.pay(donatie.stripe_session_id, method="card")
    donatie.refresh_from_db()
    admin = UserFactory(groups=["beheer"])

    donatie = services.donatie_refund_request(donatie=donatie, user=admin, amount_cents=1000)
    assert (donatie.status, donatie.refunded_cents, donatie.refund_pending_cents) == (
        Status.BETAALD,
        0,
        1000,
    )
    stripe_settings.deliver_webhooks()
    donatie.refresh_from_db()
    assert (donatie.status, donatie.refunded_cents) == (Status.DEELS_TERUGBETAALD, 1000)

    services.donatie_refund_request(donatie=donatie, user=admin, amount_cents=1500)
    stripe_settings.deliver_webhooks()
    donatie.refresh_from_db()
    assert (donatie.status, donatie.refunded_cents, donatie.net_cents) == (
        Status.TERUGBETAALD,
        2500,
        0,
    )
    assert "€ 0,00 van € 250,00" in _progress_text(client, doel.initiatief)


@pytest.mark.django_db
def test_cancel_returns_to_the_form_with_the_amount_kept(client, stripe_settings):
    doel = DoneerdoelFactory()
    _donate(client, doel, amount_other="7,35")
    donatie = Donatie.objects.get()
    session = stripe_settings.session(donatie.stripe_session_id)
    response = client.get(session["cancel_url"].removeprefix("http://testserver"))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('input[name="amount_other"]')["value"] == "7,35"
    assert soup.select_one('input[name="preset"][value="anders"]').has_attr("checked")
    assert "fatima@example.nl" not in response.content.decode()
    assert "afgebroken" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("succeeded", "status"), [(True, Status.BETAALD), (False, Status.MISLUKT)])
def test_delayed_payment_waits_then_settles(client, stripe_settings, commit, succeeded, status):
    doel = DoneerdoelFactory()
    stripe_settings.set_webhook_handler(_via_test_client(client))
    _donate(client, doel)
    donatie = Donatie.objects.get()
    stripe_settings.pay_async(donatie.stripe_session_id)  # completed, payment_status unpaid
    donatie.refresh_from_db()
    assert donatie.status == Status.OPEN
    assert donatie.stripe_payment_intent
    with commit():
        stripe_settings.settle(donatie.stripe_session_id, succeeded=succeeded)
    donatie.refresh_from_db()
    assert donatie.status == status
    assert len(mail.outbox) == (1 if succeeded else 0)
