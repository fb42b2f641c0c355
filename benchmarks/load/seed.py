"""Seed a large district for the load test, fast: bulk inserts, no per-row services.

    python benchmarks/load/seed.py CATALOGUE.json     (run by run.py after seed_demo)

Adds on top of the demo content: 10,000 published initiatives spread over the wijken,
buurten and themes, each with 1-3 needs (and a third with updates and figures);
2,000 owners; 10,000 volunteers with verified e-mail addresses and a volunteer profile
(skills, talents, themes, availability, buurt, languages); 1,000 open vacatures that
fill initiatives' "mensen" needs; 40 locations with 200 rooms, opening hours and a
month of bookings (this week and the four after it). Rows go in with ``bulk_create``:
the services' side effects (mail, search indexing) are not wanted here, and the search
index is rebuilt afterwards in one go. Resident text is plain and fixed, so the
cleaning that ``save()`` does is not needed.

Writes CATALOGUE.json: what the URL mix picks from (slugs, room ids, weeks, wijken).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import date, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.load.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from buurtkracht.areas.models import Buurt, Postcode, Wijk  # noqa: E402
from initiatieven.models import (  # noqa: E402
    Behoefte,
    Cijfer,
    Eigenaar,
    Initiatief,
    Prioriteit,
    Thema,
    Update,
)
from ruimtes.models import (  # noqa: E402
    Boeking,
    BookerType,
    Locatie,
    Openingstijd,
    Ruimte,
    Voorziening,
)
from ruimtes.timeutil import local_datetime, week_start  # noqa: E402
from vrijwilligers.availability import FULL_MASK  # noqa: E402
from vrijwilligers.models import Profiel, Vacature  # noqa: E402
from vrijwilligers.skills import Language, Skill  # noqa: E402

N_INITIATIVES = 10_000
N_OWNERS = 2_000
N_VOLUNTEERS = 10_000
N_VACATURES = 1_000
N_LOCATIONS = 40
ROOMS_PER_LOCATION = 5
BATCH = 2_000
DOMAIN = "bench.buurtkracht.invalid"

ACTIVITIES = [
    ("Moestuin", ["groen", "duurzaamheid"]),
    ("Taalcafé", ["taal", "ontmoeting"]),
    ("Buurtmaaltijd", ["eten-en-koken", "ontmoeting"]),
    ("Repair Café", ["duurzaamheid"]),
    ("Huiswerkklas", ["jeugd", "taal"]),
    ("Koffieochtend voor ouderen", ["ouderen", "ontmoeting"]),
    ("Wandelgroep", ["sport", "zorg-en-welzijn"]),
    ("Kledingbank", ["geldzaken-en-armoede"]),
    ("Voorleesuurtje", ["jeugd", "cultuur"]),
    ("Buurtkoor", ["cultuur", "ontmoeting"]),
    ("Zwerfvuilploeg", ["groen", "veiligheid"]),
    ("Geldzakenspreekuur", ["geldzaken-en-armoede", "zorg-en-welzijn"]),
    ("Computerles", ["ouderen", "taal"]),
    ("Voetbal op het plein", ["sport", "jeugd"]),
    ("Naaiatelier", ["cultuur", "duurzaamheid"]),
    ("Energiecoaches", ["duurzaamheid", "geldzaken-en-armoede"]),
]
PLACES = [
    "op het plein", "in de buurtkamer", "bij de bibliotheek", "in het park", "in de school",
    "om de hoek", "in het buurthuis", "aan de gracht", "in de binnentuin", "bij de markt",
]  # fmt: skip
SENTENCES = [
    "Iedereen uit de buurt is welkom, ook als je nog niemand kent.",
    "We beginnen klein en groeien met wie er mee wil doen.",
    "Buren helpen elkaar en leren van elkaar.",
    "Je hoeft geen ervaring te hebben: we leggen alles uit.",
    "Elke week komen er nieuwe mensen bij.",
    "Samen maken we de buurt een beetje mooier.",
    "Kinderen, ouders en ouderen doen samen mee.",
    "We zoeken nog mensen die een paar uur per week willen helpen.",
]
NEED_TITLES = {
    "mensen": "Vrijwilligers die meehelpen",
    "ruimte": "Een ruimte voor onze bijeenkomsten",
    "geld": "Geld voor materiaal",
    "spullen": "Tafels, stoelen en gereedschap",
}
TALENTS = ["bakken", "fotograferen", "gitaar spelen", "fietsen maken", "breien", "websites"]
FIRST_NAMES = [
    "Ahmed", "Anna", "Bram", "Daan", "Esra", "Fleur", "Hamza", "Ilse", "Jamal", "Joke",
    "Kofi", "Lisa", "Maria", "Mehmet", "Noor", "Olga", "Priya", "Rachid", "Sem", "Tess",
]  # fmt: skip
LOCATION_KINDS = [Locatie.Kind.MFC, Locatie.Kind.HUIS_VAN_DE_BUURT, Locatie.Kind.BUURTKAMER]
ROOM_NAMES = ["Grote zaal", "Leslokaal", "Keuken", "Vergaderkamer", "Atelier"]
SLOTS = [(9, 11), (12, 13), (14, 16), (17, 18), (19, 21)]  # gaps hold any cleaning buffer


def _mask(rng: random.Random, density: float) -> int:
    return sum(1 << bit for bit in range(21) if rng.random() < density) & FULL_MASK


def _jitter(value, rng: random.Random) -> Decimal:
    return (Decimal(value) + Decimal(rng.randint(-300, 300)) / Decimal(100_000)).quantize(
        Decimal("0.000001")
    )


def _users(prefix: str, count: int, rng: random.Random, buurten) -> list:
    User = get_user_model()
    unusable = make_password(None)
    users = []
    for n in range(count):
        buurt = rng.choice(buurten)
        users.append(
            User(
                email=f"{prefix}{n:05d}@{DOMAIN}",
                display_name=f"{rng.choice(FIRST_NAMES)} {prefix[:1].upper()}{n}",
                password=unusable,
                home_wijk_id=buurt.wijk_id,
            )
        )
    users = User.objects.bulk_create(users, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=BATCH,
    )
    return users


def seed_people(rng, buurten, themes) -> tuple[list, list]:
    owners = _users("bewoner", N_OWNERS, rng, buurten)
    volunteers = _users("vrijwilliger", N_VOLUNTEERS, rng, buurten)
    postcodes = dict(Postcode.objects.order_by("-code").values_list("buurt_id", "code"))
    profielen = []
    for user in volunteers:
        buurt = rng.choice(buurten)
        profielen.append(
            Profiel(
                user=user,
                skills=rng.sample(Skill.values, rng.randint(1, 4)),
                talents=rng.sample(TALENTS, rng.randint(0, 2)),
                availability_mask=_mask(rng, 0.25),
                buurt=buurt,
                postcode=postcodes.get(buurt.pk, ""),
                max_distance_km=rng.choice([1, 2, 3, 5]),
                languages=["nl"] + rng.sample(Language.values[1:], rng.randint(0, 1)),
                is_beginner=rng.random() < 0.3,
                is_newcomer=rng.random() < 0.1,
                contactable=rng.random() < 0.1,
            )
        )
    profielen = Profiel.objects.bulk_create(profielen, batch_size=BATCH)
    Profiel.themes.through.objects.bulk_create(
        [
            Profiel.themes.through(profiel_id=p.pk, thema_id=t.pk)
            for p in profielen
            for t in rng.sample(themes, 2)
        ],
        batch_size=5 * BATCH,
    )
    return owners, volunteers


def seed_initiatives(rng, buurten, themes, owners) -> list[Initiatief]:
    by_code = {t.code: t for t in themes}
    priorities = list(Prioriteit.objects.all())
    now = timezone.now()
    rows, theme_codes = [], []
    for n in range(N_INITIATIVES):
        activity, codes = ACTIVITIES[n % len(ACTIVITIES)]
        buurt = rng.choice(buurten)
        title = f"{activity} {rng.choice(PLACES)} ({buurt.name})"[:120]
        published = now - timedelta(days=rng.randint(0, 730), minutes=n)
        wijkonderneming = n % 10 == 0
        rows.append(
            Initiatief(
                title=title,
                slug=f"{slugify(title)[:120]}-{n}",
                summary=f"{activity} {rng.choice(PLACES)}: {rng.choice(SENTENCES)}"[:200],
                description="".join(f"<p>{s}</p>" for s in rng.sample(SENTENCES, 3)),
                kind=Initiatief.Kind.WIJKONDERNEMING if wijkonderneming else "initiatief",
                status="afgerond" if n % 20 == 0 else Initiatief.Status.GEPUBLICEERD,
                wijk_id=buurt.wijk_id,
                buurt=buurt,
                latitude=_jitter(buurt.latitude, rng) if buurt.latitude else None,
                longitude=_jitter(buurt.longitude, rng) if buurt.longitude else None,
                earning_model="Verhuur en verkoop in de buurt." if wijkonderneming else "",
                income_coverage_percent=rng.randint(10, 90) if wijkonderneming else None,
                income_coverage_year=2025 if wijkonderneming else None,
                submitted_at=published - timedelta(days=3),
                published_at=published,
                last_activity_at=published + timedelta(days=rng.randint(0, 60)),
            )
        )
        extra = [c for c in by_code if c not in codes]
        theme_codes.append(codes + rng.sample(extra, rng.randint(0, 1)))
    initiatieven = Initiatief.objects.bulk_create(rows, batch_size=BATCH)
    Initiatief.themes.through.objects.bulk_create(
        [
            Initiatief.themes.through(initiatief_id=i.pk, thema_id=by_code[c].pk)
            for i, codes in zip(initiatieven, theme_codes, strict=True)
            for c in codes
            if c in by_code
        ],
        batch_size=5 * BATCH,
    )
    Initiatief.priorities.through.objects.bulk_create(
        [
            Initiatief.priorities.through(initiatief_id=i.pk, prioriteit_id=p.pk)
            for i in initiatieven
            for p in rng.sample(priorities, rng.randint(0, 2))
        ],
        batch_size=5 * BATCH,
    )
    Eigenaar.objects.bulk_create(
        [
            Eigenaar(initiatief=i, user=owners[n % len(owners)], is_creator=True)
            for n, i in enumerate(initiatieven)
        ],
        batch_size=BATCH,
    )
    needs = []
    for i in initiatieven:
        for kind in rng.sample(list(NEED_TITLES), rng.randint(1, 3)):
            needs.append(
                Behoefte(
                    initiatief=i,
                    kind=kind,
                    title=NEED_TITLES[kind],
                    description=rng.choice(SENTENCES),
                    people_wanted=rng.randint(1, 6) if kind == "mensen" else None,
                    amount_wanted=Decimal(rng.randint(1, 40) * 25) if kind == "geld" else None,
                    status="vervuld" if rng.random() < 0.1 else "open",
                )
            )
    Behoefte.objects.bulk_create(needs, batch_size=BATCH)
    updates = []
    for n, i in enumerate(initiatieven):
        if n % 3 == 0:
            for _ in range(rng.randint(1, 3)):
                updates.append(
                    Update(initiatief=i, author=owners[n % len(owners)], text=rng.choice(SENTENCES))
                )
    updates = Update.objects.bulk_create(updates, batch_size=BATCH)
    Cijfer.objects.bulk_create(
        [Cijfer(update=u, kind="bereikt", value=rng.randint(5, 80)) for u in updates],
        batch_size=BATCH,
    )
    return initiatieven


def seed_vacatures(rng, themes) -> int:
    by_code = {t.code: t for t in themes}
    needs = (
        Behoefte.objects.filter(kind="mensen", status="open", initiatief__slug__regex=r"-\d+$")
        .select_related("initiatief__buurt")
        .prefetch_related("initiatief__eigenaarschappen", "initiatief__themes")
        .order_by("pk")[:N_VACATURES]
    )
    today = timezone.localdate()
    rows, theme_lists = [], []
    for n, need in enumerate(needs):
        initiatief = need.initiatief
        skill_codes = rng.sample(Skill.values, rng.randint(1, 2))
        rows.append(
            Vacature(
                initiatief=initiatief,
                behoefte=need,
                owner_id=initiatief.eigenaarschappen.all()[0].user_id,
                title=f"{Skill(skill_codes[0]).label} bij {initiatief.title}"[:120],
                description=f"{rng.choice(SENTENCES)} {rng.choice(SENTENCES)}",
                tasks="Je helpt mee, samen met andere buren.",
                skills=skill_codes,
                time_kind="terugkerend",
                hours_per_week=rng.randint(1, 4),
                availability_mask=_mask(rng, 0.15) or 0b100,
                wijk_id=initiatief.wijk_id,
                buurt=initiatief.buurt,
                suits_beginners=n % 2 == 0,
                suits_newcomers=n % 3 == 0,
                suits_youth=n % 6 == 0,
                places=need.people_wanted or 1,
                end_date=today + timedelta(days=rng.randint(30, 180)),
            )
        )
        theme_lists.append([t.code for t in initiatief.themes.all()])
    vacatures = Vacature.objects.bulk_create(rows, batch_size=BATCH)
    Vacature.themes.through.objects.bulk_create(
        [
            Vacature.themes.through(vacature_id=v.pk, thema_id=by_code[c].pk)
            for v, codes in zip(vacatures, theme_lists, strict=True)
            for c in codes
        ],
        batch_size=5 * BATCH,
    )
    return len(vacatures)


def seed_rooms(rng, wijken, bookers, monday: date) -> int:
    facilities = list(Voorziening.objects.all())
    locaties = []
    for n in range(N_LOCATIONS):
        wijk = wijken[n % len(wijken)]
        kind = LOCATION_KINDS[n % len(LOCATION_KINDS)]
        name = f"{kind.label} {wijk.name} {n + 1}"
        locaties.append(
            Locatie(
                kind=kind,
                name=name,
                slug=f"bench-{slugify(name)}",
                address=f"Buurtstraat {n + 1}",
                wijk=wijk,
                latitude=Decimal("52.3700") + Decimal(n) / 1000,
                longitude=Decimal("4.8600") + Decimal(n) / 1000,
                description=rng.choice(SENTENCES),
                step_free=n % 2 == 0,
                accessible_toilet=n % 3 == 0,
                lift=n % 4 == 0,
                approval_required=n % 5 == 0,
            )
        )
    locaties = Locatie.objects.bulk_create(locaties)
    hours = []
    for locatie in locaties:
        days = range(4) if locatie.kind == Locatie.Kind.BUURTKAMER else range(6)
        for day in days:
            closes = clock(17) if day == 5 or locatie.kind == Locatie.Kind.BUURTKAMER else clock(22)
            hours.append(
                Openingstijd(locatie=locatie, weekday=day, opens_at=clock(9), closes_at=closes)
            )
    Openingstijd.objects.bulk_create(hours)
    rooms = []
    for locatie in locaties:
        for r, name in enumerate(ROOM_NAMES[:ROOMS_PER_LOCATION]):
            rooms.append(
                Ruimte(
                    locatie=locatie,
                    name=name,
                    capacity=[60, 16, 12, 10, 20][r],
                    floor_area=[100, 35, 30, 25, 40][r],
                    buffer_minutes=[30, 0, 30, 0, 15][r],
                    hourly_rate=Decimal([60, 20, 25, 15, 20][r]),
                )
            )
    rooms = Ruimte.objects.bulk_create(rooms)
    Ruimte.voorzieningen.through.objects.bulk_create(
        [
            Ruimte.voorzieningen.through(ruimte_id=room.pk, voorziening_id=v.pk)
            for room in rooms
            for v in rng.sample(facilities, min(len(facilities), rng.randint(1, 3)))
        ]
    )
    open_days = {loc.pk: {h.weekday: h.closes_at.hour for h in hours if h.locatie_id == loc.pk}
                 for loc in locaties}  # fmt: skip
    bookings = []
    for room in rooms:
        for offset in range(35):  # this week and the four after it
            day = monday + timedelta(days=offset)
            closes = open_days[room.locatie.pk].get(day.weekday())
            if closes is None:
                continue
            for start, end in SLOTS:
                if end > closes or rng.random() > 0.45:
                    continue
                starts_at = local_datetime(day, clock(start))
                ends_at = local_datetime(day, clock(end))
                confirmed = rng.random() < 0.85
                bookings.append(
                    Boeking(
                        ruimte=room,
                        booker=rng.choice(bookers),
                        starts_at=starts_at,
                        ends_at=ends_at,
                        blocked_until=ends_at + room.buffer,
                        title=rng.choice(ACTIVITIES)[0],
                        title_is_public=rng.random() < 0.5,
                        expected_people=rng.randint(2, room.capacity),
                        booker_type=BookerType.BEWONERSINITIATIEF,
                        status=Boeking.Status.BEVESTIGD if confirmed else "aangevraagd",
                    )
                )
    Boeking.objects.bulk_create(bookings, batch_size=BATCH)
    return len(bookings)


def main(catalogue_path: Path) -> None:
    rng = random.Random(20_26)
    started = time.monotonic()
    wijken = list(Wijk.objects.order_by("pk"))
    buurten = list(Buurt.objects.order_by("pk"))
    themes = list(Thema.objects.order_by("pk"))
    monday = week_start(timezone.localdate())
    counts = {}
    with transaction.atomic():
        owners, volunteers = seed_people(rng, buurten, themes)
        counts["users"] = len(owners) + len(volunteers)
        counts["initiatieven"] = len(seed_initiatives(rng, buurten, themes, owners))
        counts["vacatures"] = seed_vacatures(rng, themes)
        counts["boekingen"] = seed_rooms(rng, wijken, volunteers, monday)
    public = Initiatief.objects.filter(status__in=Initiatief.PUBLIC_STATUSES, is_hidden=False)
    catalogue = {
        "initiatieven": list(public.values_list("slug", flat=True)),
        "ruimtes": list(Ruimte.objects.filter(is_bookable=True).values_list("pk", flat=True)),
        "weeks": [(monday + timedelta(weeks=w)).isoformat() for w in range(5)],
        "wijken": [w.slug for w in wijken],
        "themes": [t.code for t in themes],
        "counts": {
            **counts,
            "initiatieven_public": public.count(),
            "ruimtes": Ruimte.objects.count(),
            "vacatures_open": Vacature.objects.open().count(),
            "profielen": Profiel.objects.count(),
        },
        "seconds": round(time.monotonic() - started, 1),
    }
    catalogue_path.write_text(json.dumps(catalogue))
    print(
        f"Seeded {counts} in {catalogue['seconds']} s "
        f"({len(catalogue['ruimtes'])} bookable rooms in all)."
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
