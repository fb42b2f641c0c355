"""Login, sign-up and password-reset limits (settings.ACCOUNT_RATE_LIMITS), per address.

The limits count per visitor address: REMOTE_ADDR, or behind a load balancer the
address ALLAUTH_TRUSTED_PROXY_COUNT places from the end of X-Forwarded-For.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY_LOGINS = "Te veel inlogpogingen. Probeer het later nogmaals."


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def _login(client: Client, email: str, password: str = "fout-wachtwoord-123", **extra):
    return client.post("/accounts/login/", {"login": email, "password": password}, **extra)


def _assert_429_in_dutch(response) -> None:
    assert response.status_code == 429
    text = _text(response)
    assert "Te veel pogingen" in text
    assert "Wacht een paar minuten" in text
    assert "Too Many Requests" not in text


def test_five_wrong_passwords_lock_the_account_for_a_while_even_with_the_right_one(settings):
    user = UserFactory()
    client = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(5):
        wrong = _login(client, user.email)
        assert wrong.status_code == 200 and TOO_MANY_LOGINS not in _text(wrong)
    refused = _login(client, user.email, PASSWORD)
    assert refused.status_code == 200
    assert TOO_MANY_LOGINS in _text(refused)
    assert "_auth_user_id" not in client.session
    # From another address the account is locked too: the key is the e-mail address.
    elsewhere = _login(Client(REMOTE_ADDR="10.0.0.2"), user.email, PASSWORD)
    assert TOO_MANY_LOGINS in _text(elsewhere)
    # Other accounts still log in.
    other = UserFactory()
    assert _login(client, other.email, PASSWORD).status_code == 302


def test_ten_failures_from_one_address_stop_that_address_only():
    client = Client(REMOTE_ADDR="10.0.1.1")
    for n in range(10):
        assert TOO_MANY_LOGINS not in _text(_login(client, f"onbekend{n}@voorbeeld.nl"))
    user = UserFactory()
    assert TOO_MANY_LOGINS in _text(_login(client, user.email, PASSWORD))
    assert _login(Client(REMOTE_ADDR="10.0.1.2"), user.email, PASSWORD).status_code == 302


def test_more_than_thirty_login_posts_a_minute_get_429_in_dutch():
    client = Client(REMOTE_ADDR="10.0.2.1")
    user = UserFactory()
    for _ in range(30):
        client.post("/accounts/login/", {"login": "", "password": ""})
    _assert_429_in_dutch(_login(client, user.email, PASSWORD))
    assert _login(Client(REMOTE_ADDR="10.0.2.2"), user.email, PASSWORD).status_code == 302


def _signup(client: Client, n: int, **extra):
    return client.post(
        "/accounts/signup/",
        {"email": f"nieuw{n}@voorbeeld.nl", "password1": PASSWORD, "password2": PASSWORD},
        **extra,
    )


def test_the_twenty_first_sign_up_a_minute_from_one_address_gets_429_in_dutch():
    client = Client(REMOTE_ADDR="10.0.3.1")
    for n in range(20):
        assert _signup(client, n).status_code == 302
        client.logout()
    _assert_429_in_dutch(_signup(client, 20))
    assert _signup(Client(REMOTE_ADDR="10.0.3.2"), 21).status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_counted(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.9.9.9")  # every request comes from the load balancer
    for n in range(20):
        response = _signup(proxy, n, HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert response.status_code == 302
        proxy.logout()
    _assert_429_in_dutch(_signup(proxy, 20, HTTP_X_FORWARDED_FOR="203.0.113.7"))
    # A visitor cannot pick an address: only the last one, added by the proxy, counts.
    spoofed = _signup(proxy, 21, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    assert spoofed.status_code == 429
    other = _signup(proxy, 22, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 302


def test_the_sixth_password_reset_for_one_address_a_minute_gets_429_in_dutch(mailoutbox):
    user = UserFactory()
    client = Client(REMOTE_ADDR="10.0.4.1")
    for _ in range(5):
        assert client.post("/accounts/password/reset/", {"email": user.email}).status_code == 302
    assert len(mailoutbox) == 5
    _assert_429_in_dutch(client.post("/accounts/password/reset/", {"email": user.email}))
    assert len(mailoutbox) == 5
