"""The donation form, its bad input, the rate limit, the return pages, the initiatief page."""

import pytest
from bs4 import BeautifulSoup

from initiatieven.donaties.models import Donatie
from initiatieven.models import Initiatief
from tests.donaties.factories import DonatieFactory, DoneerdoelFactory, GeldBehoefteFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = Donatie.Status


def _url(doel) -> str:
    return f"/doneren/doel/{doel.pk}/"


def _form(**data) -> dict:
    return {
        "preset": "anders",
        "amount_other": "12,50",
        "name": "Fatima",
        "email": "fatima@example.nl",
        **data,
    }


def _errors(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one('[role="alert"]')
    return {
        "summary": summary.get_text(" ", strip=True) if summary else "",
        "page": soup.get_text(" ", strip=True),
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0,50", "minimaal € 1"),
        ("1000,01", "hoogstens € 1.000"),
        ("12,505", "hoogstens twee cijfers na de komma"),
        ("-5", "niet negatief"),
        ("tien", "Vul een bedrag in euro in"),
        ("1e3", "Vul een bedrag in euro in"),
        ("", "Kies een bedrag"),
    ],
)
def test_bad_amounts_get_a_dutch_message_and_keep_the_input(client, typed, message):
    doel = DoneerdoelFactory()
    response = client.post(_url(doel), _form(amount_other=typed, message="Veel succes"))
    assert response.status_code == 200
    assert message in _errors(response)["summary"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('textarea[name="message"]').get_text().strip() == "Veel succes"
    assert soup.select_one('input[name="amount_other"]').get("value", "") == typed
    assert not Donatie.objects.exists()


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("12,50", 1250), ("12.50", 1250), ("€ 7", 700), ("1.000", 100000), ("1", 100)],
)
def test_dutch_and_dotted_amounts_are_read_as_cents(client, stripe_settings, typed, cents):
    doel = DoneerdoelFactory()
    response = client.post(_url(doel), _form(amount_other=typed))
    assert response.status_code == 303
    assert Donatie.objects.get().amount_cents == cents


def test_preset_wins_and_a_tampered_amount_field_changes_nothing(client, stripe_settings):
    doel = DoneerdoelFactory()
    client.post(_url(doel), _form(preset="500", amount_other="", amount_cents="1", amount="999999"))
    donatie = Donatie.objects.get()
    assert donatie.amount_cents == 500
    assert stripe_settings.session(donatie.stripe_session_id)["amount_total"] == 500


def test_unknown_preset_is_refused(client):
    doel = DoneerdoelFactory()
    response = client.post(_url(doel), _form(preset="1", amount_other=""))
    assert response.status_code == 200
    assert not Donatie.objects.exists()


def test_empty_name_donates_anonymously(client, stripe_settings):
    doel = DoneerdoelFactory()
    assert client.post(_url(doel), _form(name="")).status_code == 303
    donatie = Donatie.objects.get()
    assert (donatie.name, donatie.is_anonymous, donatie.public_name) == ("", True, "Anoniem")


def test_bad_amount_and_bad_email_are_both_reported(client):
    doel = DoneerdoelFactory()
    summary = _errors(client.post(_url(doel), _form(amount_other="0,5", email="x")))["summary"]
    assert "minimaal € 1" in summary and "e-mailadres" in summary


def test_anonymous_donation_stores_no_name_and_message_is_sanitised(client, stripe_settings):
    doel = DoneerdoelFactory()
    client.post(
        _url(doel), _form(is_anonymous="on", message="<script>alert(1)</script>Succes <b>!</b>")
    )
    donatie = Donatie.objects.get()
    assert (donatie.name, donatie.is_anonymous) == ("", True)
    assert "<" not in donatie.message and "Succes" in donatie.message


def test_unpublished_initiatief_or_unknown_goal_is_404(client):
    doel = DoneerdoelFactory(behoefte__initiatief__status=Initiatief.Status.CONCEPT)
    assert client.get(_url(doel)).status_code == 404
    assert client.get("/doneren/doel/999999/").status_code == 404


def test_past_deadline_or_fulfilled_need_shows_a_clear_message(client):
    import datetime

    doel = DoneerdoelFactory(deadline=datetime.date(2020, 1, 1))
    response = client.post(_url(doel), _form())
    assert response.status_code == 409
    assert "kun je op dit moment niet doneren" in response.content.decode()
    assert not Donatie.objects.exists()


