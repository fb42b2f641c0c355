"""No e-mail address of a person on a public page or in the API, with the demo data.

The demo district is seeded (``manage.py seed_demo``: residents, owners, donors,
volunteers, bookings) and the public site is crawled from the home page by following its
links, anonymously and as a signed-in resident, together with every list and detail of
the API. No page may contain the e-mail address of a user, a donor or an invitee
(the signed-in resident's own address excepted).
"""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from buurtkracht.accounts.models import User
from initiatieven.donaties.models import Donatie
from initiatieven.models import Uitnodiging

pytestmark = pytest.mark.django_db

MAX_PAGES = 70
START = [
    "/",
    "/initiatieven/",
    "/vrijwilligers/",
    "/ruimtes/",
    "/buurtbudget/",
    "/talentenbeurs/",
    "/sociale-kaart/",
    "/zoeken/?q=buurt",
    "/en/initiatieven/",
]
SKIP = re.compile(
    r"^(/en)?/(admin|django-admin|accounts|account|i18n|static|media|documents|api)/"
    r"|\.(ics|csv|pdf|json|png|jpe?g|webp|css|js)$|/(uitloggen|logout)/"
)
# Pages of one kind are alike: a few of each are enough (each list page stays in).
PER_KIND = 3
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _personal_addresses() -> set[str]:
    addresses = set(User.objects.values_list("email", flat=True))
    addresses |= set(EmailAddress.objects.values_list("email", flat=True))
    addresses |= set(Donatie.objects.values_list("email", flat=True))
    addresses |= set(Uitnodiging.objects.values_list("email", flat=True))
    return {a.lower() for a in addresses if a}


def _kind(path: str) -> str:
    """/initiatieven/some-slug/ and /initiatieven/other/ are one kind."""
    parts = [p for p in path.split("?")[0].split("/") if p][:3]
    rest = ["*" if re.search(r"[\d-]", p) or i == 1 else p for i, p in enumerate(parts[1:])]
    return "/".join(parts[:1] + rest)


def _links(html: bytes) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for anchor in soup.find_all("a", href=True):
        href = urldefrag(anchor["href"])[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue
        found.append(href)
    return found


def crawl(client: Client) -> dict[str, bytes]:
    seen, pages, per_kind = set(START), {}, {}
    queue = deque(START)
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages[path] = response.content
        for link in _links(response.content):
            kind = _kind(link)
            if link in seen or SKIP.search(link.split("?")[0]) or per_kind.get(kind, 0) >= PER_KIND:
                continue
            seen.add(link)
            per_kind[kind] = per_kind.get(kind, 0) + 1
            queue.append(link)
    return pages


def api_answers(client: Client) -> dict[str, bytes]:
    answers = {}

    def get(path: str):
        response = client.get(path)
        assert response.status_code == 200, path
        answers[path] = response.content
        return response.json()

    for page in (1, 2):
        listing = get(f"/api/v1/initiatieven?page={page}")
    for item in listing["results"]:
        get(f"/api/v1/initiatieven/{item['slug']}")
    vacatures = get("/api/v1/vacatures")
    for item in vacatures["items"]:
        get(f"/api/v1/vacatures/{item['id']}")
    for room in get("/api/v1/ruimtes"):
        get(f"/api/v1/ruimtes/{room['id']}/beschikbaarheid?van=2026-01-01&tot=2026-02-28")
    get("/api/v1/zoeken?q=buurt")
    get("/api/v1/zoeken/suggesties?q=bu")
    return answers


def _leaks(pages: dict[str, bytes], personal: set[str]) -> list[tuple[str, str]]:
    return [
        (path, address)
        for path, body in pages.items()
        for address in {a.lower() for a in EMAIL.findall(body.decode("utf-8", "replace"))}
        if address in personal
    ]


def test_no_personal_address_on_public_pages_or_in_the_api(settings):
    settings.ELASTICSEARCH_URL = ""  # search from the database: no shared index touched
    call_command("seed_demo", verbosity=0)
    personal = _personal_addresses()
    assert len(personal) > 10  # the demo accounts, donors and more

    anonymous = Client()
    pages = crawl(anonymous)
    assert len(pages) > 50
    kinds = {_kind(path) for path in pages}
    for expected in ("initiatieven/*", "vrijwilligers/*", "ruimtes/*", "talentenbeurs/*"):
        assert expected in kinds, sorted(kinds)
    assert _leaks(pages, personal) == []
    assert _leaks(api_answers(anonymous), personal) == []

    resident = User.objects.get(email="bewoner@demo.buurtkracht.nl")
    signed_in = Client()
    signed_in.force_login(resident)
    own = {
        a.lower()
        for a in EmailAddress.objects.filter(user=resident).values_list("email", flat=True)
    }
    public_details = [p for p in pages if _kind(p).endswith("/*")][:12]
    seen = {path: signed_in.get(path).content for path in public_details}
    assert _leaks(seen, personal - own - {resident.email.lower()}) == []
