"""Demo donations: a funding goal on two demo initiatieven, with a few paid donations."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy

from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from initiatieven.donaties.models import Donatie, Doneerdoel
from initiatieven.models import Behoefte

# (initiatief slug, what the money pays for, days left, donations as
#  (name or "", cents, show amount, message, days ago, Stripe fee in cents))
GOALS = [
    (
        "voedseltuin-westerpark",
        "Zaden, potgrond en een regenton, zodat we in maart kunnen zaaien.",
        45,
        [
            ("Bakkerij De Korenaar", 5000, True, "Voor een mooie oogst!", 9, 29),
            ("", 1000, False, "", 6, 29),
            ("Marieke", 2500, True, "Ik kom zaterdag helpen.", 3, 29),
            ("Yusuf", 1250, False, "", 1, None),
        ],
    ),
    (
        "buurtkamer-gibraltar",
        "Een zuinige koelkast voor de maaltijd op donderdag.",
        None,
        [("Henk", 2000, True, "Veel succes met de buurtkamer.", 4, 29)],
    ),
]


@demo_step(order=56, label=gettext_lazy("Donaties"))
def demo_donaties(ctx: DemoContext) -> str:
    made = 0
    today = timezone.localdate()
    now = timezone.now()
    for slug, purpose, days_left, donations in GOALS:
        behoefte = (
            Behoefte.objects.filter(
                initiatief__slug=slug, kind=Behoefte.Kind.GELD, amount_wanted__isnull=False
            )
            .select_related("initiatief")
            .first()
        )
        if behoefte is None or Doneerdoel.objects.filter(behoefte=behoefte).exists():
            continue  # idempotent: a second run adds nothing
        doel = Doneerdoel.objects.create(
            behoefte=behoefte,
            initiatief=behoefte.initiatief,
            purpose=purpose,
            deadline=today + timedelta(days=days_left) if days_left else None,
        )
        for index, (name, cents, show, message, days_ago, fee) in enumerate(donations):
            paid_at = now - timedelta(days=days_ago)
            Donatie.objects.create(
                doel=doel,
                initiatief=doel.initiatief,
                amount_cents=cents,
                status=Donatie.Status.BETAALD,
                name=name,
                is_anonymous=not name,
                show_amount=show,
                message=message,
                email=f"donateur{index + 1}.{slug}@{DEMO_DOMAIN}",
                paid_at=paid_at,
                fee_cents=fee,
                summary_sent_at=paid_at,  # the owners need no mail about demo gifts
            )
            made += 1
    return f"{made} donaties"
