"""Demo vacatures, 200 volunteer profiles and a few matches with hours (order 70).

Idempotent: vacatures are found by title, volunteers by e-mail address; running it again
adds nothing. Volunteers are made with bulk_create and cannot log in.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.areas.models import Buurt
from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from vrijwilligers.availability import FULL_MASK
from vrijwilligers.models import Profiel, Reactie, Uren, Vacature
from vrijwilligers.skills import Language, Skill

VOLUNTEERS = 200
FIRST_NAMES = [
    "Ahmed", "Anna", "Bram", "Daan", "Esra", "Fleur", "Hamza", "Ilse", "Jamal", "Joke",
    "Kofi", "Lisa", "Maria", "Mehmet", "Noor", "Olga", "Priya", "Rachid", "Sem", "Tess",
    "Umut", "Vera", "Wim", "Yara", "Zeynep",
]  # fmt: skip
# (title, organisation or None for an initiatief, skills, themes)
VACATURES = [
    ("Meekoken bij de buurtmaaltijd", ["koken", "gastvrouw"], ["eten-en-koken", "ontmoeting"]),
    ("Taalmaatje voor een nieuwe buurtgenoot", ["taalmaatje"], ["taal"]),
    ("Helpen in de buurttuin", ["tuinieren"], ["groen", "duurzaamheid"]),
    ("Computerspreekuur voor ouderen", ["computerhulp"], ["ouderen"]),
    ("Klussen in het buurthuis", ["klussen", "repareren"], ["ontmoeting"]),
    ("Voorlezen aan kinderen", ["kinderen"], ["jeugd", "taal"]),
    ("Chauffeur voor de boodschappenbus", ["vervoer"], ["ouderen", "zorg-en-welzijn"]),
    ("Hulp bij de thuisadministratie", ["administratie", "geldzaken"], ["geldzaken-en-armoede"]),
    ("Repair Café: spullen maken", ["repareren", "naaien"], ["duurzaamheid"]),
    ("Gastvrouw of gastheer in de buurtkamer", ["gastvrouw"], ["ontmoeting"]),
]
ORGANISATIONS = [
    "Buurthuis De Tagerijn", "De Horizon", "Huis van de Buurt De Koperen Knoop",
    "Voedselbank West", "Sportclub West", "Bibliotheek Bos en Lommer",
]  # fmt: skip


def _mask(rng: random.Random, density: float) -> int:
    return sum(1 << bit for bit in range(21) if rng.random() < density) & FULL_MASK


def _users(rng: random.Random) -> list:
    User = get_user_model()
    emails = [f"vrijwilliger{n:03d}@{DEMO_DOMAIN}" for n in range(1, VOLUNTEERS + 1)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=email,
                display_name=f"{rng.choice(FIRST_NAMES)} {email[12:15]}",
                password=unusable,
            )
            for email in emails
            if email not in existing
        ]
    )
    return list(User.objects.filter(email__in=emails).order_by("email"))


def _profiles(rng: random.Random, users, buurten, themes) -> int:
    from buurtkracht.areas.models import Postcode

    have = set(Profiel.objects.filter(user__in=users).values_list("user_id", flat=True))
    postcodes = dict(Postcode.objects.order_by("-code").values_list("buurt_id", "code"))
    new = []
    for index, user in enumerate(users):
        skills = rng.sample(Skill.values, rng.randint(1, 4))
        buurt = rng.choice(buurten)
        profiel = Profiel(
            user=user,
            skills=skills,
            availability_mask=_mask(rng, 0.25),
            buurt=buurt,
            postcode=postcodes.get(buurt.pk, ""),
            max_distance_km=rng.choice([1, 2, 3, 5]),
            languages=["nl"] + rng.sample(Language.values[1:], rng.randint(0, 1)),
            is_beginner=rng.random() < 0.3,
            is_newcomer=rng.random() < 0.1,
            contactable=index % 10 == 0,  # only a few opt in
        )
        rng.sample(themes, 2)  # keep the random sequence the same on a second run
        if user.pk not in have:
            new.append(profiel)
    profielen = Profiel.objects.bulk_create(new)
    links = [
        Profiel.themes.through(profiel_id=p.pk, thema_id=t.pk)
        for p in profielen
        for t in rng.sample(themes, 2)
    ]
    Profiel.themes.through.objects.bulk_create(links, ignore_conflicts=True)
    return len(profielen)


def _vacatures(rng: random.Random, ctx: DemoContext, buurten, themes_by_code) -> list[Vacature]:
    from initiatieven.models import Initiatief

    owner = (
        ctx.users.get("initiatiefnemer")
        or get_user_model().objects.filter(email=f"initiatiefnemer@{DEMO_DOMAIN}").first()
    )
    initiatieven = list(
        Initiatief.objects.filter(status=Initiatief.Status.GEPUBLICEERD)
        .prefetch_related("behoeften", "eigenaarschappen__user")
        .order_by("pk")[:10]
    )
    today = timezone.localdate()
    vacatures = []
    linked_needs: set[int] = set()
    for n in range(40):
        title, skills, themes = VACATURES[n % len(VACATURES)]
        buurt = buurten[n % len(buurten)]
        full_title = f"{title} ({buurt.name})"
        initiatief = initiatieven[n % len(initiatieven)] if initiatieven and n % 3 == 0 else None
        need, vacature_owner = _people_need(initiatief, linked_needs), owner
        if need is not None:
            # The initiatief asks for these people on its page: the vacature fills that need.
            linked_needs.add(need.pk)
            full_title = f"{need.title} – {initiatief.title}"[:120]
            buurt = initiatief.buurt or buurt
            vacature_owner = _creator(initiatief) or owner
        one_off = n % 5 == 0
        vacature, created = Vacature.objects.get_or_create(
            title=full_title,
            defaults={
                "owner": vacature_owner,
                "initiatief": initiatief,
                "behoefte": need,
                "organisation_name": "" if initiatief else ORGANISATIONS[n % len(ORGANISATIONS)],
                "description": f"{title}. Je bent welkom, ook zonder ervaring. We werken samen en "
                "je krijgt uitleg.",
                "tasks": "Je helpt mee, samen met andere buren.",
                "skills": skills,
                "languages": ["ar"] if n % 7 == 0 else [],
                "time_kind": "eenmalig" if one_off else "terugkerend",
                "dates": [today + timedelta(days=7 + n)] if one_off else [],
                "hours_per_week": None if one_off else rng.randint(1, 4),
                "availability_mask": 0 if one_off else _mask(rng, 0.12) or 0b100,
                "wijk": buurt.wijk,
                "buurt": buurt,
                "is_remote": n % 13 == 0,
                "suits_beginners": n % 2 == 0,
                "suits_disability": n % 4 == 0,
                "suits_newcomers": n % 3 == 0,
                "suits_youth": n % 6 == 0,
                "min_age": 18 if n % 8 == 0 else None,
                "places": 1 + n % 3,
                "end_date": today + timedelta(days=60 + n),
            },
        )
        if created:
            vacature.themes.set([themes_by_code[c] for c in themes if c in themes_by_code])
        vacatures.append(vacature)
    return vacatures


def _people_need(initiatief, taken: set[int]):
    """The initiatief's first open "mensen" need that no demo vacature fills yet."""
    if initiatief is None:
        return None
    for need in initiatief.behoeften.all():
        if need.kind == "mensen" and need.status == "open" and need.pk not in taken:
            return need
    return None


