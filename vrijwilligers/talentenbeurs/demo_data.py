"""Demo step: an upcoming Talentenbeurs (100 residents, 20 tables, scheduled) and a past
edition with outcomes, so the report shows figures.

Idempotent: users are found by e-mail, an event by slug; an event that already exists
is left alone. Users are made with bulk_create and unusable passwords.
"""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from vrijwilligers.skills import Skill

from . import services
from .models import Deelnemer, Gesprek, Soort, Tafel, Talentenbeurs, Uitkomst

RESIDENTS = 100
FIRST_NAMES = [
    "Fatima", "Kees", "Samira", "Jan", "Aylin", "Mohamed", "Priya", "Henk", "Nadia", "Sem",
    "Yasmina", "Bram", "Lina", "Omar", "Ellen", "Rachid", "Noor", "Dewi", "Bilal", "Ans",
]  # fmt: skip
ORGANISATIONS = [
    ("Albert Heijn Jan Evertsenstraat", ["werk", "stage"], ["gastvrouw", "organiseren"]),
    ("Buurtkamer Gibraltar", ["vrijwilligerswerk"], ["koken", "gastvrouw"]),
    ("Mode & Ambacht", ["werk", "opleiding"], ["naaien", "repareren"]),
    ("De FlexFabriek", ["stage", "werk"], ["klussen", "repareren"]),
    ("Kijkduin wijkonderneming", ["vrijwilligerswerk", "stage"], ["tuinieren", "klussen"]),
    ("Bibliotheek Bos en Lommer", ["vrijwilligerswerk"], ["taalmaatje", "computerhulp"]),
    ("Zorgcentrum De Koperen Knoop", ["werk", "opleiding"], ["begeleiden", "schoonmaken"]),
    ("ROC van Amsterdam", ["opleiding"], []),
    ("Woningcorporatie West", ["stage", "werk"], ["administratie", "klussen"]),
    ("Sportclub Westerpark", ["vrijwilligerswerk"], ["sport", "kinderen"]),
    ("Scouting De Baarsjes", ["vrijwilligerswerk"], ["kinderen", "organiseren"]),
    ("Basisschool De Horizon", ["stage", "vrijwilligerswerk"], ["kinderen", "taalmaatje"]),
    ("Repair Café West", ["vrijwilligerswerk"], ["repareren", "computerhulp"]),
    ("Schuldhulp Maatje", ["vrijwilligerswerk", "opleiding"], ["geldzaken", "administratie"]),
    ("Taxi- en vervoersdienst West", ["werk"], ["vervoer"]),
    ("Buurtrestaurant De Tagerijn", ["werk", "stage"], ["koken", "schoonmaken"]),
    ("Fotowerkplaats De Klinker", ["opleiding", "stage"], ["fotografie", "communicatie"]),
    ("Tolkencentrum Amsterdam", ["werk"], ["vertalen"]),
    ("Muziekschool West", ["vrijwilligerswerk", "opleiding"], ["muziek", "kinderen"]),
    ("Schoonmaakbedrijf Schoon West", ["werk"], ["schoonmaken"]),
]
EDITIONS = [
    # slug, title, days from today, outcomes recorded
    ("talentenbeurs-west-voorjaar", gettext_lazy("Talentenbeurs West, voorjaar"), -120, True),
    ("talentenbeurs-west-najaar", gettext_lazy("Talentenbeurs West, najaar"), 30, False),
]


def _users(emails_names: list[tuple[str, str]]) -> dict:
    """Users by e-mail, created in bulk where missing (verified, unusable password)."""
    User = get_user_model()
    emails = [email for email, _name in emails_names]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    missing = [(e, n) for e, n in emails_names if e not in existing]
    if missing:
        unusable = make_password(None)
        User.objects.bulk_create(
            [User(email=e, display_name=n, password=unusable) for e, n in missing]
        )
        users = User.objects.filter(email__in=[e for e, _n in missing])
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users],
            ignore_conflicts=True,
        )
    return {u.email: u for u in User.objects.filter(email__in=emails)}


