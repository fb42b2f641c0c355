import datetime

import factory

from tests.factories import UserFactory
from vrijwilligers.talentenbeurs.models import Deelnemer, Tafel, Talentenbeurs


class TalentenbeursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Talentenbeurs

    title = factory.Sequence(lambda n: f"Talentenbeurs West {n}")
    slug = factory.Sequence(lambda n: f"talentenbeurs-west-{n}")
    date = datetime.date(2030, 6, 12)
    location = "De Tagerijn, De Baarsjes"
    start_time = datetime.time(13, 0)
    slot_minutes = 10
    slot_count = 4
    max_per_resident = 2


class DeelnemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelnemer

    beurs = factory.SubFactory(TalentenbeursFactory)
    user = factory.SubFactory(UserFactory)
    talents = factory.LazyFunction(lambda: ["koken"])
    wishes = factory.LazyFunction(lambda: ["werk"])
    slots = factory.LazyAttribute(lambda o: list(range(o.beurs.slot_count)))


class TafelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tafel

    beurs = factory.SubFactory(TalentenbeursFactory)
    contact = factory.SubFactory(UserFactory)
    organisation = factory.Sequence(lambda n: f"Organisatie {n}")
    offer_kinds = factory.LazyFunction(lambda: ["werk"])
    sought_talents = factory.LazyFunction(lambda: ["koken"])
    slots = factory.LazyAttribute(lambda o: list(range(o.beurs.slot_count)))
