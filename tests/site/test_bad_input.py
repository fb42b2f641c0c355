"""No URL, query, header or form body makes the site answer with a 500."""

import pytest
from django.test import Client

from tests.factories import UserFactory

NASTY_URLS = [
    "/%00",
    "/%ff%fe/",
    "/en/../../etc/passwd",
    "/" + "a" * 3000 + "/",
    "/nieuws/?page=-1",
    "/nieuws/?page=abc",
    "/nieuws/?page=99999999999999999999999",
    "/nieuws/?wijk=%00",
    "/nieuws/?wijk=<script>alert(1)</script>",
    "/gebied/?postcode=<script>",
    "/gebied/?postcode=" + "9" * 5000,
    "/gebied/?postcode=%00%00",
    "/accounts/login/?next=javascript:alert(1)",
    "/accounts/login/?next=//evil.example/",
    "/accounts/confirm-email/not-a-key/",
    "/accounts/password/reset/key/zz-zz/",
    "/account/mijn-gegevens.json",
    "/en/nieuws/?page=%ff",
    "/healthz?x=%00",
    "/admin/pages/999999/edit/",
    "/documents/999999/x.pdf",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NASTY_URLS)
def test_nasty_urls_never_cause_a_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/nieuws/?page=abc", "/account/", "/gebied/?postcode=1053AB"])
def test_nasty_urls_for_a_logged_in_user(client, url):
    client.force_login(UserFactory())
    assert client.get(url).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": "xx-;q=abc,,;;," + "z" * 2000},
        {"HTTP_COOKIE": "sessionid=%00%ff; django_language=zz; csrftoken=<x>"},
        {"HTTP_USER_AGENT": "\x00" * 100},
        {"HTTP_X_FORWARDED_PROTO": "gopher"},
        {"HTTP_REFERER": "javascript:alert(1)"},
    ],
)
def test_nasty_headers_never_cause_a_server_error(client, headers):
    assert client.get("/", **headers).status_code == 200


@pytest.mark.django_db
def test_unknown_host_is_refused_with_400(client):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"login": "x" * 10_000, "password": "y"},
        {"login": "\x00@voorbeeld.nl", "password": "\x00"},
        {"login": ["a@b.nl", "c@d.nl"], "password": ""},
        {},
    ],
)
def test_odd_login_posts_get_a_form_error(client, data):
    response = client.post("/accounts/login/", data)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused_not_crashed():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a@b.nl", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Het formulier is verlopen" in page
    assert 'id="main"' in page


@pytest.mark.django_db
def test_a_body_that_is_not_utf8_is_handled(client):
    response = client.generic(
        "POST",
        "/accounts/signup/",
        b"email=\xff\xfe&password1=\xff",
        "application/x-www-form-urlencoded",
    )
    assert response.status_code < 500
