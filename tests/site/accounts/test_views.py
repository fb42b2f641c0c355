"""Mijn account: name and wijk, the data download and deleting the account."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from bs4 import BeautifulSoup
from wagtail.models import Page, Revision

from buurtkracht.accounts.models import Membership, Role, User
from buurtkracht.accounts.privacy import anonymiser_registry, export_registry
from tests.factories import PASSWORD, MembershipFactory, UserFactory, buurt_in, totp_enable, wijk


def _soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- Mijn account ---------------------------------------------------------------------


@pytest.mark.django_db
def test_account_page_needs_login(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_account_page_links_to_security_data_and_deletion(client):
    user = UserFactory(display_name="Fatima")
    MembershipFactory(user=user, role=Role.INSPIRATIETEAM, wijk=wijk("Oud-West"))
    client.force_login(user)
    soup = _soup(client.get("/account/"))

    assert soup.h1.get_text(strip=True) == "Mijn account"
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/account/mijn-gegevens.json",
        "/account/verwijderen/",
    } <= hrefs
    assert soup.find("input", {"name": "display_name"})["value"] == "Fatima"
    assert soup.find("input", {"name": "csrfmiddlewaretoken"}) is not None
    assert "Inspiratieteam (wijk): Oud-West" in soup.get_text(" ", strip=True)


@pytest.mark.django_db
def test_account_form_saves_name_and_wijk(client):
    user = UserFactory(display_name="Oud")
    westerpark = wijk("Westerpark")
    client.force_login(user)
    response = client.post(
        "/account/", {"display_name": "  Fatima  ", "home_wijk": westerpark.pk}, follow=True
    )
    user.refresh_from_db()
    assert user.display_name == "Fatima"
    assert user.home_wijk == westerpark
    assert "Je gegevens zijn opgeslagen." in _soup(response).get_text(" ", strip=True)
    soup = _soup(response)
    selected = soup.find("select", {"name": "home_wijk"}).find("option", selected=True)
    assert selected["value"] == str(westerpark.pk)


@pytest.mark.django_db
def test_account_form_stores_the_name_without_markup(client):
    user = UserFactory(display_name="Oud")
    client.force_login(user)
    typed = 'Fatima "><script>alert(1)</script><img src=x onerror=alert(1)>'
    client.post("/account/", {"display_name": typed, "home_wijk": ""})
    user.refresh_from_db()
    assert user.display_name == 'Fatima ">'


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("fatima@voorbeeld.nl", "Gebruik geen e-mailadres als naam."),
        ("x" * 81, "Zorg dat deze waarde niet meer dan 80 tekens bevat"),
    ],
    ids=["email-as-name", "too-long"],
)
def test_account_form_errors_in_dutch_with_summary_keep_what_was_typed(client, typed, message):
    user = UserFactory(display_name="Oud")
    baarsjes = wijk("De Baarsjes")
    client.force_login(user)
    response = client.post("/account/", {"display_name": typed, "home_wijk": baarsjes.pk})

    assert response.status_code == 200
    soup = _soup(response)
    summary = soup.find(attrs={"role": "alert"})
    assert summary is not None
    assert message in summary.get_text(" ", strip=True)
    assert summary.find("a", href="#id_display_name") is not None
    field = soup.find("input", {"name": "display_name"})
    assert field["value"] == typed
    assert "id_display_name-error" in field["aria-describedby"]
    selected = soup.find("select", {"name": "home_wijk"}).find("option", selected=True)
    assert selected["value"] == str(baarsjes.pk)
    user.refresh_from_db()
    assert user.display_name == "Oud"
    assert user.home_wijk is None


@pytest.mark.django_db
def test_account_form_refuses_an_unknown_wijk(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/account/", {"display_name": "Fatima", "home_wijk": "999999"})
    summary = _soup(response).find(attrs={"role": "alert"})
    assert "Selecteer een geldige keuze" in summary.get_text(" ", strip=True)
    user.refresh_from_db()
    assert user.home_wijk is None


# --- Mijn gegevens --------------------------------------------------------------------


@pytest.fixture
def extra_export_section():
    export_registry.register("test_app", lambda user: {"user_pk": user.pk, "likes": ["tuin"]})
    yield
    export_registry.unregister("test_app")


@pytest.mark.django_db
def test_export_holds_my_data_and_nobody_elses(client, extra_export_section):
    baarsjes = wijk("De Baarsjes")
    me = UserFactory(email="ik@voorbeeld.nl", display_name="Fatima", home_wijk=baarsjes)
    me.groups.add(*me.groups.model.objects.filter(name="redactie"))
    EmailAddress.objects.create(user=me, email="oud@voorbeeld.nl", verified=False)
    MembershipFactory(user=me, role=Role.REGIEGROEP, buurt=buurt_in(baarsjes), title="bewoner")
    totp_enable(me)
    secret = Authenticator.objects.get(user=me).data["secret"]

    other = UserFactory(email="ander@voorbeeld.nl", display_name="Kees", home_wijk=wijk("Oud-West"))
    MembershipFactory(user=other, role=Role.INSPIRATIETEAM, wijk=baarsjes, title="voorzitter")
    totp_enable(other)

    client.force_login(me)
    response = client.get("/account/mijn-gegevens.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]

    body = response.content.decode()
    data = json.loads(body)
    assert data["account"]["email"] == "ik@voorbeeld.nl"
    assert data["account"]["display_name"] == "Fatima"
    assert data["account"]["home_wijk"] == "De Baarsjes"
    assert data["account"]["date_joined"]
    assert {(a["email"], a["verified"]) for a in data["email_addresses"]} == {
        ("ik@voorbeeld.nl", True),
        ("oud@voorbeeld.nl", False),
    }
    assert data["groups"] == ["redactie"]
    assert [(m["role"], m["buurt"], m["title"]) for m in data["memberships"]] == [
        ("regiegroep", buurt_in(baarsjes).name, "bewoner")
    ]
    assert [a["type"] for a in data["two_step_login"]] == ["totp"]
    assert set(data["two_step_login"][0]) == {"type", "created_at", "last_used_at"}
    assert data["test_app"] == {"user_pk": me.pk, "likes": ["tuin"]}

    for foreign in ["ander@voorbeeld.nl", "Kees", "Oud-West", "voorzitter", "inspiratieteam"]:
        assert foreign not in body
    assert secret not in body
    assert me.password not in body


@pytest.mark.django_db
def test_export_needs_login(client):
    response = client.get("/account/mijn-gegevens.json")
    assert response.status_code == 302


# --- Account verwijderen ---------------------------------------------------------------


@pytest.fixture
def authored_page(db):
    def make(owner):
        root = Page.objects.get(depth=1)
        page = root.add_child(
            instance=Page(title="Buurtnieuws", slug="buurtnieuws-test", owner=owner)
        )
        page.save_revision(user=owner)
        return page

    return make


@pytest.mark.django_db
def test_delete_asks_for_the_password_first(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/account/verwijderen/")
    assert page.status_code == 200
    form = _soup(page).find("form", {"action": "/account/verwijderen/"})
    assert form["method"] == "post"
    assert form.find("input", {"type": "password", "name": "password"}) is not None

    response = client.post("/account/verwijderen/", {"password": "niet-mijn-wachtwoord"})
    assert response.status_code == 200
    summary = _soup(response).find(attrs={"role": "alert"})
    assert "Dit wachtwoord klopt niet" in summary.get_text(" ", strip=True)
    assert User.objects.filter(pk=user.pk).exists()
    assert _logged_in(client)


@pytest.mark.django_db
def test_delete_removes_the_user_keeps_content_anonymous_and_logs_out(client, authored_page):
    user = UserFactory(email="weg@voorbeeld.nl")
    MembershipFactory(user=user, role=Role.PROFESSIONAL, wijk=wijk())
    totp_enable(user)
    page = authored_page(user)
    bystander = UserFactory()
    client.force_login(user)

    response = client.post("/account/verwijderen/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"

    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="weg@voorbeeld.nl").exists()
    assert not Membership.objects.filter(user_id=user.pk).exists()
    assert not Authenticator.objects.filter(user_id=user.pk).exists()
    page.refresh_from_db()
    assert page.owner is None
    revision = Revision.objects.get(object_id=str(page.pk))
    assert revision.user is None
    assert User.objects.filter(pk=bystander.pk).exists()
    assert not _logged_in(client)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Je account is verwijderd. Bedankt dat je meedeed in de buurt." in messages


@pytest.fixture
def anonymiser_calls():
    calls = []

    def anonymise(user):
        calls.append((user.pk, User.objects.filter(pk=user.pk).exists()))

    anonymiser_registry.register("test_app", anonymise)
    yield calls
    anonymiser_registry.unregister("test_app")


@pytest.mark.django_db
def test_anonymisers_run_before_the_user_goes(client, anonymiser_calls):
    user = UserFactory()
    client.force_login(user)
    client.post("/account/verwijderen/", {"password": PASSWORD})
    assert anonymiser_calls == [(user.pk, True)]
    assert not User.objects.filter(pk=user.pk).exists()


@pytest.fixture
def failing_anonymiser():
    def anonymise(user):
        user.display_name = "Oud-bewoner"
        user.save()
        raise RuntimeError("database of a later app is gone")

    anonymiser_registry.register("test_failing", anonymise)
    yield
    anonymiser_registry.unregister("test_failing")


@pytest.mark.django_db
def test_a_failing_anonymiser_deletes_nothing(failing_anonymiser):
    from buurtkracht.accounts.services import user_delete

    user = UserFactory(display_name="Fatima")
    with pytest.raises(RuntimeError):
        user_delete(user=User.objects.get(pk=user.pk))
    user.refresh_from_db()
    assert user.display_name == "Fatima"
    assert EmailAddress.objects.filter(user=user).exists()
