"""Models, services and commands: constraints, the owners' summary, privacy, demo data."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from initiatieven.donaties import services
from initiatieven.donaties.forms import parse_euro
from initiatieven.donaties.models import Donatie, Doneerdoel, Terugbetaling
from tests.donaties.factories import DonatieFactory, DoneerdoelFactory, GeldBehoefteFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Donatie.Status


@pytest.mark.parametrize(
    ("cents", "ok"), [(99, False), (100, True), (100_000, True), (100_001, False)]
)
def test_amount_range_is_a_database_rule(cents, ok):
    doel = DoneerdoelFactory()
    if ok:
        DonatieFactory(doel=doel, amount_cents=cents)
        return
    with pytest.raises(IntegrityError), transaction.atomic():
        Donatie.objects.create(
            doel=doel, initiatief=doel.initiatief, amount_cents=cents, email="a@b.nl"
        )


def test_language_is_nl_or_en_in_the_database():
    donatie = DonatieFactory(language="en")
    with pytest.raises(IntegrityError), transaction.atomic():
        Donatie.objects.filter(pk=donatie.pk).update(language="de")
    assert Donatie.objects.get(pk=donatie.pk).language == "en"


def test_refund_ledger_rows_are_positive_and_booked_once_per_total():
    donatie = DonatieFactory(status=Status.BETAALD, amount_cents=5000)
    now = donatie.paid_at
    Terugbetaling.objects.create(donatie=donatie, amount_cents=1, total_cents=1, refunded_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Terugbetaling.objects.create(
            donatie=donatie, amount_cents=1, total_cents=1, refunded_at=now
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Terugbetaling.objects.create(
            donatie=donatie, amount_cents=0, total_cents=2, refunded_at=now
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Terugbetaling.objects.create(
            donatie=donatie, amount_cents=3, total_cents=2, refunded_at=now
        )
    assert Terugbetaling.objects.count() == 1


def test_refunded_never_exceeds_amount_and_paid_needs_a_date():
    donatie = DonatieFactory(status=Status.BETAALD, amount_cents=500)
    with pytest.raises(IntegrityError), transaction.atomic():
        Donatie.objects.filter(pk=donatie.pk).update(refunded_cents=501)
    Donatie.objects.filter(pk=donatie.pk).update(refunded_cents=500)
    with pytest.raises(IntegrityError), transaction.atomic():
        Donatie.objects.filter(pk=donatie.pk).update(paid_at=None)


def test_reference_and_stripe_ids_are_unique():
    first = DonatieFactory(status=Status.BETAALD)
    assert first.reference.startswith("BK-") and len(first.reference) == 13
    with pytest.raises(IntegrityError), transaction.atomic():
        DonatieFactory(stripe_session_id=first.stripe_session_id)
    with pytest.raises(IntegrityError), transaction.atomic():
        DonatieFactory(stripe_payment_intent=first.stripe_payment_intent, stripe_session_id="cs_x")


@pytest.mark.parametrize(
    ("text", "cents", "code"),
    [
        ("12,50", 1250, None),
        ("12.5", 1250, None),
        (" € 3 ", 300, None),
        ("0,001", None, "amount_decimals"),
        ("-1", None, "amount_negative"),
        ("12,50,1", None, "amount_invalid"),
        ("NaN", None, "amount_invalid"),
    ],
)
def test_parse_euro(text, cents, code):
    if code is None:
        assert parse_euro(text) == cents
    else:
        with pytest.raises(ValidationError) as error:
            parse_euro(text)
        assert error.value.code == code


def test_create_refuses_a_closed_goal_or_a_wrong_amount():
    doel = DoneerdoelFactory(deadline=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.donatie_create(doel=doel, amount_cents=500, email="a@b.nl", name="A")
    assert error.value.code == "goal_closed"
    doel = DoneerdoelFactory()
    with pytest.raises(ValidationError) as error:
        services.donatie_create(doel=doel, amount_cents=50, email="a@b.nl", name="A")
    assert error.value.error_dict["amount"][0].code == "amount_min"
    doel.behoefte.status = "vervuld"
    doel.behoefte.save()
    with pytest.raises(ValidationError) as error:
        services.donatie_create(doel=doel, amount_cents=500, email="a@b.nl", name="A")
    assert error.value.code == "goal_closed"
    assert not Donatie.objects.exists()


def test_goal_only_on_a_money_need_with_an_amount():
    owner = UserFactory()
    need = GeldBehoefteFactory(initiatief__owners=[owner], amount_wanted=None)
    with pytest.raises(ValidationError) as error:
        services.doneerdoel_save(behoefte=need, user=owner, purpose="x", deadline=None)
    assert error.value.code == "goal_not_money"
    need.amount_wanted = 100
    need.save()
    with pytest.raises(ValidationError) as error:
        services.doneerdoel_save(
            behoefte=need, user=owner, purpose="x", deadline=datetime.date(2020, 1, 1)
        )
    assert error.value.error_dict["deadline"][0].code == "deadline_past"
    doel = services.doneerdoel_save(behoefte=need, user=owner, purpose="Soep", deadline=None)
    assert doel.goal_cents == 10000


def test_deleting_the_need_keeps_the_donations_but_closes_the_goal():
    donatie = DonatieFactory(status=Status.BETAALD)
    donatie.doel.behoefte.delete()
    doel = Doneerdoel.objects.get()
    assert doel.behoefte is None
    assert not services.doneerdoel_is_open(doel)
    assert Donatie.objects.get().amount_cents == donatie.amount_cents


def test_daily_summary_to_owners_once_and_without_donor_emails(commit):
    owner = UserFactory(email="eigenaar@example.nl")
    doel = DoneerdoelFactory(behoefte__initiatief__owners=[owner])
    DonatieFactory(
        doel=doel, status=Status.BETAALD, amount_cents=1000, name="Kees", message="Succes"
    )
    DonatieFactory(
        doel=doel,
        status=Status.BETAALD,
        amount_cents=500,
        is_anonymous=True,
        name="",
        language="en",  # the owners' mail stays in the site language
    )
    DonatieFactory(doel=doel, status=Status.OPEN, amount_cents=700, name="Open")
    with commit():
        call_command("send_donation_summaries")
    assert [m.to for m in mail.outbox] == [["eigenaar@example.nl"]]
    body = mail.outbox[0].body
    assert "Kees: € 10,00" in body and "Anoniem: € 5,00" in body and "€ 15,00" in body
    assert mail.outbox[0].subject.startswith("Nieuwe donaties voor")
    assert "Open" not in body
    assert "donateur" not in body and "@example.nl" not in body
    with commit():
        call_command("send_donation_summaries")
    assert len(mail.outbox) == 1


def test_privacy_export_and_anonymise_only_linked_donations():
    from buurtkracht.accounts.privacy import anonymiser_registry, export_registry  # noqa: F401
    from initiatieven.donaties.privacy import donaties_anonymise, donaties_export

    user = UserFactory()
    mine = DonatieFactory(
        user=user, status=Status.BETAALD, name="Kees", message="Hoi", email="kees@example.nl"
    )
    other = DonatieFactory(status=Status.BETAALD, name="Anna", email="anna@example.nl")
    exported = donaties_export(user)
    assert [d["kenmerk"] for d in exported["donaties"]] == [mine.reference]
    assert exported["donaties"][0]["e-mailadres"] == "kees@example.nl"
    donaties_anonymise(user)
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.user, mine.name, mine.email, mine.message, mine.is_anonymous) == (
        None,
        "",
        "",
        "",
        True,
    )
    assert mine.status == Status.BETAALD and mine.amount_cents == 1250  # the money record stays
    assert (other.name, other.email) == ("Anna", "anna@example.nl")


def test_english_site_sends_english_to_stripe(client, stripe_settings):
    doel = DoneerdoelFactory()
    response = client.post(
        f"/en/doneren/doel/{doel.pk}/",
        {"preset": "1000", "name": "Sam", "email": "sam@example.nl"},
    )
    assert response.status_code == 303
    session = stripe_settings.session(Donatie.objects.get().stripe_session_id)
    assert session["locale"] == "en"
    assert session["success_url"].startswith("http://testserver/en/doneren/")
    assert Donatie.objects.get().language == "en"


def test_dutch_site_stores_dutch(client, stripe_settings):
    doel = DoneerdoelFactory()
    response = client.post(
        f"/doneren/doel/{doel.pk}/", {"preset": "1000", "name": "Sam", "email": "sam@example.nl"}
    )
    assert response.status_code == 303
    donatie = Donatie.objects.get()
    assert donatie.language == "nl"
    assert stripe_settings.session(donatie.stripe_session_id)["locale"] == "nl"


def test_demo_data_twice_adds_nothing(client):
    from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
    from initiatieven.demo_data import demo_initiatieven
    from initiatieven.donaties.demo_data import demo_donaties

    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    demo_initiatieven(ctx)
    demo_donaties(ctx)
    first = (Doneerdoel.objects.count(), Donatie.objects.count())
    demo_donaties(ctx)
    assert (Doneerdoel.objects.count(), Donatie.objects.count()) == first == (2, 5)
    doel = Doneerdoel.objects.get(initiatief__slug="voedseltuin-westerpark")
    page = client.get(doel.initiatief.get_absolute_url()).content.decode()
    assert "€ 97,50 van € 249,95 opgehaald" in page
