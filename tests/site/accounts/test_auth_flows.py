"""Sign-up, e-mail verification, login and password reset through allauth's own pages."""

import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail

from buurtkracht.accounts.models import User
from tests.factories import PASSWORD, UserFactory

NEW_PASSWORD = "nog-een-lang-wachtwoord-77"


def _link(message, path_start: str) -> str:
    match = re.search(rf"https?://[^/\s]+({re.escape(path_start)}\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _logged_in_as(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


@pytest.mark.django_db
def test_sign_up_sends_a_link_that_verifies_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "Nieuw@Voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@voorbeeld.nl")
    address = EmailAddress.objects.get(user=user)
    assert address.verified is False
    assert _logged_in_as(client) is None

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@voorbeeld.nl"]
    link = _link(mail.outbox[0], "/accounts/confirm-email/")

    # Opening the link only asks to confirm (mail scanners must not confirm by GET).
    page = client.get(link)
    assert page.status_code == 200
    address.refresh_from_db()
    assert address.verified is False

    confirmed = client.post(link)
    assert confirmed.status_code == 302
    address.refresh_from_db()
    assert address.verified is True
    assert _logged_in_as(client) == user.pk


@pytest.mark.django_db
def test_verified_user_can_log_in(client):
    user = UserFactory(email="jan@voorbeeld.nl")
    response = client.post("/accounts/login/", {"login": "jan@voorbeeld.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert _logged_in_as(client) == user.pk


@pytest.mark.django_db
def test_login_before_verification_sends_a_mail_instead(client):
    user = UserFactory(email="wacht@voorbeeld.nl", verified=False)
    response = client.post(
        "/accounts/login/", {"login": "wacht@voorbeeld.nl", "password": PASSWORD}, follow=True
    )
    assert _logged_in_as(client) is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["wacht@voorbeeld.nl"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert response.redirect_chain[-1][0].endswith("/accounts/confirm-email/")
    assert EmailAddress.objects.get(user=user).verified is False


@pytest.mark.django_db
def test_password_reset_by_mail(client):
    user = UserFactory(email="vergeten@voorbeeld.nl")
    response = client.post("/accounts/password/reset/", {"email": "vergeten@voorbeeld.nl"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0], "/accounts/password/reset/key/")

    # allauth moves the key out of the URL into the session, then shows the form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)
    client.logout()
    client.post("/accounts/login/", {"login": "vergeten@voorbeeld.nl", "password": NEW_PASSWORD})
    assert _logged_in_as(client) == user.pk


@pytest.mark.django_db
def test_many_failed_logins_are_refused_even_with_the_right_password(client):
    user = UserFactory(email="doelwit@voorbeeld.nl")
    for _ in range(5):
        wrong = client.post("/accounts/login/", {"login": user.email, "password": "fout-fout-fout"})
        assert wrong.status_code == 200
        assert _logged_in_as(client) is None

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert _logged_in_as(client) is None
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Te veel inlogpogingen" in text, text[:2000]
