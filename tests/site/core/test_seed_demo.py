import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from buurtkracht.accounts import roles
from buurtkracht.accounts.models import Membership, Role
from buurtkracht.areas.models import Buurt, Postcode, Wijk
from buurtkracht.core.management.commands.seed_demo import DEBUG_PASSWORD, DEMO_USERS
from buurtkracht.home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
    WijkPage,
)

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot():
    User = get_user_model()
    return {
        "users": User.objects.count(),
        "emails": EmailAddress.objects.count(),
        "memberships": Membership.objects.count(),
        "groups": Group.objects.count(),
        "pages": Page.objects.count(),
        "wijken": Wijk.objects.count(),
        "buurten": Buurt.objects.count(),
        "postcodes": Postcode.objects.count(),
        "settings": SiteSettings.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_seed_demo_twice_creates_no_duplicates(settings):
    settings.DEBUG = False
    seed()
    first = snapshot()
    output = seed()
    assert snapshot() == first
    assert "0 nieuw" in output


def test_seed_demo_fills_the_site(client, settings):
    settings.DEBUG = False
    seed()
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert len(home.featured) >= 3
    titles = set(StandardPage.objects.child_of(home).live().values_list("title", flat=True))
    assert titles == {
        "Over Buurtkracht",
        "Hoe werkt het buurtbudget?",
        "Privacy",
        "Toegankelijkheid",
        "Contact",
    }
    index = NewsIndexPage.objects.get()
    news = NewsPage.objects.child_of(index).live()
    assert news.count() >= 6
    assert news.filter(wijk__isnull=False).values("wijk").distinct().count() == 4
    assert sorted(WijkPage.objects.live().values_list("wijk__name", flat=True)) == sorted(
        Wijk.objects.values_list("name", flat=True)
    )
    site_settings = SiteSettings.for_site(home.get_site())
    assert site_settings.contact_email
    assert len(site_settings.social_links) >= 1

    for page in [home, index, *news[:2], *WijkPage.objects.all(), *StandardPage.objects.all()]:
        assert client.get(page.url).status_code == 200, page


def test_seed_demo_creates_one_verified_user_per_role(settings):
    settings.DEBUG = False
    seed()
    User = get_user_model()
    for key in [
        "bewoner",
        "initiatiefnemer",
        "beheerder",
        "inspiratieteam",
        "regiegroep",
        "professional",
        "moderator",
        "redactie",
        "beheer",
    ]:
        user = User.objects.get(email=f"{key}@demo.buurtkracht.nl")
        assert EmailAddress.objects.filter(
            user=user, email=user.email, primary=True, verified=True
        ).exists(), key
        assert user.display_name

    def groups(key):
        user = User.objects.get(email=f"{key}@demo.buurtkracht.nl")
        return set(user.groups.values_list("name", flat=True))

    assert groups("moderator") == {roles.MODERATOR}
    assert groups("redactie") == {roles.REDACTIE}
    assert groups("beheerder") == {roles.BEHEERDER}
    assert groups("bewoner") == set()
    beheer = User.objects.get(email="beheer@demo.buurtkracht.nl")
    assert beheer.is_superuser and beheer.is_staff
    assert not User.objects.get(email="redactie@demo.buurtkracht.nl").is_superuser

    panel = Membership.objects.filter(role=Role.INSPIRATIETEAM, wijk__name="De Baarsjes")
    # Two seats come from the accounts step; the buurtbudget step adds members for a quorum.
    assert panel.count() >= 2
    chair = panel.get(is_chair=True)
    assert chair.user.email == "inspiratieteam@demo.buurtkracht.nl"
    # The first seat of each is the accounts step's; later steps may add seats for their demo.
    seats = Membership.objects.order_by("pk")
    regie = seats.filter(user__email="regiegroep@demo.buurtkracht.nl").first()
    assert (regie.role, regie.buurt.name, regie.wijk) == (Role.REGIEGROEP, "Van Galenbuurt", None)
    prof = seats.filter(user__email="professional@demo.buurtkracht.nl").first()
    assert (prof.role, prof.wijk.name) == (Role.PROFESSIONAL, "Bos en Lommer")
    # Other steps add residents (volunteers, Talentenbeurs guests), none with a staff role.
    extra = User.objects.filter(email__endswith="@demo.buurtkracht.nl").exclude(
        email__in=[f"{key}@demo.buurtkracht.nl" for key in DEMO_USERS]
    )
    assert not extra.filter(is_staff=True).exists()
    assert not extra.filter(groups__isnull=False).exists()


def test_passwords_are_shown_and_usable_only_with_debug(client, settings):
    settings.DEBUG = False
    output = seed()
    assert DEBUG_PASSWORD not in output
    assert "wachtwoorden worden niet getoond" in output
    assert not client.login(email="bewoner@demo.buurtkracht.nl", password=DEBUG_PASSWORD)

    settings.DEBUG = True
    output = seed()
    assert DEBUG_PASSWORD in output
    assert client.login(email="bewoner@demo.buurtkracht.nl", password=DEBUG_PASSWORD)


def test_progress_is_shown_per_step(settings):
    settings.DEBUG = False
    lines = seed().splitlines()
    steps = [line for line in lines if line.startswith("[")]
    assert len(steps) >= 3
    assert re.match(r"\[ *1/\d+\]", steps[0])
    assert all("klaar" in line for line in steps)


def test_seed_demo_loads_the_areas_when_they_are_missing(settings):
    settings.DEBUG = False
    # A fresh district without areas: the step loads the bundled file.
    Postcode.objects.all().delete()
    Buurt.objects.all().delete()
    Wijk.objects.all().delete()
    seed()
    assert Wijk.objects.count() == 4
    assert Postcode.objects.get(code="1053").buurt.name == "Kinkerbuurt"


def test_editor_changes_survive_a_new_run(settings):
    settings.DEBUG = False
    seed()
    page = StandardPage.objects.get(slug="privacy")
    page.title = "Privacyverklaring"
    page.save_revision().publish()
    seed()
    assert StandardPage.objects.get(slug="privacy").title == "Privacyverklaring"


def test_demo_needs_are_filled_by_vacatures_and_bookings(client, settings):
    """The demo shows the apps working together on an initiatief's page."""
    from ruimtes.models import Boeking
    from vrijwilligers.models import Vacature

    settings.DEBUG = False
    seed()
    vacature = Vacature.objects.filter(behoefte__isnull=False).select_related("behoefte").first()
    assert vacature is not None
    assert vacature.initiatief_id == vacature.behoefte.initiatief_id
    assert vacature.initiatief.owners.filter(pk=vacature.owner_id).exists()
    page = client.get(vacature.initiatief.get_absolute_url()).content.decode()
    assert vacature.get_absolute_url() in page

    booking = Boeking.objects.filter(behoefte__isnull=False, status="bevestigd").first()
    assert booking is not None
    assert booking.behoefte.kind == "ruimte"
    assert booking.behoefte.initiatief.owners.filter(pk=booking.booker_id).exists()
