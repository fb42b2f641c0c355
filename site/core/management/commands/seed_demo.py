"""`manage.py seed_demo`: demo content for Amsterdam West, safe to run again.

The command runs a list of steps in order. Steps live in a module `demo_data.py` in any
installed app and register themselves, so later apps (initiatieven, ruimtes,
vrijwilligers) add their demo content without this module knowing them:

    # initiatieven/demo_data.py
    from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_step

    @demo_step(order=50, label="Initiatieven")
    def initiatieven(ctx: DemoContext) -> str:
        owner = ctx.users["initiatiefnemer"]
        ...                      # get_or_create / update_or_create only
        return "3 initiatieven"  # shown after the label

Ordering: 10 areas, 20 users, 30 pages and settings; later apps use 50 and up.
Each step must be idempotent: running the command twice creates no duplicates.
"""

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtkracht.accounts import roles
from buurtkracht.accounts.models import Membership, Role
from buurtkracht.areas.models import Buurt, Wijk

DEMO_DOMAIN = "demo.buurtkracht.nl"
# Only ever set with DEBUG on: anyone reading this file knows it.
DEBUG_PASSWORD = "buurtkracht-demo"


@dataclass
class DemoContext:
    """What steps share: the users by role and where to write progress."""

    debug: bool
    password: str | None
    users: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DemoStep:
    order: int
    label: str
    run: Callable[[DemoContext], str | None]


_STEPS: dict[str, DemoStep] = {}


def demo_step(*, order: int, label: str):
    """Register a function `(ctx) -> summary | None` as a step (keyed by its qualified name)."""

    def register(function):
        key = f"{function.__module__}.{function.__qualname__}"
        _STEPS[key] = DemoStep(order=order, label=label, run=function)
        return function

    return register


def demo_steps() -> list[DemoStep]:
    autodiscover_modules("demo_data")
    return sorted(_STEPS.values(), key=lambda step: (step.order, step.label))


# --- Users: one per role ----------------------------------------------------------------

# key: (display name, site-wide groups, scoped role or None, home wijk)
DEMO_USERS = {
    "bewoner": ("Fatima (bewoner)", [], None, "De Baarsjes"),
    "initiatiefnemer": ("Kees (initiatiefnemer)", [], None, "Bos en Lommer"),
    "beheerder": ("Ingrid (beheerder De Tagerijn)", [roles.BEHEERDER], None, "De Baarsjes"),
    "inspiratieteam": ("Mohamed (voorzitter inspiratieteam)", [], "chair", "De Baarsjes"),
    "inspiratieteam-lid": ("Sanne (inspiratieteam)", [], "member", "De Baarsjes"),
    "regiegroep": ("Anouk (regiegroep)", [], "regiegroep", "De Baarsjes"),
    "professional": ("Youssef (sociaal makelaar)", [], "professional", "Bos en Lommer"),
    "moderator": ("Lotte (moderator)", [roles.MODERATOR], None, "Oud-West"),
    "redactie": ("Pieter (redactie)", [roles.REDACTIE], None, "Westerpark"),
    "beheer": ("Beheer Buurtkracht", [roles.BEHEER], None, None),
}


def _membership(user, role: str, *, wijk=None, buurt=None, is_chair=False, title=""):
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, wijk=wijk, buurt=buurt, defaults={"title": title}
    )
    if is_chair and not membership.is_chair:
        # One chair per panel: only take the seat when it is free.
        taken = Membership.objects.filter(role=role, wijk=wijk, is_chair=True).exists()
        if not taken:
            membership.is_chair = True
            membership.save(update_fields=["is_chair"])
    return membership


@demo_step(order=20, label=gettext_lazy("Gebruikers per rol"))
def demo_users(ctx: DemoContext) -> str:
    User = get_user_model()
    wijken = {wijk.name: wijk for wijk in Wijk.objects.all()}
    created_count = 0
    for key, (display_name, group_names, scope, home_wijk) in DEMO_USERS.items():
        email = f"{key}@{DEMO_DOMAIN}"
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"display_name": display_name, "home_wijk": wijken.get(home_wijk)},
        )
        if created:
            created_count += 1
        if created or ctx.debug:
            # Outside DEBUG a new account gets a random password nobody sees (reset by e-mail).
            user.set_password(ctx.password or secrets.token_urlsafe(24))
        if key == "beheer":
            user.is_staff = user.is_superuser = True
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"primary": True, "verified": True}
        )
        for name in group_names:
            group, _created = Group.objects.get_or_create(name=name)
            user.groups.add(group)
        if scope in ("chair", "member"):
            _membership(
                user, Role.INSPIRATIETEAM, wijk=wijken["De Baarsjes"], is_chair=scope == "chair"
            )
        elif scope == "regiegroep":
            _membership(user, Role.REGIEGROEP, buurt=Buurt.objects.get(slug="van-galenbuurt"))
        elif scope == "professional":
            _membership(
                user, Role.PROFESSIONAL, wijk=wijken["Bos en Lommer"], title=_("sociaal makelaar")
            )
        ctx.users[key] = user
    return _("%(total)s gebruikers, %(new)s nieuw") % {
        "total": len(DEMO_USERS),
        "new": created_count,
    }


class Command(BaseCommand):
    help = gettext_lazy(
        "Vul de site met voorbeeldinhoud voor Amsterdam West. Je kunt dit vaker draaien."
    )

    def handle(self, *args, **options):
        # Wagtail logs every page it creates; keep the progress lines readable.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        if options["verbosity"] < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            self._seed()
        finally:
            wagtail_logger.setLevel(level)

    def _seed(self):
        debug = settings.DEBUG
        ctx = DemoContext(debug=debug, password=DEBUG_PASSWORD if debug else None)
        steps = demo_steps()
        width = len(str(len(steps)))
        for number, step in enumerate(steps, start=1):
            self.stdout.write(f"[{number:>{width}}/{len(steps)}] {step.label} …", ending="")
            self.stdout.flush()
            with transaction.atomic():
                summary = step.run(ctx)
            self.stdout.write(
                self.style.SUCCESS(f" {_('klaar')}") + (f": {summary}" if summary else "")
            )

        self.stdout.write("")
        self.stdout.write(_("Demo-accounts:"))
        for key, user in ctx.users.items():
            self.stdout.write(f"  {key:<20} {user.email}")
        if debug:
            self.stdout.write(
                _("Wachtwoord voor alle demo-accounts: %(password)s") % {"password": DEBUG_PASSWORD}
            )
            self.stdout.write(
                _(
                    "Beheerders stellen bij hun eerste bezoek aan /admin/ inloggen in twee "
                    "stappen in."
                )
            )
        else:
            self.stdout.write(
                _(
                    "DEBUG staat uit: wachtwoorden worden niet getoond. Vraag een nieuw "
                    "wachtwoord aan via 'Wachtwoord vergeten'."
                )
            )
