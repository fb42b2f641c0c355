import pytest
from django.contrib.auth import get_user_model

from buurtkracht.core.management.commands.seed_demo import DemoContext, demo_users
from initiatieven.buurtbudget import queries
from initiatieven.buurtbudget.demo_data import demo_buurtbudget
from initiatieven.buurtbudget.models import Aanvraag, AgendaPunt, Budget, Stem, Voorstel
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db


def counts():
    return (
        Budget.objects.count(),
        AgendaPunt.objects.count(),
        Aanvraag.objects.count(),
        Stem.objects.count(),
        Voorstel.objects.count(),
    )


def test_without_initiatives_no_applications():
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    summary = demo_buurtbudget(ctx)
    assert "geen aanvragen" in summary
    assert not Aanvraag.objects.exists()
    assert Voorstel.objects.get().status == Voorstel.Status.AKKOORD


def test_demo_covers_every_state_and_is_idempotent():
    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    owner = get_user_model().objects.get(email="initiatiefnemer@demo.buurtkracht.nl")
    for _ in range(5):
        InitiatiefFactory(owners=[owner])
    demo_buurtbudget(ctx)
    first = counts()
    statuses = set(Aanvraag.objects.values_list("status", flat=True))
    assert statuses == {"ingediend", "in_stemming", "toegekend", "afgewezen"}
    assert queries.overdue().count() == 1
    assert Aanvraag.objects.filter(verantwoording__isnull=False).count() == 1
    assert Budget.objects.filter(small_granted__gt=0).exists()
    demo_buurtbudget(ctx)
    assert counts() == first


def test_demo_pages_render_for_every_role(client):
    from django.urls import reverse

    ctx = DemoContext(debug=False, password=None)
    demo_users(ctx)
    owner = get_user_model().objects.get(email="initiatiefnemer@demo.buurtkracht.nl")
    for _ in range(5):
        InitiatiefFactory(owners=[owner])
    demo_buurtbudget(ctx)
    chair = get_user_model().objects.get(email="inspiratieteam@demo.buurtkracht.nl")
    wijk = Aanvraag.objects.first().wijk
    client.force_login(chair)
    assert client.get(reverse("buurtbudget:panel", args=[wijk.slug])).status_code == 200
    for aanvraag in Aanvraag.objects.all():
        assert client.get(reverse("buurtbudget:aanvraag", args=[aanvraag.pk])).status_code == 200
    client.force_login(owner)
    assert client.get(reverse("buurtbudget:mijn_aanvragen")).status_code == 200
    for aanvraag in Aanvraag.objects.all():
        assert client.get(reverse("buurtbudget:aanvraag", args=[aanvraag.pk])).status_code == 200
    client.logout()
    voorstel = Voorstel.objects.get()
    assert client.get(reverse("buurtbudget:voorstel", args=[voorstel.pk])).status_code == 200
    assert client.get(reverse("buurtbudget:buurt", args=["van-galenbuurt"])).status_code == 200
    assert client.get(reverse("buurtbudget:index")).status_code == 200
