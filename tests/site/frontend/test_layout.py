"""The page frame: language switch, error pages, no other hosts, the built stylesheet."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import RequestFactory
from django.views import defaults

from tests.site.frontend.conftest import soup

pytestmark = pytest.mark.django_db

CSS = settings.PACKAGE_DIR / "static" / "dist" / "buurtkracht.css"


def switch_form(page, language):
    for form in page.find_all("form", action="/i18n/setlang/"):
        if form.find("input", attrs={"name": "language"})["value"] == language:
            return form
    raise AssertionError(f"no switch to {language}")


def post_switch(client, page, language):
    form = switch_form(page, language)
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    return client.post(form["action"], data)


def test_language_switch_goes_to_the_english_page_and_back(client):
    page = soup(client.get("/accounts/login/"))
    assert page.find(attrs={"aria-current": "true"}).get_text(strip=True) == "Nederlands"
    assert switch_form(page, "en").button.get_text(strip=True) == "English"

    response = post_switch(client, page, "en")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    page = soup(client.get(response["Location"]))
    assert page.html["lang"] == "en"
    response = post_switch(client, page, "nl")
    assert response["Location"] == "/accounts/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"


def test_language_switch_keeps_the_query_string(client):
    page = soup(client.get("/accounts/login/?next=/account/"))
    response = post_switch(client, page, "en")
    assert response["Location"] == "/en/accounts/login/?next=/account/"


def test_header_has_menu_search_and_account_links(client):
    page = soup(client.get("/en/accounts/login/"))
    nav = page.find("nav", attrs={"aria-label": True, "class": "bk-nav"})
    assert [a["href"] for a in nav.find_all("a")] == [
        "/en/",
        "/en/initiatieven/",
        "/en/vrijwilligers/",
        "/en/ruimtes/",
        "/en/zoeken/",
    ]
    search = page.find("form", attrs={"role": "search"})
    assert search["method"] == "get" and search["action"] == "/en/zoeken/"
    box = search.find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": box["id"]}) is not None


def test_unknown_url_gets_our_404_page(client):
    response = client.get("/deze-pagina-bestaat-echt-niet/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert page.find("main", id="main") is not None
    assert page.body.find("a")["href"] == "#main"
    assert page.find("h1").get_text(strip=True) == "Deze pagina bestaat niet (meer)"
    assert page.find("main").find("a", href="/") is not None


def test_unknown_english_url_gets_the_404_page_in_english_frame(client):
    response = client.get("/en/bestaat-niet/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.find("main").find("a", href="/en/") is not None


def request_for(path="/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_403_page():
    response = defaults.permission_denied(request_for(), PermissionDenied())
    assert response.status_code == 403
    page = soup(response)
    assert page.find("main", id="main") is not None
    assert page.find("a", href="/accounts/login/") is not None


def test_400_page_needs_no_user_or_session():
    request = RequestFactory().get("/")
    response = defaults.bad_request(request, SuspiciousOperation())
    assert response.status_code == 400
    page = soup(response)
    assert page.find("main", id="main") is not None
    assert page.find("main").find("a", href="/") is not None


def test_500_page_is_standalone(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = soup(response)
    assert page.html["lang"] == "nl"
    assert page.body.find("a")["href"] == "#main"
    assert page.find("main", id="main").find("a", href="/") is not None
    assert page.find("h1").get_text(strip=True) == "Er ging bij ons iets mis"


def test_built_css_exists_is_fresh_and_loads_nothing_from_elsewhere():
    assert CSS.exists(), "run `npm run build`"
    sources = [
        *Path(settings.PACKAGE_DIR / "frontend").glob("*"),
        settings.BASE_DIR / "package-lock.json",
    ]
    newest = max(p.stat().st_mtime for p in sources)
    assert CSS.stat().st_mtime >= newest, "the CSS is older than its sources: run `npm run build`"
    css = CSS.read_text()
    assert ".utrecht-button" in css and ".bk-theme" in css and ".bk-skip-link" in css
    assert "--utrecht-button-primary-action-background-color" in css
    assert not re.search(r"@import", css)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css)
    assert not re.search(r"@font-face", css), "system fonts only"


def test_page_links_only_to_this_site(client):
    page = soup(client.get("/accounts/signup/"))
    refs = [
        tag.get(attr)
        for tag in page.find_all(True)
        for attr in ("src", "href", "action")
        if tag.get(attr)
    ]
    assert refs, "the page has links"
    assert not [ref for ref in refs if re.match(r"\s*(https?:)?//", ref)]
