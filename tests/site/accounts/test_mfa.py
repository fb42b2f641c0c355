"""Staff roles must set up two-step login before they reach admin functions."""

import pytest
from bs4 import BeautifulSoup

from buurtkracht.accounts import mfa
from buurtkracht.accounts.models import Role
from tests.factories import MembershipFactory, UserFactory, totp_enable, wijk

ACTIVATE = "/accounts/2fa/totp/activate/"
MFA_MESSAGE = "Stel eerst inloggen in twee stappen in"


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.mark.django_db
def test_moderator_without_totp_is_sent_to_set_it_up(client):
    moderator = UserFactory(groups=["moderator"])
    client.force_login(moderator)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE

    # allauth's pages are never blocked: following the redirect ends on a page of its
    # own (set-up, or first confirming the password), not back in /admin/.
    followed = client.get("/admin/", follow=True)
    assert followed.status_code == 200
    final_url = followed.redirect_chain[-1][0]
    assert final_url.startswith("/accounts/")
    assert MFA_MESSAGE in _text(followed)


@pytest.mark.django_db
def test_moderator_with_totp_reaches_the_admin(client):
    moderator = UserFactory(groups=["moderator"])
    totp_enable(moderator)
    client.force_login(moderator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"wagtail" in response.content.lower()


@pytest.mark.django_db
def test_a_membership_alone_requires_totp(client):
    professional = UserFactory()
    MembershipFactory(user=professional, role=Role.PROFESSIONAL, wijk=wijk())
    client.force_login(professional)
    response = client.get("/admin/")
    assert response["Location"] == ACTIVATE


@pytest.mark.django_db
@pytest.mark.parametrize("admin", ["/admin/", "/django-admin/"])
def test_resident_is_not_asked_for_totp_and_lands_on_their_account(client, admin):
    client.force_login(UserFactory())
    response = client.get(admin, follow=True)
    assert response.redirect_chain[-1][0] == "/account/"
    assert ACTIVATE not in [url for url, _status in response.redirect_chain]
    assert "Je hebt geen toegang tot het beheer" in _text(response)


@pytest.mark.django_db
def test_signed_in_staff_on_the_admin_login_go_to_the_admin(client):
    moderator = UserFactory(groups=["moderator"])
    totp_enable(moderator)
    client.force_login(moderator)
    response = client.get("/admin/login/", {"next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    # An address elsewhere is not followed.
    response = client.get("/admin/login/", {"next": "https://elders.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@pytest.mark.parametrize("login_path", ["/admin/login/", "/django-admin/login/"])
def test_password_only_admin_logins_send_people_to_allauth(client, login_path):
    response = client.get(login_path, {"next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


@pytest.fixture
def extra_prefix():
    mfa.protect_path_prefix("/beheer-test/")
    yield "/beheer-test/"
    mfa.unprotect_path_prefix("/beheer-test/")


@pytest.mark.django_db
@pytest.mark.urls("tests.site.accounts.urls_mfa")
@pytest.mark.parametrize("path", ["/beheer-test/", "/en/beheer-test/"])
def test_later_apps_protect_their_own_prefixes(client, extra_prefix, path):
    moderator = UserFactory(groups=["moderator"])
    client.force_login(moderator)
    assert client.get(path)["Location"] == ACTIVATE

    totp_enable(moderator)
    assert client.get(path).content == b"open"


@pytest.mark.django_db
@pytest.mark.urls("tests.site.accounts.urls_mfa")
def test_unprotected_paths_stay_open_without_totp(client):
    client.force_login(UserFactory(groups=["moderator"]))
    assert client.get("/beheer-test/").content == b"open"


@pytest.mark.django_db
@pytest.mark.urls("tests.site.accounts.urls_mfa")
def test_mfa_required_decorator(client):
    assert client.get("/panel/wachtrij/")["Location"].startswith("/accounts/login/")

    # Any signed-in user reaching an admin function needs two-step login, role or not.
    user = UserFactory()
    client.force_login(user)
    assert client.get("/panel/wachtrij/")["Location"] == ACTIVATE

    totp_enable(user)
    assert client.get("/panel/wachtrij/").content == b"wachtrij"
