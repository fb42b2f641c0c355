"""allauth's account and two-step login pages, drawn in our layout."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from tests.factories import PASSWORD
from tests.site.frontend.conftest import current_totp_code, soup

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/",
]
MEMBER_PAGES = [
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
]


def assert_our_layout(response, language="nl"):
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    skip = page.body.find("a")
    assert skip["href"] == "#main", "the skip link comes first"
    assert len(page.find_all("main")) == 1
    assert page.find("main")["id"] == "main"
    assert page.find("nav", attrs={"aria-label": True}) is not None
    assert page.find("link", rel="stylesheet")["href"].endswith("dist/buurtkracht.css")
    return page


def assert_inputs_labelled(page):
    for field in page.find_all(["input", "textarea", "select"]):
        if field.get("type") in {"hidden", "submit", "button"}:
            continue
        assert field.get("id"), f"{field} has no id for a label"
        label = page.find("label", attrs={"for": field["id"]})
        assert label is not None and label.get_text(strip=True), f"{field} has no <label for>"


def assert_no_other_hosts(page):
    for tag in page.find_all(True):
        for attribute in ("src", "href", "action", "srcset", "poster", "data"):
            value = tag.get(attribute)
            if value and re.match(r"\s*(https?:)?//", value):
                assert re.match(r"\s*(https?:)?//testserver(/|$)", value), (
                    f"{tag.name} {attribute}={value} loads another host"
                )


def assert_csp_friendly(page):
    """Our CSP forbids inline scripts and style attributes on public pages."""
    assert page.find(attrs={"style": True}) is None
    assert page.find("style") is None
    for script in page.find_all("script"):
        if script.get("type") == "application/json":
            continue  # data, not code: the browser does not run it
        assert script.get("src"), f"inline script: {script}"


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_anonymous_pages_use_our_layout(client, path):
    page = assert_our_layout(client.get(path))
    assert_inputs_labelled(page)
    assert_no_other_hosts(page)
    assert_csp_friendly(page)
    assert page.find("a", href="/accounts/login/").get_text(strip=True) == "Inloggen"


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_pages_use_our_layout(member_client, path):
    page = assert_our_layout(member_client.get(path))
    assert_inputs_labelled(page)
    assert_no_other_hosts(page)
    assert_csp_friendly(page)
    logout = page.find("form", action="/accounts/logout/")
    assert logout.find("button").get_text(strip=True) == "Uitloggen"


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_pages_in_english_say_so(client, path):
    page = assert_our_layout(client.get(f"/en{path}"), language="en")
    assert page.find("form", action=f"/en{path}") is not None


def test_totp_activation_shows_the_qr_code_as_data_url(member_client):
    page = assert_our_layout(member_client.get("/accounts/2fa/totp/activate/"))
    qr = page.find("img", class_="bk-qr")
    assert qr["src"].startswith("data:image/svg+xml")
    secret = page.find("input", id="authenticator_secret")
    assert secret.has_attr("disabled") and secret["value"] == qr["alt"]
    assert page.find("label", attrs={"for": "id_code"}) is not None


def test_mfa_authenticate_then_recovery_codes(client, mfa_user):
    response = client.post("/accounts/login/", {"login": mfa_user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    page = assert_our_layout(client.get("/accounts/2fa/authenticate/"))
    assert_inputs_labelled(page)
    assert_csp_friendly(page)
    assert page.find("main").find("input", attrs={"name": "code"}) is not None

    code = current_totp_code(mfa_user.totp_secret)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302

    response = client.get("/accounts/2fa/recovery-codes/")
    assert response.status_code == 302  # allauth first asks to confirm who you are
    page = assert_our_layout(client.get(response["Location"]))
    assert_inputs_labelled(page)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302

    page = assert_our_layout(client.get("/accounts/2fa/recovery-codes/"))
    codes = page.find("textarea", id="recovery_codes")
    assert len(codes.get_text().split()) == 10
    assert page.find("label", attrs={"for": "recovery_codes"}) is not None
    assert_csp_friendly(page)


def test_password_reset_from_key(client, user):
    key = default_token_generator.make_token(user)
    response = client.get(
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-{key}/", follow=True
    )
    page = assert_our_layout(response)
    assert_inputs_labelled(page)
    assert page.find("input", attrs={"name": "password1"}) is not None


def test_password_reset_with_a_bad_key_explains_it(client, user):
    response = client.get(f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-onzin/")
    page = assert_our_layout(response)
    assert page.find("a", href="/accounts/password/reset/") is not None


def test_confirm_email(client, unverified_address):
    key = EmailConfirmationHMAC(unverified_address).key
    page = assert_our_layout(client.get(f"/accounts/confirm-email/{key}/"))
    assert unverified_address.email in page.find("main").get_text()
    button = page.find("main").find("button", type="submit")
    assert "utrecht-button--primary-action" in button["class"]


def test_totp_error_summary_opens_the_form(member_client):
    response = member_client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    page = assert_our_layout(response)
    form = page.find("main").find("form", action="/accounts/2fa/totp/activate/")
    first = form.find(True)
    assert first.get("role") == "alert", "the summary comes before the QR code"
    assert [a["href"] for a in first.find_all("a")] == ["#id_code"]
    assert page.find(id="id_code-error").get_text(strip=True)


def test_email_page_groups_the_addresses_and_sums_up_errors_once(member_client, user):
    page = assert_our_layout(member_client.get("/accounts/email/"))
    fieldset = page.find("main").find("fieldset")
    assert fieldset.legend.get_text(strip=True)
    assert fieldset.find("input", type="radio", value=user.email) is not None

    response = member_client.post("/accounts/email/", {"action_add": "", "email": "geen-adres"})
    page = assert_our_layout(response)
    summaries = page.find_all(attrs={"role": "alert"})
    assert len(summaries) == 1
    add_form = summaries[0].find_parent("form")
    assert add_form.find("button", attrs={"name": "action_add"}) is not None
    assert page.find("input", attrs={"name": "email", "type": "email"})["value"] == "geen-adres"