def test_without_keys_the_form_says_donations_are_not_set_up(client, settings):
    settings.STRIPE_SECRET_KEY = ""
    doel = DoneerdoelFactory()
    body = client.get(_url(doel)).content.decode()
    assert "nog niet ingesteld" in body
    assert 'name="email"' not in body
    assert client.post(_url(doel), _form()).status_code == 409
    assert not Donatie.objects.exists()


def test_local_test_mode_says_no_real_money_moves(client, settings):
    settings.STRIPE_LOCAL_TEST_MODE = True
    assert "Er gaat geen echt geld over" in client.get(_url(DoneerdoelFactory())).content.decode()
    settings.STRIPE_LOCAL_TEST_MODE = False
    assert (
        "Er gaat geen echt geld over" not in client.get(_url(DoneerdoelFactory())).content.decode()
    )


def test_stripe_down_gives_a_message_and_no_open_donation(client, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens
    doel = DoneerdoelFactory()
    response = client.post(_url(doel), _form())
    assert response.status_code == 200
    assert "niet bereikbaar" in _errors(response)["summary"]
    assert Donatie.objects.get().status == Status.MISLUKT


def test_rate_limit_per_initiatief_then_in_all(client, stripe_settings, settings):
    settings.DONATION_RATE_LIMIT_PER_INITIATIVE = 2
    settings.DONATION_RATE_LIMIT_TOTAL = 3
    first, second = DoneerdoelFactory(), DoneerdoelFactory()
    assert [client.post(_url(first), _form()).status_code for _ in range(3)] == [303, 303, 429]
    assert "Wacht een uur" in _errors(client.post(_url(first), _form()))["summary"]
    assert client.post(_url(second), _form()).status_code == 303
    assert client.post(_url(second), _form()).status_code == 429  # 3 in all
    assert Donatie.objects.count() == 3
    # Another address is not limited.
    assert client.post(_url(second), _form(), REMOTE_ADDR="10.0.0.9").status_code == 303


def test_success_page_shows_waiting_then_paid_and_never_writes(client):
    donatie = DonatieFactory()
    url = f"/doneren/doel/{donatie.doel_id}/bedankt/{donatie.reference}/"
    assert "We verwerken je donatie" in client.get(url).content.decode()
    assert Donatie.objects.get().status == Status.OPEN
    Donatie.objects.update(status=Status.BETAALD, paid_at=donatie.created_at)
    body = client.get(url).content.decode()
    assert "Betaald – dank je wel" in body
    assert donatie.email not in body
    assert client.get(f"/doneren/doel/{donatie.doel_id}/bedankt/BK-ONBEKEND/").status_code == 404


def test_initiatief_page_shows_progress_and_wall_of_paid_donations_only(client):
    doel = DoneerdoelFactory()
    DonatieFactory(
        doel=doel,
        status=Status.BETAALD,
        amount_cents=2000,
        name="Kees",
        show_amount=True,
        message="Mooi plan",
    )
    DonatieFactory(
        doel=doel, status=Status.BETAALD, amount_cents=1000, name="Anna", is_anonymous=True
    )
    DonatieFactory(
        doel=doel,
        status=Status.DEELS_TERUGBETAALD,
        amount_cents=3000,
        refunded_cents=1000,
        name="Piet",
        show_amount=False,
    )
    DonatieFactory(
        doel=doel, status=Status.TERUGBETAALD, amount_cents=5000, refunded_cents=5000, name="Weg"
    )
    DonatieFactory(doel=doel, status=Status.OPEN, amount_cents=9000, name="Nog niet")
    DonatieFactory(doel=doel, status=Status.MISLUKT, amount_cents=9000, name="Mislukt")
    soup = BeautifulSoup(client.get(doel.initiatief.get_absolute_url()).content, "html.parser")
    section = soup.select_one(".bk-donaties")
    text = section.get_text(" ", strip=True)
    assert "€ 50,00 van € 250,00 opgehaald" in text  # 20 + 10 + (30 - 10)
    assert "3 donateurs" in text
    bar = section.select_one("progress")
    assert (bar["value"], bar["max"]) == ("5000", "25000")
    wall = [li.get_text(" ", strip=True) for li in section.select(".bk-donateur")]
    assert len(wall) == 3
    assert any("Kees · € 20,00" in row and "Mooi plan" in row for row in wall)
    assert any(row.startswith("Anoniem") and "€" not in row for row in wall)
    assert any(row.startswith("Piet") and "€" not in row for row in wall)
    assert "Nog niet" not in text and "Weg" not in text and "Mislukt" not in text
    assert "@example.nl" not in str(soup)
    need_links = soup.select_one(".bk-initiatief-needs")
    assert need_links.select_one(f'a[href="/doneren/doel/{doel.pk}/"]').get_text() == "Doneer"


def test_initiatief_page_query_count_does_not_grow_with_donors(
    client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    doel = DoneerdoelFactory()
    DonatieFactory(doel=doel, status=Status.BETAALD)
    with CaptureQueriesContext(connection) as one:
        client.get(doel.initiatief.get_absolute_url())
    for _ in range(10):
        DonatieFactory(doel=doel, status=Status.BETAALD, message="Hoi")
    with django_assert_max_num_queries(len(one)):
        client.get(doel.initiatief.get_absolute_url())


def test_page_without_money_need_runs_no_donation_query(client, django_assert_max_num_queries):
    from tests.initiatieven.factories import BehoefteFactory

    need = BehoefteFactory()
    with django_assert_max_num_queries(16):  # the initiatieven page's own budget
        response = client.get(need.initiatief.get_absolute_url())
    assert b"bk-donaties" not in response.content


def test_owner_opens_a_money_need_for_donations(client):
    owner = UserFactory()
    behoefte = GeldBehoefteFactory(initiatief__owners=[owner])
    client.force_login(owner)
    page = client.get(behoefte.initiatief.get_absolute_url()).content.decode()
    assert f"/doneren/behoefte/{behoefte.pk}/doel/" in page
    response = client.post(
        f"/doneren/behoefte/{behoefte.pk}/doel/", {"purpose": "Verf <b>en</b> kwasten"}
    )
    assert response.status_code == 302
    assert behoefte.doneerdoel.purpose == "Verf en kwasten"


def test_others_may_not_open_a_goal(client):
    behoefte = GeldBehoefteFactory()
    client.force_login(UserFactory())
    assert (
        client.post(f"/doneren/behoefte/{behoefte.pk}/doel/", {"purpose": "x"}).status_code == 403
    )


def test_report_a_donor_message(client):
    donatie = DonatieFactory(status=Status.BETAALD, message="Koop er iets leuks van")
    response = client.post(f"/doneren/donatie/{donatie.pk}/melden/", {"reason": "Reclame"})
    assert response.status_code == 302
    assert donatie.meldingen.get().reason == "Reclame"
    silent = DonatieFactory(status=Status.BETAALD, message="")
    assert client.get(f"/doneren/donatie/{silent.pk}/melden/").status_code == 404


def test_rate_limit_behind_a_proxy_counts_the_forwarded_address(client, stripe_settings, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.DONATION_RATE_LIMIT_PER_INITIATIVE = 1
    doel = DoneerdoelFactory()
    first = client.post(_url(doel), _form(), HTTP_X_FORWARDED_FOR="203.0.113.5")
    again = client.post(_url(doel), _form(), HTTP_X_FORWARDED_FOR="203.0.113.5")
    neighbour = client.post(_url(doel), _form(), HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert (first.status_code, again.status_code, neighbour.status_code) == (303, 429, 303)


def _form_action(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    directive = next(d for d in policy.split(";") if d.strip().startswith("form-action"))
    return directive.split()[1:]


@pytest.mark.parametrize(
    ("api_base", "origin"),
    [("", "https://checkout.stripe.com"), ("http://127.0.0.1:12111/", "http://127.0.0.1:12111")],
)
def test_the_donation_page_lets_its_form_go_on_to_checkout(client, settings, api_base, origin):
    # Browsers check the redirect after the POST against the page's form-action.
    settings.STRIPE_API_BASE = api_base
    doel = DoneerdoelFactory()
    assert _form_action(client.get(_url(doel))) == ["'self'", origin]
    assert _form_action(client.get(f"/initiatieven/{doel.initiatief.slug}/")) == ["'self'"]
