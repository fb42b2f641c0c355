import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from bs4 import BeautifulSoup

from tests.factories import PASSWORD, UserFactory


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def log_in(client, user):
    """Log in through allauth's form, then confirm the password once more, as allauth
    asks before the two-step login settings."""
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def member_client(client, user):
    return log_in(client, user)


@pytest.fixture
def mfa_user(db):
    """A user with an authenticator app and recovery codes; `user.totp_secret` holds the key."""
    user = UserFactory()
    user.totp_secret = generate_totp_secret()
    TOTP.activate(user, user.totp_secret)
    RecoveryCodes.activate(user)
    return user


def current_totp_code(secret: str) -> str:
    """The code the user's authenticator app shows right now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def unverified_address(db):
    user = UserFactory(verified=False)
    return EmailAddress.objects.get(user=user)
