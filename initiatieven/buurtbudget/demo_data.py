"""Demo buurtbudget: budgets, agendas, an open round with applications in every state."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.accounts.models import Membership, Role
from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from initiatieven.models import Initiatief, Prioriteit

from . import regie_services, services
from .models import Aanvraag, AgendaPunt, Budget, Ronde, Verantwoording, Voorstel

AGENDA = [
    ("probleem", "Eenzaamheid onder ouderen", "Veel ouderen wonen alleen en zien weinig mensen."),
    ("kans", "Lege binnentuinen", "Binnentuinen die buren samen kunnen vergroenen."),
    ("probleem", "Kinderen zonder zwemdiploma", "Niet elk gezin kan zwemles betalen."),
]

# (state, amount, votes as (member key, choice, motivation))
APPLICATIONS = [
    ("ingediend", "850.00", []),
    ("in_stemming", "1200.00", [("inspiratieteam-lid", "voor", "Sluit goed aan bij de agenda.")]),
    (
        "toegekend",
        "2400.00",
        [
            ("inspiratieteam", "voor", "Veel buren doen mee en het plan is concreet."),
            ("inspiratieteam-lid", "voor", "Goed tegen eenzaamheid."),
            ("bewoner", "tegen", "De huur van de zaal is hoog."),
        ],
    ),
    (
        "afgewezen",
        "4800.00",
        [
            ("inspiratieteam", "tegen", "Dit past beter bij een fonds voor evenementen."),
            ("inspiratieteam-lid", "tegen", "Te weinig buren betrokken."),
            ("bewoner", "voor", "Leuk idee."),
        ],
    ),
    (
        "te_laat",
        "600.00",
        [
            ("inspiratieteam", "voor", "Klein bedrag, groot bereik."),
            ("inspiratieteam-lid", "voor", "Prima plan."),
            ("bewoner", "onthouding", "Geen mening."),
        ],
    ),
]


def _user(key: str):
    # Fresh from the database, so the roles cached on a user object are current.
    return get_user_model().objects.filter(email=f"{key}@{DEMO_DOMAIN}").first()


def _seat(user, role: str, *, wijk=None, buurt=None, chair: bool = False, title: str = ""):
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, wijk=wijk, buurt=buurt, defaults={"title": title}
    )
    chair_free = not Membership.objects.filter(role=role, wijk=wijk, is_chair=True).exists()
    if chair and not membership.is_chair and chair_free:
        membership.is_chair = True
        membership.save(update_fields=["is_chair"])


@demo_step(order=55, label=gettext_lazy("Buurtbudget"))
def demo_buurtbudget(ctx: DemoContext) -> str:
    today = timezone.localdate()
    year = today.year
    for buurt in Buurt.objects.all():
        Budget.objects.get_or_create(
            buurt=buurt, year=year, defaults={"amount": Decimal("40000.00"), "small_percent": 30}
        )
    ronde, _created = Ronde.objects.get_or_create(
        title=_("Ronde kleine initiatieven %(year)s") % {"year": year},
        defaults={
            "year": year,
            "opens_on": today - datetime.timedelta(days=30),
            "closes_on": today + datetime.timedelta(days=60),
        },
    )
    if not ronde.is_open(today):
        ronde.opens_on = min(ronde.opens_on, today)
        ronde.closes_on = max(ronde.closes_on, today)
        ronde.save(update_fields=["opens_on", "closes_on"])

    summary = [_("budgetten voor %(n)s buurten") % {"n": Buurt.objects.count()}]
    summary.append(_voorstel(year))

    initiatieven = list(
        Initiatief.objects.filter(
            status__in=Initiatief.PUBLIC_STATUSES, buurt__isnull=False
        ).order_by("pk")[: len(APPLICATIONS)]
    )
    if not initiatieven:
        summary.append(_("geen aanvragen: er zijn nog geen initiatieven"))
        return ", ".join(summary)
    summary.append(_applications(ronde, initiatieven, today))
    return ", ".join(summary)


def _agenda(buurt, user) -> list[AgendaPunt]:
    punten = []
    for kind, title, description in AGENDA:
        punt, _created = AgendaPunt.objects.get_or_create(
            buurt=buurt,
            title=title,
            defaults={"kind": kind, "description": description, "created_by": user},
        )
        punten.append(punt)
    return punten


def _voorstel(year: int) -> str:
    buurt = Buurt.objects.filter(slug="van-galenbuurt").select_related("wijk").first()
    proposer, reviewer = _user("regiegroep"), _user("professional")
    if buurt is None or proposer is None or reviewer is None:
        return _("geen voorstel: regiegroep of professional ontbreekt")
    _seat(reviewer, Role.PROFESSIONAL, wijk=buurt.wijk, title=_("buurtcoördinator"))
    reviewer = _user("professional")
    punten = _agenda(buurt, reviewer)
    title = _("Speelplein Van Galenbuurt opknappen")
    if not Voorstel.objects.filter(buurt=buurt, year=year, title=title).exists():
        voorstel = regie_services.voorstel_submit(
            user=proposer,
            buurt=buurt,
            year=year,
            title=title,
            description=_("Nieuwe bankjes en een schaduwdoek, zodat ouders en kinderen blijven."),
            amount=Decimal("12500.00"),
            lines=[
                services.Line(_("Bankjes"), Decimal("4500.00")),
                services.Line(_("Schaduwdoek"), Decimal("8000.00")),
            ],
            agendapunt=punten[0],
        )
        regie_services.voorstel_review(
            user=reviewer,
            voorstel=voorstel,
            approve=True,
            reason=_("Geen overlap met bestaande contracten; past in het beleid voor speelruimte."),
        )
    return _("1 voorstel van de regiegroep")


def _applications(ronde: Ronde, initiatieven: list, today) -> str:
    member_keys = ("inspiratieteam", "inspiratieteam-lid", "bewoner")
    professional = _user("professional")
    prioriteit = Prioriteit.objects.filter(code="sociaal-isolement").first()
    made = 0
    for index, (state, amount, votes) in enumerate(APPLICATIONS):
        initiatief = initiatieven[index % len(initiatieven)]
        wijk = Wijk.objects.get(pk=initiatief.wijk_id)
        for key in member_keys:
            user = _user(key)
            if user is not None:
                _seat(user, Role.INSPIRATIETEAM, wijk=wijk, chair=key == "inspiratieteam")
        if professional is not None:
            _agenda(initiatief.buurt, professional)
        eigenaar = (
            initiatief.eigenaarschappen.select_related("user")
            .order_by("-is_creator", "added_at")
            .first()
        )
        if eigenaar is None:
            continue
        owner = eigenaar.user
        if Aanvraag.objects.filter(ronde=ronde, initiatief=initiatief, amount=amount).exists():
            continue
        ends = today + datetime.timedelta(days=45)
        if state == "te_laat":
            ends = today - datetime.timedelta(weeks=services.REPORT_WEEKS + 2)
        aanvraag = services.aanvraag_submit(
            user=owner,
            initiatief=initiatief,
            ronde=ronde,
            amount=Decimal(amount),
            lines=[
                services.Line(_("Boodschappen en materiaal"), Decimal(amount) - Decimal("100")),
                services.Line(_("Drukwerk en flyers"), Decimal("100")),
            ],
            plan=_("Elke week een buurtmaaltijd in de buurtkamer, gekookt door buren."),
            expected_results=_("Dertig buren eten samen en leren elkaar kennen."),
            activity_ends_on=ends,
            agendapunt=AgendaPunt.objects.filter(buurt=initiatief.buurt).first(),
            prioriteit=prioriteit,
        )
        for key, choice, motivation in votes:
            voter = _user(key)
            if voter is None or initiatief.owners.filter(pk=voter.pk).exists():
                continue
            services.stem_cast(user=voter, aanvraag=aanvraag, choice=choice, motivation=motivation)
        made += 1
    # Show one granted application already accounted for, next to the late one.
    granted = (
        Aanvraag.objects.filter(ronde=ronde, status=Aanvraag.Status.TOEGEKEND)
        .exclude(report_due_on__lt=today)
        .first()
    )
    if granted is not None and not Verantwoording.objects.filter(aanvraag=granted).exists():
        services.verantwoording_submit(
            user=granted.applicant or granted.initiatief.owners.first(),
            aanvraag=granted,
            spent=granted.amount - Decimal("35.50"),
            result=_("Twaalf maaltijden, gemiddeld 28 buren per keer."),
            story=_("Een buurvrouw die nooit buiten kwam, kookt nu zelf mee."),
            figures=_("12 maaltijden, 28 gasten gemiddeld, 9 vrijwilligers"),
        )
    return _("%(n)s nieuwe aanvragen") % {"n": made}
