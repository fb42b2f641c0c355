"""Factories shared by every app's tests. App-specific ones live in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from buurtkracht.accounts.models import Membership, Role
from buurtkracht.areas.models import Buurt, Wijk

PASSWORD = "een-lang-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified e-mail address; pass `verified=False` for one without."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bewoner{n}@voorbeeld.nl")
    display_name = factory.Faker("first_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


def wijk(name: str = "De Baarsjes") -> Wijk:
    """A wijk seeded by the areas migration (created here if that seed is missing)."""
    wijk_obj, _ = Wijk.objects.get_or_create(
        name=name,
        defaults={"slug": slugify(name), "latitude": "52.370000", "longitude": "4.860000"},
    )
    return wijk_obj


def buurt_in(wijk_obj: Wijk, index: int = 0) -> Buurt:
    """The buurt at `index` (by name) in a wijk; created when the wijk has fewer."""
    buurten = list(wijk_obj.buurten.order_by("name"))
    while len(buurten) <= index:
        name = f"{wijk_obj.name} buurt {len(buurten) + 1}"
        buurten.append(
            Buurt.objects.create(
                wijk=wijk_obj,
                name=name,
                slug=slugify(name),
                latitude=wijk_obj.latitude,
                longitude=wijk_obj.longitude,
            )
        )
    return buurten[index]


def totp_enable(user) -> None:
    """Set up two-step login (TOTP) for `user`, as allauth does after a valid code."""
    TOTP.activate(user, generate_totp_secret())


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.INSPIRATIETEAM
