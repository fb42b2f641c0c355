import pytest

from buurtkracht.core.management.commands.seed_demo import DemoContext
from vrijwilligers.demo_data import demo_vrijwilligers
from vrijwilligers.models import Profiel, Reactie, Uren, Vacature

pytestmark = pytest.mark.django_db


def test_demo_step_is_idempotent():
    demo_vrijwilligers(DemoContext(debug=False, password=None))
    counts = (
        Vacature.objects.count(),
        Profiel.objects.count(),
        Reactie.objects.count(),
        Uren.objects.count(),
    )
    assert counts[0] == 40 and counts[1] == 200 and counts[2] > 0 and counts[3] > 0
    assert 5 <= Profiel.objects.filter(contactable=True).count() <= 40
    assert not Profiel.objects.first().user.has_usable_password()
    demo_vrijwilligers(DemoContext(debug=False, password=None))
    assert (
        Vacature.objects.count(),
        Profiel.objects.count(),
        Reactie.objects.count(),
        Uren.objects.count(),
    ) == counts
