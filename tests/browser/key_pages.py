"""The key pages of Buurtkracht, per role, for the accessibility and page weight checks.

`discover(site_server)` asks the server's database (one ``shell`` call) for the objects
the pages are about — an initiative with needs and a donation goal, a room, a vacature,
the panel's wijk, a booking request waiting for the centre manager — so the list does not
depend on the ids the demo content happens to get. `key_pages(found)` then gives
``{role: [(name, path), ...]}``; role ``"anon"`` is a visitor who is not logged in.
"""

from __future__ import annotations

import json

DISCOVER = r"""
import json
from django.db.models import Count
from buurtkracht.accounts.models import Membership, Role, User
from buurtkracht.home.models import NewsPage, WijkPage
from initiatieven.buurtbudget.models import Aanvraag
from initiatieven.donaties.models import Doneerdoel
from initiatieven.models import Initiatief
from ruimtes.models import Boeking, Ruimte
from vrijwilligers.models import Vacature
from vrijwilligers.talentenbeurs.models import Talentenbeurs

doel = (
    Doneerdoel.objects.filter(
        initiatief__status="gepubliceerd", initiatief__is_hidden=False, behoefte__isnull=False
    )
    .annotate(needs=Count("initiatief__behoeften"))
    .order_by("-needs", "pk")
    .first()
)
owner = User.objects.get(email="initiatiefnemer@demo.buurtkracht.nl")
own = Initiatief.objects.filter(owners=owner).order_by("pk").first()
ruimte = Ruimte.objects.filter(is_bookable=True).order_by("pk").first()
manager = User.objects.get(email="beheerder@demo.buurtkracht.nl")
waiting = (
    Boeking.objects.filter(status="aangevraagd", ruimte__locatie__managers=manager)
    .order_by("pk")
    .first()
)
panel = Membership.objects.filter(
    user__email="inspiratieteam@demo.buurtkracht.nl", role=Role.INSPIRATIETEAM
).select_related("wijk").first()
aanvraag = Aanvraag.objects.filter(wijk=panel.wijk).order_by("pk").first()
vacature = Vacature.objects.open().order_by("pk").first()
news = NewsPage.objects.live().order_by("pk").first()
wijk_page = WijkPage.objects.live().order_by("pk").first()
beurs = Talentenbeurs.objects.order_by("-pk").first()
print(json.dumps({
    "initiatief": doel.initiatief.slug,
    "doel": doel.pk,
    "own_initiatief": own.slug,
    "wijk_page": wijk_page.url,
    "wijk": panel.wijk.slug,
    "aanvraag": aanvraag.pk,
    "ruimte": ruimte.pk,
    "boeking_waiting": waiting.pk if waiting else None,
    "vacature": vacature.pk,
    "beurs": beurs.slug,
    "news": news.url,
}))
"""


_found: dict[str, dict] = {}  # site url -> what DISCOVER printed (one shell call a session)


def discover(site_server) -> dict:
    """The ids and slugs the key pages need, read from the server's database."""
    if site_server.url not in _found:
        output = site_server.shell(DISCOVER)
        _found[site_server.url] = json.loads(output.strip().splitlines()[-1])
    return _found[site_server.url]


def key_pages(found: dict) -> dict[str, list[tuple[str, str]]]:
    """Per role, the pages to check as ``(name, path)``; the paths are Dutch (no /en/)."""
    initiatief = f"/initiatieven/{found['initiatief']}/"
    own = f"/initiatieven/{found['own_initiatief']}/"
    ruimte = f"/ruimtes/{found['ruimte']}/"
    vacature = f"/vrijwilligers/{found['vacature']}/"
    beurs = f"/talentenbeurs/{found['beurs']}/"
    pages = {
        "anon": [
            ("home", "/"),
            ("wijk", found["wijk_page"]),
            ("initiatieven", "/initiatieven/"),
            ("initiatieven-filter", "/initiatieven/?wijk=oud-west&behoefte=mensen&thema=taal"),
            ("initiatief", initiatief),
            ("buurtbudget", "/buurtbudget/"),
            ("buurtbudget-wijk", f"/buurtbudget/wijk/{found['wijk']}/"),
            ("ruimtes", "/ruimtes/"),
            ("ruimte", ruimte),
            ("vacatures", "/vrijwilligers/"),
            ("vacature", vacature),
            ("talentenbeurs", beurs),
            ("zoeken", "/zoeken/?q=repair+cafe"),
            ("zoeken-niets", "/zoeken/?q=qqxyzzyqq"),
            ("sociale-kaart", f"/sociale-kaart/{found['wijk']}/"),
            ("doneren", f"/doneren/doel/{found['doel']}/"),
            ("login", "/accounts/login/"),
            ("signup", "/accounts/signup/"),
            ("nieuws", found["news"]),
            ("404", "/deze-pagina-bestaat-niet/"),
        ],
        "bewoner": [
            ("account", "/account/"),
            ("account-email", "/accounts/email/"),
            ("initiatief-nieuw", "/initiatieven/nieuw/"),
            ("boeken", f"{ruimte}boeken/"),
            ("mijn-boekingen", "/ruimtes/mijn-boekingen/"),
            ("reageren", f"{vacature}reageren/"),
            ("vrijwilliger-profiel", "/vrijwilligers/profiel/"),
            ("initiatief", initiatief),
        ],
        "initiatiefnemer": [
            ("initiatief-beheer", f"{own}beheer/"),
            ("behoefte-nieuw", f"{own}behoeften/nieuw/"),
            ("vacature-nieuw", "/vrijwilligers/nieuw/"),
            ("buurtbudget-aanvragen", "/buurtbudget/aanvragen/"),
        ],
        "beheerder": [
            ("ruimtes-beheer", "/ruimtes/beheer/"),
        ],
        "inspiratieteam": [
            ("panel", f"/buurtbudget/wijk/{found['wijk']}/panel/"),
            ("aanvraag", f"/buurtbudget/aanvragen/{found['aanvraag']}/"),
        ],
        "moderator": [
            ("moderatie", "/admin/initiatieven-moderatie/"),
            ("meldingen", "/admin/initiatieven-moderatie/meldingen/"),
        ],
        "redactie": [
            ("account", "/account/"),
            ("nieuws", found["news"]),
        ],
    }
    if found.get("boeking_waiting"):
        pages["beheerder"].append(
            ("boeking-besluiten", f"/ruimtes/beheer/aanvragen/{found['boeking_waiting']}/")
        )
    return pages
