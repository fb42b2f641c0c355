"""Who may open which key page and do which key action, checked over HTTP.

tests/site/accounts/test_rules.py checks the rules one by one; this checks that the
views apply them: every row is a URL (GET, or a POST action), every column a role, every
cell what that role gets back:

- ``200``: the page (or the form again, with its errors);
- ``ok``: the action ran (a redirect that is not to a login page);
- ``login``: sent to the login page (allauth's, or the admin's, which sends on to it);
- ``403`` / ``404``: refused;
- ``denied``: refused inside the Wagtail admin, which sends a signed-in editor back to
  the dashboard with "Sorry, you do not have permission" instead of a 403 page.

Panel members have no admin access at all: the admin sends them to its login page.
All rows share one set of data (building it per row would take a second each); each row
works on its own objects, so a POST in one row does not change another's answer.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from buurtkracht.accounts import roles
from buurtkracht.accounts.models import Role
from initiatieven.donaties.models import Donatie
from initiatieven.models import Initiatief
from ruimtes.models import Boeking
from tests.buurtbudget.factories import BudgetFactory, RondeFactory, aanvraag
from tests.donaties.factories import DonatieFactory
from tests.factories import MembershipFactory, UserFactory, totp_enable, wijk
from tests.initiatieven.factories import InitiatiefFactory
from tests.ruimtes.factories import BoekingFactory, LocatieFactory, RuimteFactory
from tests.vrijwilligers.factories import ReactieFactory, VacatureFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "owner", "manager", "moderator", "panel", "redactie", "beheer"]


def _user(*groups: str, mfa: bool = False):
    user = UserFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if mfa:
        totp_enable(user)  # staff roles have set up two-step login
    return user


@pytest.fixture
def world():
    """One of everything the rows need, owned by ``owner`` in De Baarsjes."""
    baarsjes = wijk("De Baarsjes")
    users = {
        "resident": _user(),
        "owner": _user(),
        "manager": _user(roles.BEHEERDER, mfa=True),
        "moderator": _user(roles.MODERATOR, mfa=True),
        "panel": _user(mfa=True),
        "redactie": _user(roles.REDACTIE, mfa=True),
        "beheer": _user(roles.BEHEER, mfa=True),
    }
    MembershipFactory(user=users["panel"], role=Role.INSPIRATIETEAM, wijk=baarsjes)
    owner = users["owner"]
    initiatief = InitiatiefFactory(owners=[owner])
    submitted = InitiatiefFactory(
        owners=[UserFactory()], status=Initiatief.Status.INGEDIEND, published_at=None
    )
    vacature = VacatureFactory(owner=owner)
    reactie = ReactieFactory(vacature=vacature)
    locatie = LocatieFactory(managers=[users["manager"]])
    request = BoekingFactory(
        ruimte=RuimteFactory(locatie=locatie), booker=owner, status=Boeking.Status.AANGEVRAAGD
    )
    BudgetFactory(amount=Decimal("40000.00"))
    application = aanvraag(owner=owner, initiatief=initiatief, ronde=RondeFactory())
    donatie = DonatieFactory(status=Donatie.Status.BETAALD)
    return {
        "users": users,
        "wijk": baarsjes.slug,
        "initiatief": initiatief.slug,
        "submitted": submitted.pk,
        "vacature": vacature.pk,
        "reactie": reactie.pk,
        "boeking": request.pk,
        "aanvraag": application.pk,
        "donatie": donatie.pk,
        "locatie": locatie.pk,
    }


def _outcome(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location == "/admin/":
            return "denied"
        if location.startswith(("/accounts/login/", "/admin/login/", "/django-admin/login/")):
            return "login"
        if location.startswith("/accounts/2fa/"):
            return "mfa"
        return "ok"
    return str(response.status_code)


def _row(expected: str) -> dict[str, str]:
    return dict(zip(ROLES, expected.split(), strict=True))


#           anonymous resident owner manager moderator panel redactie beheer
MATRIX = {
    ("GET", "/admin/"): _row("login login login 200 200 login 200 200"),
    ("GET", "/admin/initiatieven-moderatie/"): _row(
        "login login login denied 200 login denied 200"
    ),
    ("POST", "/admin/initiatieven-moderatie/{submitted}/"): _row(
        "login login login denied 200 login denied 200"
    ),
    ("GET", "/admin/donaties/"): _row("login login login denied denied login denied 200"),
    ("POST", "/admin/donaties/{donatie}/terugbetalen/"): _row(
        "login login login denied denied login denied 200"
    ),
    ("GET", "/buurtbudget/wijk/{wijk}/panel/"): _row("login 403 403 403 403 200 403 403"),
    ("POST", "/buurtbudget/aanvragen/{aanvraag}/stem/"): _row("login 403 403 403 403 ok 403 403"),
    ("POST", "/buurtbudget/aanvragen/{aanvraag}/besluit/"): _row(
        "login 403 403 403 403 ok 403 403"
    ),
    ("GET", "/ruimtes/beheer/"): _row("login 403 403 200 403 403 403 200"),
    ("POST", "/ruimtes/beheer/aanvragen/{boeking}/"): _row("login 403 403 200 403 403 403 200"),
    ("GET", "/initiatieven/{initiatief}/beheer/"): _row("login 403 200 403 403 403 403 403"),
    ("POST", "/initiatieven/{initiatief}/bewerken/basis/"): _row(
        "login 403 200 403 403 403 403 403"
    ),
    ("GET", "/vrijwilligers/{vacature}/vrijwilligers/"): _row("login 403 200 403 403 403 403 403"),
    ("POST", "/vrijwilligers/reacties/{reactie}/accepteren/"): _row(
        "login 403 ok 403 403 403 403 403"
    ),
    ("GET", "/buurtbudget/aanvragen/{aanvraag}/"): _row("login 403 200 403 403 200 403 200"),
    ("GET", "/buurtbudget/export/"): _row("login 403 403 403 403 403 403 200"),
    ("GET", "/ruimtes/boekingen/{boeking}/"): _row("login 403 200 200 403 403 403 200"),
    ("GET", "/ruimtes/beheer/locaties/{locatie}/bezetting.csv"): _row(
        "login 403 403 200 403 403 403 200"
    ),
    ("GET", "/admin/donaties/uitbetaling.csv"): _row(
        "login login login denied denied login denied 200"
    ),
    ("GET", "/sociale-kaart/sociale-kaart.csv"): _row("login 403 403 403 403 403 403 200"),
    ("GET", "/sociale-kaart/{wijk}/sociale-kaart.csv"): _row("login 403 403 403 403 403 403 200"),
}
# What a POST sends (a valid vote, so the panel's answer is the vote being saved).
POST_DATA = {"/buurtbudget/aanvragen/{aanvraag}/stem/": {"choice": "voor", "motivation": "Goed."}}


def test_role_matrix_over_http(world):
    clients = {role: Client() for role in ROLES}
    for role, client in clients.items():
        if role != "anonymous":
            client.force_login(world["users"][role])
    got = {}
    for method, url in MATRIX:
        path = url.format(**world)
        row = {}
        for role in ROLES:
            client = clients[role]
            if method == "GET":
                response = client.get(path)
            else:
                response = client.post(path, POST_DATA.get(url, {}))
            row[role] = _outcome(response)
        got[(method, url)] = row
    wrong = {
        (*key, role): f"{outcome} (expected {MATRIX[key][role]})"
        for key, row in got.items()
        for role, outcome in row.items()
        if outcome != MATRIX[key][role]
    }
    assert wrong == {}
