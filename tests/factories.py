"""Factories shared by every app's tests. App-specific ones live in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
    """A wijk seeded by the areas migration."""
    return Wijk.objects.get(name=name)


def buurt_in(wijk_obj: Wijk) -> Buurt:
    return wijk_obj.buurten.order_by("name").first()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.INSPIRATIETEAM
