"""Factories for ruimtes: a location open every day 08:00-22:00 with one room."""

from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from ruimtes.models import Boeking, BookerType, Locatie, Openingstijd, Ruimte, Sluiting
from ruimtes.timeutil import AMSTERDAM, local_datetime
from tests.factories import UserFactory, wijk


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware datetime for a local Amsterdam wall time."""
    return local_datetime(day, time(hour, minute))


def next_monday(weeks: int = 1) -> date:
    """A Monday ``weeks`` weeks after the current week (for tests that use the real clock)."""
    today = timezone.now().astimezone(AMSTERDAM).date()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie
        skip_postgeneration_save = True

    kind = Locatie.Kind.MFC
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    slug = factory.Sequence(lambda n: f"buurthuis-{n}")
    address = "Voorbeeldstraat 1, Amsterdam"
    wijk = factory.LazyFunction(lambda: wijk("De Baarsjes"))

    @factory.post_generation
    def hours(self, create, extracted, **kwargs):
        """Pass hours=[(weekday, "09:00", "17:00"), ...]; default every day 08:00-22:00."""
        if not create:
            return
        rows = extracted if extracted is not None else [(d, "08:00", "22:00") for d in range(7)]
        for weekday, opens, closes in rows:
            Openingstijd.objects.create(
                locatie=self, weekday=weekday, opens_at=opens, closes_at=closes
            )

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.set(extracted)


class RuimteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ruimte

    locatie = factory.SubFactory(LocatieFactory)
    name = factory.Sequence(lambda n: f"Zaal {n}")
    capacity = 20
    min_minutes = 30
    max_minutes = 480
    hourly_rate = 25


class SluitingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sluiting

    locatie = factory.SubFactory(LocatieFactory)
    reason = "Onderhoud"


class BoekingFactory(factory.django.DjangoModelFactory):
    """A confirmed booking written straight to the table (no rule checks)."""

    class Meta:
        model = Boeking

    ruimte = factory.SubFactory(RuimteFactory)
    booker = factory.SubFactory(UserFactory)
    starts_at = factory.LazyFunction(lambda: at(next_monday(), 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    blocked_until = factory.LazyAttribute(
        lambda o: o.ends_at + timedelta(minutes=o.ruimte.buffer_minutes)
    )
    title = "Taalcafé"
    expected_people = 8
    booker_type = BookerType.BEWONERSINITIATIEF
    status = Boeking.Status.BEVESTIGD
