"""Factories for initiatieven; other apps' tests use them too (an owner, a need)."""

import factory
from django.utils import timezone

from initiatieven.models import Behoefte, Eigenaar, Initiatief, Thema
from tests.factories import UserFactory, buurt_in, wijk


class InitiatiefFactory(factory.django.DjangoModelFactory):
    """A published initiatief in De Baarsjes with one owner (pass `owners=[...]` for others)."""

    class Meta:
        model = Initiatief
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Buurtinitiatief {n}")
    slug = factory.Sequence(lambda n: f"buurtinitiatief-{n}")
    summary = "Buren koken samen op donderdag."
    description = "<p>We koken elke week samen met buren.</p>"
    wijk = factory.LazyFunction(lambda: wijk("De Baarsjes"))
    buurt = factory.LazyAttribute(lambda o: buurt_in(o.wijk))
    status = Initiatief.Status.GEPUBLICEERD
    published_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if not create:
            return
        for index, user in enumerate(extracted if extracted is not None else [UserFactory()]):
            Eigenaar.objects.create(initiatief=self, user=user, is_creator=index == 0)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(Thema.objects.filter(code__in=extracted or ["ontmoeting"]))


class BehoefteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Behoefte

    initiatief = factory.SubFactory(InitiatiefFactory)
    kind = Behoefte.Kind.MENSEN
    title = "Twee vrijwilligers die mee willen koken"
    people_wanted = 2
