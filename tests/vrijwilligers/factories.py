"""Factories for vacatures, profiles and reacties."""

import factory
from django.utils import timezone

from buurtkracht.areas.models import Postcode
from tests.factories import UserFactory, buurt_in, wijk
from vrijwilligers.models import Profiel, Reactie, Vacature


class VacatureFactory(factory.django.DjangoModelFactory):
    """An open organisation vacature in De Baarsjes for one volunteer, asking for cooking."""

    class Meta:
        model = Vacature

    owner = factory.SubFactory(UserFactory)
    organisation_name = "Buurthuis De Tagerijn"
    title = factory.Sequence(lambda n: f"Kookmaatje {n}")
    description = "Help mee met de buurtmaaltijd."
    skills = factory.LazyFunction(lambda: ["koken"])
    wijk = factory.LazyFunction(lambda: wijk("De Baarsjes"))
    buurt = factory.LazyAttribute(lambda o: buurt_in(o.wijk))
    places = 1


class ProfielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profiel

    user = factory.SubFactory(UserFactory)
    skills = factory.LazyFunction(lambda: ["koken"])
    buurt = factory.LazyFunction(lambda: buurt_in(wijk("De Baarsjes")))
    contactable = True


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie

    vacature = factory.SubFactory(VacatureFactory)
    volunteer = factory.SubFactory(UserFactory)
    message = "Ik kook graag voor veel mensen."


def accepted(reactie: Reactie, *, days_ago: int = 0) -> Reactie:
    reactie.status = Reactie.Status.GEACCEPTEERD
    reactie.decided_at = timezone.now() - timezone.timedelta(days=days_ago)
    reactie.save()
    return reactie


def postcode(code: str, buurt) -> Postcode:
    found, _ = Postcode.objects.update_or_create(code=code, defaults={"buurt": buurt})
    return found
