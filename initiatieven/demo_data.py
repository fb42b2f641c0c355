"""Demo step: some twenty initiatieven and wijkondernemingen across the four wijken.

Keyed by slug: an initiatief that exists is left alone (what someone changed survives),
its needs and updates are matched by title/text, so a second run adds nothing.
Photos are drawn with Pillow (a coloured field with a simple shape); nothing is downloaded.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy
from PIL import Image, ImageDraw

from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from initiatieven.models import (
    Behoefte,
    Cijfer,
    Eigenaar,
    Foto,
    Initiatief,
    Prioriteit,
    Thema,
    Update,
)

INIT, W = Initiatief.Kind.INITIATIEF, Initiatief.Kind.WIJKONDERNEMING

# slug, title, kind, wijk, buurt, themes, priorities, owner, colour, shape, summary,
# description, needs [(kind, title, extra)], updates [(days ago, text, {figure: n})], extra
DEMO = [
    {
        "slug": "buurtkamer-gibraltar",
        "title": "Buurtkamer Gibraltar",
        "kind": W,
        "wijk": "Bos en Lommer",
        "buurt": "Gibraltarbuurt",
        "themes": ["ontmoeting", "ouderen"],
        "priorities": ["sociaal-isolement", "meedoen"],
        "owner": "beheerder",
        "colour": (230, 126, 34),
        "shape": "house",
        "summary": "Een huiskamer voor de hele buurt: koffie, een spreekuur en elke "
        "donderdag samen eten.",
        "description": "<p>In de buurtkamer kun je gewoon binnenlopen. Er is koffie, de krant "
        "en iemand om mee te praten.</p><p>We verhuren de ruimte ook aan clubs en "
        "cursussen. Zo betalen we steeds meer van de huur zelf.</p>",
        "address": "Gibraltarstraat (buurtkamer)",
        "earning_model": "Verhuur van de ruimte aan cursussen en clubs, en een kleine "
        "bijdrage voor de maaltijd.",
        "income_coverage_percent": 45,
        "work_experience_places": 2,
        "kvk_number": "81234567",
        "needs": [
            ("mensen", "Gastvrouwen en gastheren voor de ochtend", {"people_wanted": 3}),
            ("geld", "Een nieuwe koelkast", {"amount_wanted": "650.00"}),
        ],
        "updates": [
            (40, "We zijn nu ook op dinsdagochtend open.", {"bereikt": 35}),
            (
                12,
                "Donderdag kookten buren uit vijf landen samen.",
                {"maaltijden": 28, "vrijwilligers": 6},
            ),
        ],
    },
    {
        "slug": "voedseltuin-westerpark",
        "title": "Voedseltuin Westerpark",
        "kind": INIT,
        "wijk": "Westerpark",
        "buurt": "Westerpark/Sloterdijk",
        "themes": ["groen", "eten-en-koken", "geldzaken-en-armoede"],
        "priorities": ["armoede", "meedoen"],
        "owner": "initiatiefnemer",
        "colour": (39, 174, 96),
        "shape": "circle",
        "summary": "Buren kweken groente voor de voedselbank. Iedereen mag meehelpen, ook "
        "zonder groene vingers.",
        "description": "<p>Op een oud stuk grasland verbouwen we sla, bonen en pompoenen. De "
        "oogst gaat naar de voedselbank.</p><ul><li>Zaterdag: samen tuinieren</li>"
        "<li>Woensdag: water geven</li></ul>",
        "needs": [
            ("mensen", "Tuiniers voor de zaterdag", {"people_wanted": 6}),
            ("spullen", "Kruiwagens en schoppen", {}),
            ("geld", "Zaden en potgrond voor het voorjaar", {"amount_wanted": "249.95"}),
        ],
        "updates": [
            (60, "De eerste bedden zijn omgespit.", {"vrijwilligers": 12, "uren": 36}),
            (20, "Eerste oogst naar de voedselbank: 40 kilo sla en bonen.", {"bereikt": 80}),
        ],
    },
    {
        "slug": "repair-cafe-bos-en-lommer",
        "title": "Repair café Bos en Lommer",
        "kind": INIT,
        "wijk": "Bos en Lommer",
        "buurt": "Landlust",
        "themes": ["duurzaamheid", "ontmoeting"],
        "priorities": ["zelfredzaamheid"],
        "owner": "initiatiefnemer",
        "colour": (52, 73, 94),
        "shape": "square",
        "summary": "Kapotte lamp, broek of fiets? Elke eerste zaterdag repareren we het samen.",
        "description": "<p>Gooi het niet weg, maak het! Vrijwillige reparateurs helpen je. Je "
        "leert het zelf ook.</p>",
        "address": "De Mansveltschool",
        "needs": [
            ("mensen", "Iemand die naaimachines kan maken", {"people_wanted": 1}),
            ("ruimte", "Een werkplaats op zaterdagmiddag", {}),
        ],
        "updates": [
            (30, "Druk café deze maand!", {"bereikt": 42, "anders:spullen gerepareerd": 31}),
        ],
    },
    {
        "slug": "naaiatelier-de-baarsjes",
        "title": "Naaiatelier De Baarsjes",
        "kind": W,
        "wijk": "De Baarsjes",
        "buurt": "Postjeskade",
        "themes": ["cultuur", "geldzaken-en-armoede"],
        "priorities": ["meedoen", "armoede"],
        "owner": "bewoner",
        "colour": (155, 89, 182),
        "shape": "triangle",
        "summary": "Vrouwen uit de buurt naaien samen. Wat begon als les, wordt nu een "
        "eigen bedrijfje met opdrachten.",
        "description": "<p>Eerst leerden we naaien. Nu maken we tassen en gordijnen voor "
        "buurtbewoners en bedrijven.</p><p>Wie bij ons werkt, doet werkervaring op.</p>",
        "earning_model": "Verkoop van tassen en maatwerk, en naai-opdrachten van bedrijven.",
        "income_coverage_percent": 30,
        "work_experience_places": 4,
        "kvk_number": "87654321",
        "needs": [
            ("spullen", "Twee industriële naaimachines", {}),
            ("geld", "Stoffen voor de eerste grote opdracht", {"amount_wanted": "400.00"}),
        ],
        "updates": [
            (
                45,
                "Onze eerste opdracht: 100 tassen voor de bibliotheek.",
                {"anders:tassen gemaakt": 100},
            ),
            (10, "Twee deelnemers hebben nu een betaalde baan.", {"vrijwilligers": 8, "uren": 120}),
        ],
    },
    {
        "slug": "computerles-voor-senioren",
        "title": "Computerles voor senioren",
        "kind": INIT,
        "wijk": "Oud-West",
        "buurt": "Kinkerbuurt",
        "themes": ["ouderen", "taal"],
        "priorities": ["zelfredzaamheid", "sociaal-isolement"],
        "owner": "bewoner",
        "colour": (41, 128, 185),
        "shape": "square",
        "summary": "Leren mailen, videobellen en DigiD gebruiken, in je eigen tempo.",
        "description": "<p>Jongeren uit de buurt helpen ouderen met hun telefoon en laptop. "
        "Elke woensdagmiddag in De Havelaar.</p>",
        "address": "De Havelaar",
        "needs": [
            ("mensen", "Geduldige helpers", {"people_wanted": 4}),
            ("spullen", "Oude laptops", {}),
        ],
        "updates": [
            (
                25,
                "Tien senioren kunnen nu videobellen met hun kleinkinderen.",
                {"bereikt": 10, "uren": 20},
            )
        ],
    },
    {
        "slug": "taalcafe-kolenkit",
        "title": "Taalcafé Kolenkit",
        "kind": INIT,
        "wijk": "Bos en Lommer",
        "buurt": "Kolenkitbuurt",
        "themes": ["taal", "ontmoeting"],
        "priorities": ["meedoen"],
        "owner": "professional",
        "colour": (241, 196, 15),
        "shape": "circle",
        "summary": "Nederlands oefenen met buren, bij een kop thee. Geen les, wel praten.",
        "description": "<p>Elke maandagavond praten we over van alles, in het Nederlands.</p>",
        "needs": [("mensen", "Taalmaatjes", {"people_wanted": 5})],
        "updates": [(15, "We waren met 22 mensen!", {"bereikt": 22})],
    },
    {
        "slug": "huiswerkklas-spaarndammerbuurt",
        "title": "Huiswerkklas Spaarndammerbuurt",
        "kind": INIT,
        "wijk": "Westerpark",
        "buurt": "Spaarndammerbuurt",
        "themes": ["jeugd"],
        "priorities": ["meedoen"],
        "owner": "initiatiefnemer",
        "colour": (231, 76, 60),
        "shape": "triangle",
        "summary": "Studenten helpen kinderen uit groep 7 en 8 met huiswerk.",
        "description": "<p>Twee middagen per week, gratis, in de buurt.</p>",
        "needs": [
            ("ruimte", "Een lokaal op dinsdag en donderdag", {}),
            ("mensen", "Studenten", {"people_wanted": 3}),
        ],
        "updates": [],
    },
    {
        "slug": "buurtmaaltijd-staatsliedenbuurt",
        "title": "Buurtmaaltijd Staatsliedenbuurt",
        "kind": INIT,
        "wijk": "Westerpark",
        "buurt": "Staatsliedenbuurt",
        "themes": ["eten-en-koken", "ontmoeting"],
        "priorities": ["sociaal-isolement"],
        "owner": "bewoner",
        "colour": (211, 84, 0),
        "shape": "circle",
        "summary": "Eens per maand eten we met de hele straat aan lange tafels.",
        "description": "<p>Iedereen neemt iets mee of kookt mee. Wie niet kan betalen, eet gratis.</p>",
        "needs": [("geld", "Boodschappen voor de volgende maaltijd", {"amount_wanted": "150.00"})],
        "updates": [
            (8, "Lange tafels in de straat, 60 buren.", {"maaltijden": 60, "vrijwilligers": 9})
        ],
    },
    {
        "slug": "fietsenmakerij-mercatorplein",
        "title": "Fietsenmakerij Mercatorplein",
        "kind": W,
        "wijk": "De Baarsjes",
        "buurt": "Mercatorpleinbuurt",
        "themes": ["duurzaamheid", "jeugd"],
        "priorities": ["meedoen", "armoede"],
        "owner": "initiatiefnemer",
        "colour": (22, 160, 133),
        "shape": "circle",
        "summary": "Jongeren leren fietsen maken en verkopen opgeknapte fietsen in de buurt.",
        "description": "<p>Een werkplaats waar jongeren een vak leren. De fietsen zijn betaalbaar.</p>",
        "earning_model": "Verkoop van opgeknapte fietsen en reparaties.",
        "income_coverage_percent": 60,
        "work_experience_places": 5,
        "needs": [("spullen", "Oude fietsen", {})],
        "updates": [(35, "Deze maand 25 fietsen verkocht.", {"anders:fietsen verkocht": 25})],
    },
    {
        "slug": "speeltuin-zeeheldenbuurt",
        "title": "Samen de speeltuin opknappen",
        "kind": INIT,
        "wijk": "Westerpark",
        "buurt": "Zeeheldenbuurt",
        "themes": ["jeugd", "groen"],
        "priorities": ["meedoen"],
        "owner": "bewoner",
        "colour": (46, 204, 113),
        "shape": "triangle",
        "summary": "Ouders en kinderen verven, planten en repareren hun eigen speeltuin.",
        "description": "<p>Op drie zaterdagen maken we de speeltuin weer mooi.</p>",
        "needs": [
            ("spullen", "Verf en kwasten", {}),
            ("mensen", "Handige ouders", {"people_wanted": 8}),
        ],
        "updates": [],
    },
    {
        "slug": "wandelgroep-erasmuspark",
        "title": "Wandelgroep Erasmuspark",
        "kind": INIT,
        "wijk": "Bos en Lommer",
        "buurt": "Erasmuspark",
        "themes": ["sport", "ouderen"],
        "priorities": ["sociaal-isolement"],
        "owner": "bewoner",
        "colour": (26, 188, 156),
        "shape": "circle",
        "summary": "Elke ochtend om tien uur een rondje door het park, in je eigen tempo.",
        "description": "<p>Na afloop drinken we samen koffie.</p>",
        "needs": [],
        "updates": [(5, "Al een jaar elke dag!", {"bereikt": 18})],
    },
    {
        "slug": "geldhulp-spreekuur-de-tagerijn",
        "title": "Spreekuur Geldzaken De Tagerijn",
        "kind": INIT,
        "wijk": "De Baarsjes",
        "buurt": "Hoofdwegbuurt",
        "themes": ["geldzaken-en-armoede"],
        "priorities": ["armoede", "zelfredzaamheid"],
        "owner": "professional",
        "colour": (127, 140, 141),
        "shape": "square",
        "summary": "Hulp bij brieven, rekeningen en toeslagen. Zonder afspraak.",
        "description": "<p>Vrijwilligers helpen je met je post. We verwijzen door als het nodig is.</p>",
        "address": "De Tagerijn",
        "needs": [("mensen", "Vrijwilligers met verstand van geldzaken", {"people_wanted": 2})],
        "updates": [(18, "Deze maand 30 mensen geholpen.", {"bereikt": 30, "uren": 24})],
    },
    {
        "slug": "muziekles-de-horizon",
        "title": "Muziekles in De Horizon",
        "kind": INIT,
        "wijk": "Westerpark",
        "buurt": "Frederik Hendrikbuurt",
        "themes": ["cultuur", "jeugd"],
        "priorities": ["meedoen"],
        "owner": "initiatiefnemer",
        "colour": (142, 68, 173),
        "shape": "circle",
        "summary": "Gratis gitaar- en drumles voor kinderen uit de buurt.",
        "description": "<p>Muzikanten uit de buurt geven les. Aan het eind van het jaar is er een concert.</p>",
        "needs": [("spullen", "Gitaren", {}), ("geld", "Drumstel", {"amount_wanted": "800.00"})],
        "updates": [],
    },
    {
        "slug": "buurtkeuken-de-wending",
        "title": "Buurtkeuken De Wending",
        "kind": W,
        "wijk": "De Baarsjes",
        "buurt": "Westindische Buurt",
        "themes": ["eten-en-koken", "zorg-en-welzijn"],
        "priorities": ["armoede", "sociaal-isolement"],
        "owner": "beheerder",
        "colour": (192, 57, 43),
        "shape": "house",
        "summary": "Een keuken waar buren koken voor buren, en catering doen voor bedrijven.",
        "description": "<p>Met de catering betalen we de goedkope maaltijden voor de buurt.</p>",
        "earning_model": "Catering voor bedrijven en organisaties in West.",
        "income_coverage_percent": 70,
        "work_experience_places": 3,
        "kvk_number": "76543210",
        "needs": [("mensen", "Koks voor de vrijdag", {"people_wanted": 2})],
        "updates": [
            (22, "Catering voor 120 gasten bij de opening van de bibliotheek.", {"maaltijden": 120})
        ],
    },
    {
        "slug": "moestuinbakken-kinkerbuurt",
        "title": "Moestuinbakken Kinkerbuurt",
        "kind": INIT,
        "wijk": "Oud-West",
        "buurt": "Kinkerbuurt",
        "themes": ["groen", "duurzaamheid"],
        "priorities": ["meedoen"],
        "owner": "initiatiefnemer",
        "colour": (39, 174, 96),
        "shape": "square",
        "summary": "Bakken met kruiden en groente op de stoep, verzorgd door de straat.",
        "description": "<p>Iedere bak heeft een peter of meter.</p>",
        "needs": [("spullen", "Hout voor nieuwe bakken", {})],
        "updates": [],
    },
    {
        "slug": "vrouwengroep-helmersbuurt",
        "title": "Vrouwengroep Helmersbuurt",
        "kind": INIT,
        "wijk": "Oud-West",
        "buurt": "Helmersbuurt",
        "themes": ["ontmoeting", "zorg-en-welzijn"],
        "priorities": ["sociaal-isolement", "meedoen"],
        "owner": "bewoner",
        "colour": (232, 67, 147),
        "shape": "circle",
        "summary": "Elke week samen praten, sporten of een uitstapje maken.",
        "description": "<p>Een veilige plek voor vrouwen uit alle culturen.</p>",
        "needs": [("ruimte", "Een zaal voor sport op vrijdag", {})],
        "updates": [(14, "Uitstapje naar het strand met 25 vrouwen.", {"bereikt": 25})],
    },
    {
        "slug": "klushulp-da-costabuurt",
        "title": "Klushulp Da Costabuurt",
        "kind": INIT,
        "wijk": "Oud-West",
        "buurt": "Da Costabuurt",
        "themes": ["ouderen", "zorg-en-welzijn"],
        "priorities": ["zelfredzaamheid"],
        "owner": "initiatiefnemer",
        "colour": (243, 156, 18),
        "shape": "triangle",
        "summary": "Handige buren helpen ouderen met kleine klussen in huis.",
        "description": "<p>Een lamp ophangen, een kraan vervangen: wij komen langs.</p>",
        "needs": [("mensen", "Klussers", {"people_wanted": 4}), ("spullen", "Een ladder", {})],
        "updates": [
            (28, "Twintig klussen gedaan deze maand.", {"anders:klussen gedaan": 20, "uren": 30})
        ],
    },
    {
        "slug": "buurtbieb-bosleeuw",
        "title": "Buurtbieb Bosleeuw",
        "kind": INIT,
        "wijk": "Bos en Lommer",
        "buurt": "Bosleeuw",
        "themes": ["cultuur", "taal"],
        "priorities": ["meedoen"],
        "owner": "bewoner",
        "colour": (93, 109, 126),
        "shape": "square",
        "summary": "Een kast vol boeken op het plein: neem er een, breng er een.",
        "description": "<p>Ook kinderboeken en boeken in andere talen.</p>",
        "needs": [("spullen", "Kinderboeken", {})],
        "updates": [],
    },
    {
        "slug": "sportmiddag-chassebuurt",
        "title": "Sportmiddag Chassébuurt",
        "kind": INIT,
        "wijk": "De Baarsjes",
        "buurt": "Chassébuurt",
        "themes": ["sport", "jeugd"],
        "priorities": ["meedoen"],
        "owner": "professional",
        "colour": (52, 152, 219),
        "shape": "circle",
        "summary": "Voetbal, basketbal en trefbal op woensdagmiddag op het plein.",
        "description": "<p>Voor kinderen van 8 tot 14 jaar. Ouders zijn welkom.</p>",
        "needs": [("mensen", "Trainers", {"people_wanted": 2})],
        "updates": [(3, "Veertig kinderen op het plein!", {"bereikt": 40, "vrijwilligers": 5})],
    },
    {
        "slug": "flexwerkplaats-houthavens",
        "title": "Flexwerkplaats Houthavens",
        "kind": W,
        "wijk": "Westerpark",
        "buurt": "Houthavens",
        "themes": ["duurzaamheid"],
        "priorities": ["meedoen", "armoede"],
        "owner": "beheerder",
        "colour": (44, 62, 80),
        "shape": "house",
        "summary": "Een werkplaats met gereedschap die je per dagdeel huurt. Buurtbewoners "
        "betalen minder.",
        "description": "<p>Timmeren, lassen, schilderen: alles kan hier.</p>",
        "earning_model": "Verhuur van werkplekken en gereedschap, cursussen.",
        "income_coverage_percent": 85,
        "income_coverage_year": 2025,
        "work_experience_places": 2,
        "needs": [],
        "updates": [(50, "Nieuwe cursus houtbewerken vol.", {"bereikt": 12})],
    },
]


def _image(colour: tuple[int, int, int], shape: str) -> ContentFile:
    image = Image.new("RGB", (800, 533), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 90) for c in colour)
    if shape == "circle":
        draw.ellipse((250, 116, 550, 416), fill=light)
    elif shape == "triangle":
        draw.polygon([(400, 90), (600, 440), (200, 440)], fill=light)
    elif shape == "house":
        draw.rectangle((270, 250, 530, 450), fill=light)
        draw.polygon([(240, 260), (400, 110), (560, 260)], fill=light)
    else:
        draw.rectangle((260, 126, 540, 406), fill=light)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue())


def _owner(ctx: DemoContext, key: str):
    user = ctx.users.get(key) if ctx.users else None
    if user is None:
        user = get_user_model().objects.filter(email=f"{key}@{DEMO_DOMAIN}").first()
    return user


def _figures(update: Update, figures: dict) -> None:
    for key, value in figures.items():
        kind, _sep, label = key.partition(":")
        Cijfer.objects.create(update=update, kind=kind, label=label, value=value)


@demo_step(order=50, label=gettext_lazy("Initiatieven"))
def demo_initiatieven(ctx: DemoContext) -> str:
    now = timezone.now()
    wijken = {w.name: w for w in Wijk.objects.all()}
    themes = {t.code: t for t in Thema.objects.all()}
    priorities = {p.code: p for p in Prioriteit.objects.all()}
    created = 0
    for index, item in enumerate(DEMO):
        wijk = wijken.get(item["wijk"])
        if wijk is None:
            continue
        published = now - timedelta(days=70 - index * 3)
        extra = {
            key: item[key]
            for key in (
                "address",
                "earning_model",
                "income_coverage_percent",
                "income_coverage_year",
                "work_experience_places",
                "kvk_number",
            )
            if key in item
        }
        if item["kind"] == W and "income_coverage_percent" in item:
            extra.setdefault("income_coverage_year", now.year - 1)
        initiatief, was_created = Initiatief.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "summary": item["summary"],
                "description": item["description"],
                "kind": item["kind"],
                "wijk": wijk,
                "buurt": Buurt.objects.filter(wijk=wijk, name=item["buurt"]).first(),
                "status": Initiatief.Status.GEPUBLICEERD,
                "submitted_at": published - timedelta(days=2),
                "published_at": published,
                "last_activity_at": published,
                **extra,
            },
        )
        if not was_created:
            continue
        created += 1
        initiatief.themes.set([themes[c] for c in item["themes"] if c in themes])
        initiatief.priorities.set([priorities[c] for c in item["priorities"] if c in priorities])
        owner = _owner(ctx, item["owner"])
        if owner is not None:
            Eigenaar.objects.get_or_create(
                initiatief=initiatief, user=owner, defaults={"is_creator": True}
            )
        foto = Foto(initiatief=initiatief, alt_text=item["title"], sort_order=0)
        foto.image.save(f"{item['slug']}.jpg", _image(item["colour"], item["shape"]), save=False)
        foto.save()
        for order, (kind, title, values) in enumerate(item["needs"]):
            Behoefte.objects.get_or_create(
                initiatief=initiatief,
                title=title,
                defaults={"kind": kind, "sort_order": order, **values},
            )
        for days_ago, text, figures in item["updates"]:
            update = Update.objects.create(initiatief=initiatief, author=owner, text=text)
            moment = now - timedelta(days=days_ago)
            Update.objects.filter(pk=update.pk).update(created_at=moment)
            _figures(update, figures)
            Initiatief.objects.filter(pk=initiatief.pk, last_activity_at__lt=moment).update(
                last_activity_at=moment
            )
    return f"{created} nieuw, {len(DEMO)} in totaal"
