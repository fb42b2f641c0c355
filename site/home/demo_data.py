"""Demo step: home page, standard pages, buurtnieuws, wijk pages and site settings.

Pages that already exist (by slug, or by wijk for wijk pages) are left alone, so what
editors changed survives a new run.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from buurtkracht.areas.models import Wijk
from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_step
from buurtkracht.home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
    WijkPage,
)


def _p(*paragraphs: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _h(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def _ul(*items: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))


STANDARD_PAGES = [
    {
        "slug": "over-buurtkracht",
        "title": "Over Buurtkracht",
        "intro": "Buurtkracht is de plek waar bewoners van West laten zien wat ze voor hun "
        "buurt doen, en waar ze hulp vinden om het te doen.",
        "body": [
            _h("Jij weet wat je buurt nodig heeft"),
            _p(
                "Bewoners weten vaak het best wat er in hun straat speelt. Een buurtmaaltijd, "
                "een taalcafé, een moestuin op het plein: het begint met iemand die zegt "
                "'dat ga ik doen'.",
                "Het stadsdeel helpt je daarbij met ruimte, geld, mensen en aandacht. Wat je "
                "zelf kunt, doe je zelf. Waar je hulp nodig hebt, zijn we dichtbij.",
            ),
            _h("Wat kun je hier doen?"),
            _ul(
                "Een idee voor je buurt delen en mensen vinden die meedoen.",
                "Vrijwilligerswerk vinden dat past bij je tijd en talenten.",
                "Gratis een ruimte gebruiken in een buurthuis of buurtkamer.",
                "Een klein bedrag geven aan een initiatief uit je buurt.",
            ),
            (
                "quote",
                {
                    "text": "Iedereen in West doet mee en telt mee.",
                    "attribution": "Het motto van stadsdeel West",
                },
            ),
        ],
    },
    {
        "slug": "buurtbudget",
        "title": "Hoe werkt het buurtbudget?",
        "intro": "Elke buurt in West heeft geld om snel iets te doen aan wat er in de buurt "
        "speelt. Zo werkt het.",
        "body": [
            _h("Geld voor de agenda van de buurt"),
            _p(
                "Per buurt is er gemiddeld zo'n 40.000 euro per jaar. Bewoners en "
                "professionals kijken samen wat er in de buurt goed gaat en wat beter kan. "
                "Dat heet de agenda van de buurt. Het buurtbudget is er voor die agenda."
            ),
            _h("Wie beslist er?"),
            _p(
                "In elke buurt is er een regiegroep van bewoners en professionals. Zij doen "
                "voorstellen, samen met de buurtcoördinator van het stadsdeel.",
                "Voor kleine initiatieven van bewoners beslist het inspiratieteam van de wijk. "
                "Dat is een groep bewoners. Zij leggen aan elkaar uit waarom ze ja of nee "
                "zeggen. Op deze site kun je zien wat er besloten is.",
            ),
            _h("Zelf geld aanvragen", "h3"),
            _p(
                "Heb je een idee? Zet het op de site en vraag een bijdrage aan. Het "
                "inspiratieteam van jouw wijk bekijkt je aanvraag."
            ),
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Wie doet wat",
                    "data": [
                        ["Wie", "Wat"],
                        ["Regiegroep (buurt)", "Doet voorstellen voor de agenda van de buurt"],
                        ["Inspiratieteam (wijk)", "Beslist over kleine initiatieven"],
                        ["Buurtcoördinator", "Helpt de regiegroep en houdt overzicht"],
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Deel je idee",
                    "description": "Het kost je een paar minuten.",
                    "page": None,
                    "url": "/initiatieven/nieuw/",
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "We gaan zuinig om met je gegevens. Hier lees je wat we bewaren en waarom.",
        "body": [
            _h("Wat we bewaren"),
            _ul(
                "Je e-mailadres, om in te loggen. Anderen zien het niet.",
                "De naam die je zelf kiest. Die zien anderen bij wat je plaatst.",
                "Wat je zelf op de site zet, zoals een initiatief of een reactie.",
            ),
            _h("Foto's"),
            _p(
                "Als je een foto plaatst, halen we de verborgen gegevens eruit. Bijvoorbeeld "
                "de plek waar de foto is gemaakt."
            ),
            _h("Je gegevens inzien of laten wissen"),
            _p("Stuur ons een bericht via de pagina Contact. We reageren binnen vier weken."),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "intro": "Iedereen moet deze site kunnen gebruiken, ook met een oude telefoon, een "
        "schermlezer of weinig tijd.",
        "body": [
            _p(
                "We schrijven in eenvoudig Nederlands. De site werkt zonder muis en zonder "
                "JavaScript. Foto's hebben een beschrijving.",
                "Loop je toch ergens tegenaan? Laat het ons weten via de pagina Contact. "
                "Dan lossen we het op.",
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact",
        "intro": "Heb je een vraag, een idee of een klacht? We horen het graag.",
        "body": [
            _p(
                "Mail naar info@buurtkracht.nl of bel 020 123 45 67 op werkdagen tussen "
                "9.00 en 17.00 uur.",
                "Liever langskomen? In elk buurthuis kun je terecht bij het spreekuur.",
            ),
        ],
    },
]

NEWS = [
    {
        "slug": "buurtmaaltijd-van-galenbuurt",
        "title": "Elke donderdag samen eten in de Van Galenbuurt",
        "wijk": "De Baarsjes",
        "days_ago": 3,
        "intro": "Bewoners koken om de beurt voor de buurt. Iedereen is welkom, ook als je "
        "niets kunt betalen.",
        "body": "Het begon met twee buren en een grote pan soep. Nu eten er elke week "
        "zo'n veertig mensen mee. Wil je helpen koken of afwassen? Meld je aan.",
    },
    {
        "slug": "moestuin-landlust",
        "title": "Nieuwe moestuin op het plein in Landlust",
        "wijk": "Bos en Lommer",
        "days_ago": 9,
        "intro": "Waar eerst tegels lagen, groeien nu tomaten en bonen. De tuin is van "
        "iedereen in de buurt.",
        "body": "Kinderen van de basisschool helpen mee met zaaien. In de zomer is er elke "
        "zaterdag een oogstmoment.",
    },
    {
        "slug": "taalcafe-kinkerbuurt",
        "title": "Taalcafé in de Kinkerbuurt zoekt vrijwilligers",
        "wijk": "Oud-West",
        "days_ago": 14,
        "intro": "Nederlands oefenen met een kop koffie. Het taalcafé groeit en zoekt mensen "
        "die een uur per week willen praten.",
        "body": "Je hoeft geen leraar te zijn. Gewoon kletsen helpt al veel. Het taalcafé is "
        "op dinsdagochtend in De Havelaar.",
    },
    {
        "slug": "opknapdag-spaarndammerbuurt",
        "title": "Opknapdag in de Spaarndammerbuurt",
        "wijk": "Westerpark",
        "days_ago": 21,
        "intro": "Met zestig buren hebben we de binnentuin opgeknapt. Er zijn nieuwe bankjes "
        "en plantenbakken.",
        "body": "De woningcorporatie betaalde het hout. Bewoners deden het werk. Na afloop "
        "was er een barbecue voor iedereen.",
    },
    {
        "slug": "spreekuur-buurtkamer-gibraltar",
        "title": "Nieuw spreekuur in Buurtkamer Gibraltar",
        "wijk": "Bos en Lommer",
        "days_ago": 30,
        "intro": "Vragen over geld, post of formulieren? Elke woensdag zit er iemand klaar om "
        "je te helpen.",
        "body": "Het spreekuur is gratis en je hoeft geen afspraak te maken. Neem je brieven "
        "gewoon mee.",
    },
    {
        "slug": "inspiratieteams-zoeken-bewoners",
        "title": "Inspiratieteams zoeken nieuwe leden",
        "wijk": None,
        "days_ago": 40,
        "intro": "Wil je meebeslissen over geld voor initiatieven in je wijk? Meld je aan "
        "voor het inspiratieteam.",
        "body": "Een inspiratieteam komt zes keer per jaar bij elkaar. Je hebt geen ervaring "
        "nodig, wel zin om mee te denken over je wijk.",
    },
]

WIJK_INTROS = {
    "Westerpark": "Van de Spaarndammerbuurt tot Sloterdijk: een wijk met oude "
    "arbeidershuizen, nieuwe woningen aan het water en een groot park.",
    "Oud-West": "Drukke winkelstraten, rustige hofjes en veel buren dicht op elkaar. "
    "In De Havelaar kun je terecht met je plannen.",
    "De Baarsjes": "Een wijk met veel pleinen, markten en buurthuizen. De Tagerijn is het "
    "hart van veel activiteiten.",
    "Bos en Lommer": "Een groene wijk in beweging. In De Mansveltschool en de buurtkamers "
    "doen bewoners veel zelf.",
}


def _add_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


@demo_step(order=30, label=gettext_lazy("Pagina's, nieuws en instellingen"))
def demo_pages(ctx: DemoContext) -> str:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise TypeError(_("De startpagina van de site is geen HomePage."))
    created = 0

    pages = {}
    for spec in STANDARD_PAGES:
        page = _child(home, StandardPage, spec["slug"])
        if page is None:
            page = _add_child(home, StandardPage(**spec))
            created += 1
        pages[spec["slug"]] = page

    news_index = _child(home, NewsIndexPage, "nieuws")
    if news_index is None:
        news_index = _add_child(
            home,
            NewsIndexPage(
                title="Buurtnieuws",
                slug="nieuws",
                intro="Wat er gebeurt in Westerpark, Oud-West, De Baarsjes en Bos en Lommer.",
            ),
        )
        created += 1
    wijken = {wijk.name: wijk for wijk in Wijk.objects.all()}
    today = timezone.localdate()
    for item in NEWS:
        if _child(news_index, NewsPage, item["slug"]) is None:
            _add_child(
                news_index,
                NewsPage(
                    title=item["title"],
                    slug=item["slug"],
                    date=today - datetime.timedelta(days=item["days_ago"]),
                    wijk=wijken.get(item["wijk"]) if item["wijk"] else None,
                    intro=item["intro"],
                    body=[_p(item["body"])],
                ),
            )
            created += 1

    for name, wijk in sorted(wijken.items()):
        if not WijkPage.objects.filter(wijk=wijk).exists():
            _add_child(
                home,
                WijkPage(
                    title=name,
                    slug=wijk.slug,
                    wijk=wijk,
                    intro=WIJK_INTROS.get(name, ""),
                ),
            )
            created += 1

    if not home.featured:
        home.intro = (
            "Samen maken we de buurt. Begin een initiatief, help mee, vind een ruimte of "
            "steun je buren."
        )
        home.featured = [
            (
                "featured",
                {
                    "title": "Hoe werkt het buurtbudget?",
                    "text": "Elke buurt heeft geld voor goede ideeën. Lees hoe je een "
                    "bijdrage aanvraagt.",
                    "image": None,
                    "page": pages["buurtbudget"],
                    "url": "",
                },
            ),
            (
                "featured",
                {
                    "title": "Buurtnieuws",
                    "text": "Lees wat je buren doen, van moestuin tot taalcafé.",
                    "image": None,
                    "page": news_index,
                    "url": "",
                },
            ),
            (
                "featured",
                {
                    "title": "Over Buurtkracht",
                    "text": "Waarom deze site er is en wat je ermee kunt.",
                    "image": None,
                    "page": pages["over-buurtkracht"],
                    "url": "",
                },
            ),
        ]
        home.save_revision().publish()

    site_settings = SiteSettings.for_site(site)
    defaults = {
        "contact_email": "info@buurtkracht.nl",
        "phone": "020 123 45 67",
        "address": "Stadsdeel West\nBos en Lommerplein 250\n1055 EK Amsterdam",
    }
    for name, value in defaults.items():
        if not getattr(site_settings, name):
            setattr(site_settings, name, value)
    if not site_settings.social_links:
        site_settings.social_links = [
            ("link", {"label": "Instagram", "url": "https://www.instagram.com/buurtkracht"}),
            ("link", {"label": "Buurtkrant West", "url": "https://www.buurtkrantwest.nl"}),
        ]
    site_settings.save()
    return _("%(count)s pagina's nieuw") % {"count": created}