def _creator(initiatief):
    for eigenaar in initiatief.eigenaarschappen.all():
        if eigenaar.is_creator:
            return eigenaar.user
    return None


def _matches(vacatures, users) -> int:
    today = timezone.localdate()
    made = 0
    for n, vacature in enumerate(vacatures[:8]):
        volunteer = users[n * 7]
        status = Reactie.Status.GEACCEPTEERD if n % 2 == 0 else Reactie.Status.NIEUW
        reactie, created = Reactie.objects.get_or_create(
            vacature=vacature,
            volunteer=volunteer,
            defaults={
                "message": "Ik doe graag mee. Ik woon om de hoek en heb tijd.",
                "status": status,
                "decided_at": timezone.now() - timedelta(days=20)
                if status == "geaccepteerd"
                else None,
                "outcome_volunteer": "ja" if n == 0 else "",
            },
        )
        if created and reactie.is_accepted:
            Uren.objects.bulk_create(
                [
                    Uren(
                        reactie=reactie,
                        date=today - timedelta(days=3 + 7 * week),
                        hours=Decimal("2.5"),
                        status=Uren.Status.BEVESTIGD if week else Uren.Status.INGEDIEND,
                        confirmed_hours=Decimal("2.5") if week else None,
                        confirmed_at=timezone.now() if week else None,
                    )
                    for week in range(3)
                ]
            )
        made += created
    return made


@demo_step(order=70, label=gettext_lazy("Vacatures en vrijwilligers"))
def demo_vrijwilligers(ctx: DemoContext) -> str:
    from initiatieven.models import Thema

    rng = random.Random(70)
    buurten = list(Buurt.objects.select_related("wijk").order_by("pk"))
    if not buurten:
        return _("geen buurten")
    themes = list(Thema.objects.order_by("code"))
    themes_by_code = {t.code: t for t in themes}
    vacatures = _vacatures(rng, ctx, buurten, themes_by_code)
    users = _users(rng)
    new_profiles = _profiles(rng, users, buurten, themes)
    matches = _matches(vacatures, users)
    return _(
        "%(vacatures)s vacatures, %(users)s vrijwilligers (%(new)s nieuw), %(matches)s nieuwe reacties"
    ) % {
        "vacatures": len(vacatures),
        "users": len(users),
        "new": new_profiles,
        "matches": matches,
    }
