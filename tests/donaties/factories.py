"""Factories for donations: a goal on a published initiatief, donations in any state."""

import factory
from django.utils import timezone

from initiatieven.donaties.models import Donatie, Doneerdoel, Terugbetaling
from initiatieven.models import Behoefte
from tests.initiatieven.factories import BehoefteFactory, InitiatiefFactory


class GeldBehoefteFactory(BehoefteFactory):
    kind = Behoefte.Kind.GELD
    title = "Verf voor de muurschildering"
    people_wanted = None
    amount_wanted = 250  # EUR 250 = 25000 cents


class DoneerdoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doneerdoel

    behoefte = factory.SubFactory(GeldBehoefteFactory)
    initiatief = factory.SelfAttribute("behoefte.initiatief")
    purpose = "Verf en kwasten voor de muur bij de speeltuin."


class DonatieFactory(factory.django.DjangoModelFactory):
    """An open donation of EUR 12.50 (pass ``status="betaald"`` for a paid one)."""

    class Meta:
        model = Donatie

    doel = factory.SubFactory(DoneerdoelFactory)
    initiatief = factory.SelfAttribute("doel.initiatief")
    amount_cents = 1250
    name = "Fatima"
    email = factory.Sequence(lambda n: f"donateur{n}@example.nl")
    stripe_session_id = factory.Sequence(lambda n: f"cs_test_{n:06d}")
    paid_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status in Donatie.PAID_STATUSES else None
    )
    stripe_payment_intent = factory.LazyAttribute(
        lambda o: f"pi_{o.stripe_session_id}" if o.status in Donatie.PAID_STATUSES else None
    )
    status = Donatie.Status.OPEN


def refunds_book(donatie: Donatie, refunds: list[tuple[int, object]]) -> Donatie:
    """Book ``[(cents, when), ...]`` as settlement would: ledger rows and the total."""
    total = donatie.refunded_cents
    for cents, when in refunds:
        total += cents
        Terugbetaling.objects.create(
            donatie=donatie, amount_cents=cents, total_cents=total, refunded_at=when
        )
    status = Donatie.Status.TERUGBETAALD if total >= donatie.amount_cents else None
    Donatie.objects.filter(pk=donatie.pk).update(
        refunded_cents=total, status=status or Donatie.Status.DEELS_TERUGBETAALD
    )
    donatie.refresh_from_db()
    return donatie


__all__ = [
    "DonatieFactory",
    "DoneerdoelFactory",
    "GeldBehoefteFactory",
    "InitiatiefFactory",
    "refunds_book",
]
