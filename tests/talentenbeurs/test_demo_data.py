import pytest
from django.contrib.auth import get_user_model

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
from vrijwilligers.talentenbeurs import queries
from vrijwilligers.talentenbeurs.demo_data import talentenbeurs
from vrijwilligers.talentenbeurs.models import Deelnemer, Gesprek, Talentenbeurs
from vrijwilligers.talentenbeurs.schedule_tools import violations
from vrijwilligers.talentenbeurs.scheduling import Conversation
from vrijwilligers.talentenbeurs.services import beurs_instance

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent_and_fills_the_report():
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    talentenbeurs(ctx)
    counts = (Talentenbeurs.objects.count(), Deelnemer.objects.count(), Gesprek.objects.count())
    users = get_user_model().objects.count()

    talentenbeurs(ctx)
    assert (
        Talentenbeurs.objects.count(),
        Deelnemer.objects.count(),
        Gesprek.objects.count(),
    ) == counts
    assert get_user_model().objects.count() == users

    upcoming = Talentenbeurs.objects.get(slug="talentenbeurs-west-najaar")
    assert upcoming.deelnemers.count() == 100
    assert upcoming.tafels.count() == 20
    assert upcoming.scheduled_at is not None
    conversations = [
        Conversation(g.deelnemer_id, g.tafel_id, g.slot, g.score) for g in upcoming.gesprekken.all()
    ]
    assert violations(beurs_instance(upcoming), conversations) == []

    past = Talentenbeurs.objects.get(slug="talentenbeurs-west-voorjaar")
    report = queries.beurs_report(past)
    assert report["present"] > 80
    assert 0 < report["matched"] <= report["present"]
    assert sum(row["count"] for row in report["by_kind"]) == report["held"]
    assert (
        not get_user_model()
        .objects.get(email="talent001@demo.buurtkracht.nl")
        .has_usable_password()
    )