def _edition(slug, title, date, residents, contacts, organiser, rng) -> Talentenbeurs:
    beurs = Talentenbeurs.objects.create(
        slug=slug,
        title=str(title),
        description=_(
            "Bewoners die (nog) geen werk hebben, praten in korte gesprekken met bedrijven "
            "en organisaties uit West over werk, stage, vrijwilligerswerk en opleiding."
        ),
        date=date,
        location="De Tagerijn, Jan Evertsenstraat, De Baarsjes",
        start_time=datetime.time(13, 0),
        slot_minutes=10,
        slot_count=12,
        max_per_resident=4,
    )
    beurs.organisers.add(organiser)
    skills, kinds = Skill.values, Soort.values
    Deelnemer.objects.bulk_create(
        [
            Deelnemer(
                beurs=beurs,
                user=user,
                talents=rng.sample(skills, rng.randint(1, 4)),
                wishes=rng.sample(kinds, rng.randint(0, 2)),
                # One in five comes only in the first or the second half of the afternoon.
                slots=(
                    list(range(12))
                    if rng.random() > 0.2
                    else rng.choice([[*range(6)], [*range(6, 12)]])
                ),
            )
            for user in residents
        ]
    )
    Tafel.objects.bulk_create(
        [
            Tafel(
                beurs=beurs,
                contact=contact,
                organisation=name,
                offer_kinds=offers,
                sought_talents=talents,
                slots=list(range(12)),
            )
            for contact, (name, offers, talents) in zip(contacts, ORGANISATIONS, strict=True)
        ]
    )
    services.beurs_schedule(beurs=beurs, by=organiser, notify=False)
    return beurs


def _record_outcomes(beurs: Talentenbeurs, organiser, rng) -> None:
    """Plausible outcomes: better matches lead more often to something concrete."""
    now = timezone.now()
    gesprekken = list(beurs.gesprekken.select_related("tafel"))
    for gesprek in gesprekken:
        roll = rng.random()
        if roll < 0.05:
            gesprek.outcome = Uitkomst.AFWEZIG
        elif roll < 0.25 + 0.5 * gesprek.score / 100:
            offers = [o for o in gesprek.tafel.offer_kinds if o != "werk"] + ["baan"] * (
                "werk" in gesprek.tafel.offer_kinds
            )
            gesprek.outcome = rng.choice(offers + [Uitkomst.VERVOLGGESPREK])
        else:
            gesprek.outcome = Uitkomst.GEEN
        gesprek.outcome_by, gesprek.outcome_at = organiser, now
    Gesprek.objects.bulk_update(gesprekken, ["outcome", "outcome_by", "outcome_at"])


@demo_step(order=75, label=gettext_lazy("Talentenbeurs"))
def talentenbeurs(ctx: DemoContext) -> str:
    rng = random.Random(2013)
    residents = _users(
        [
            (f"talent{i:03d}@{DEMO_DOMAIN}", f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {i:03d}")
            for i in range(1, RESIDENTS + 1)
        ]
    )
    contacts = _users(
        [
            (f"organisatie{i:02d}@{DEMO_DOMAIN}", name)
            for i, (name, _o, _t) in enumerate(ORGANISATIONS, 1)
        ]
    )
    organiser = ctx.users.get("professional") or get_user_model().objects.get(
        email=f"professional@{DEMO_DOMAIN}"
    )
    made = []
    today = timezone.localdate()
    for slug, title, days, with_outcomes in EDITIONS:
        if Talentenbeurs.objects.filter(slug=slug).exists():
            continue
        beurs = _edition(
            slug,
            title,
            today + datetime.timedelta(days=days),
            sorted(residents.values(), key=lambda u: u.email),
            sorted(contacts.values(), key=lambda u: u.email),
            organiser,
            rng,
        )
        if with_outcomes:
            _record_outcomes(beurs, organiser, rng)
        made.append(beurs.title)
    return _("%(count)s talentenbeurzen nieuw, %(residents)s bewoners, %(tables)s tafels") % {
        "count": len(made),
        "residents": RESIDENTS,
        "tables": len(ORGANISATIONS),
    }
