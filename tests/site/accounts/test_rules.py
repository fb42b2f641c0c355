"""The role matrix: every role against every foundation action, both inside and outside
its wijk or buurt.

Initiatives and locations do not exist yet in the floor. ``Stand-in`` objects expose
``owners``/``managers`` as querysets of users, the interface ``rules`` relies on; the
initiatieven and ruimtes apps replace them with their own models in their tests.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import QuerySet

from buurtkracht.accounts import roles, rules
from buurtkracht.accounts.models import Role, User
from tests.factories import MembershipFactory, UserFactory, buurt_in, wijk


@dataclass
class StandIn:
    """A location or initiative as later apps will model it."""

    owners: QuerySet | None = None
    managers: QuerySet | None = None
    live: bool = True


# Column heads: action and the object it is asked about. "A" is wijk De Baarsjes, where
# the scoped roles sit; "B" is Westerpark. a1 and a2 are two buurten in A, b1 one in B.
COLUMNS = [
    ("view", rules.VIEW, None),
    ("draft", rules.VIEW, "draft"),
    ("part", rules.PARTICIPATE, None),
    ("admin", rules.ADMIN_ACCESS, None),
    ("cms", rules.CMS_EDIT, None),
    ("mod", rules.MODERATE, None),
    ("areas", rules.AREAS_MANAGE, None),
    ("users", rules.USERS_MANAGE, None),
    ("seats", rules.MEMBERSHIPS_MANAGE, None),
    ("vote:A", rules.GRANTS_VOTE, "wijk_a"),
    ("vote:B", rules.GRANTS_VOTE, "wijk_b"),
    ("prop:a1", rules.REGIEGROEP_PROPOSE, "buurt_a1"),
    ("prop:a2", rules.REGIEGROEP_PROPOSE, "buurt_a2"),
    ("prop:b1", rules.REGIEGROEP_PROPOSE, "buurt_b1"),
    ("rev:a1", rules.REGIEGROEP_REVIEW, "buurt_a1"),
    ("rev:a2", rules.REGIEGROEP_REVIEW, "buurt_a2"),
    ("rev:b1", rules.REGIEGROEP_REVIEW, "buurt_b1"),
    ("kaart:A", rules.SOCIALEKAART_STAFF_VIEW, "wijk_a"),
    ("kaart:B", rules.SOCIALEKAART_STAFF_VIEW, "wijk_b"),
    ("loc:A", rules.LOCATION_MANAGE, "location_a"),
    ("loc:B", rules.LOCATION_MANAGE, "location_b"),
    ("edit:A", rules.INITIATIVE_EDIT, "initiative_a"),
    ("edit:B", rules.INITIATIVE_EDIT, "initiative_b"),
]

# Y = allowed, . = refused. Columns in the order above.
EXPECTED_TABLE = """
role            view draft part admin cms mod areas users seats vote:A vote:B prop:a1 prop:a2 prop:b1 rev:a1 rev:a2 rev:b1 kaart:A kaart:B loc:A loc:B edit:A edit:B
anonymous       Y    .     .    .     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
inactive        Y    .     .    .     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
unverified      Y    .     .    .     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
bewoner         Y    .     Y    .     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
initiatiefnemer Y    .     Y    .     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     Y      .
beheerder       Y    .     Y    Y     .   .   .     .     .     .      .      .       .       .       .      .      .      .       .       Y     .     .      .
inspiratieteam  Y    .     Y    .     .   .   .     .     .     Y      .      .       .       .       .      .      .      .       .       .     .     .      .
regiegroep      Y    .     Y    .     .   .   .     .     .     .      .      Y       .       .       .      .      .      .       .       .     .     .      .
professional    Y    .     Y    .     .   .   .     .     .     .      .      .       .       .       Y      Y      .      Y       .       .     .     .      .
moderator       Y    .     Y    Y     .   Y   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
redactie        Y    .     Y    Y     Y   .   .     .     .     .      .      .       .       .       .      .      .      .       .       .     .     .      .
beheer          Y    .     Y    Y     Y   Y   Y     Y     Y     .      .      .       .       .       .      .      .      Y       Y       Y     Y     .      .
superuser       Y    Y     Y    Y     Y   Y   Y     Y     Y     Y      Y      Y       Y       Y       Y      Y      Y      Y       Y       Y     Y     Y      Y
"""


def _parse(table: str) -> dict[str, dict[str, bool]]:
    head, *rows = table.strip().splitlines()
    columns = head.split()[1:]
    parsed = {}
    for row in rows:
        role, *cells = row.split()
        assert len(cells) == len(columns), role
        parsed[role] = {col: cell == "Y" for col, cell in zip(columns, cells, strict=True)}
    return parsed


EXPECTED = _parse(EXPECTED_TABLE)
ROLES = list(EXPECTED)


@pytest.fixture
def world(db) -> dict[str, Any]:
    wijk_a, wijk_b = wijk("De Baarsjes"), wijk("Westerpark")
    stranger = UserFactory()
    return {
        "wijk_a": wijk_a,
        "wijk_b": wijk_b,
        "buurt_a1": buurt_in(wijk_a, 0),
        "buurt_a2": buurt_in(wijk_a, 1),
        "buurt_b1": buurt_in(wijk_b, 0),
        "draft": StandIn(live=False),
        "stranger": stranger,
    }


def _make_user(role: str, world: dict[str, Any]):
    """The user holding `role`, and the stand-ins that depend on who it is."""
    nobody = User.objects.filter(pk=world["stranger"].pk)
    world["location_a"] = StandIn(managers=nobody)
    world["location_b"] = StandIn(managers=nobody)
    world["initiative_a"] = StandIn(owners=nobody)
    world["initiative_b"] = StandIn(owners=nobody)
    if role == "anonymous":
        return AnonymousUser()
    if role == "inactive":
        return UserFactory(is_active=False)
    if role == "unverified":
        return UserFactory(verified=False)
    if role in {"moderator", "redactie", "beheer"}:
        return UserFactory(groups=[role])
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory()
    me_and_stranger = User.objects.filter(pk__in=[user.pk, world["stranger"].pk])
    if role == "initiatiefnemer":
        world["initiative_a"] = StandIn(owners=me_and_stranger)
    elif role == "beheerder":
        user.groups.add(Group.objects.get(name=roles.BEHEERDER))
        world["location_a"] = StandIn(managers=me_and_stranger)
    elif role == "inspiratieteam":
        MembershipFactory(user=user, role=Role.INSPIRATIETEAM, wijk=world["wijk_a"])
    elif role == "regiegroep":
        MembershipFactory(user=user, role=Role.REGIEGROEP, buurt=world["buurt_a1"])
    elif role == "professional":
        MembershipFactory(
            user=user, role=Role.PROFESSIONAL, wijk=world["wijk_a"], title="sociaal makelaar"
        )
    else:
        assert role == "bewoner"
    # A fresh object, as request.user is on every request.
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("column", "action", "target"), COLUMNS, ids=[c[0] for c in COLUMNS])
def test_role_matrix(world, role, column, action, target):
    user = _make_user(role, world)
    obj = world[target] if target else None
    assert rules.can(user, action, obj) is EXPECTED[role][column]
    if EXPECTED[role][column]:
        rules.require(user, action, obj)
    else:
        with pytest.raises(PermissionDenied):
            rules.require(user, action, obj)


def test_matrix_covers_every_foundation_action():
    assert {action for _, action, _ in COLUMNS} == set(rules.FOUNDATION_ACTIONS)
    assert set(rules.FOUNDATION_ACTIONS) <= set(rules.actions())
    assert list(EXPECTED["anonymous"]) == [c[0] for c in COLUMNS]


@pytest.mark.django_db
def test_object_actions_refuse_without_an_object():
    user = UserFactory(groups=[roles.BEHEER])
    MembershipFactory(user=user, role=Role.PROFESSIONAL, wijk=wijk())
    for action in [rules.GRANTS_VOTE, rules.REGIEGROEP_REVIEW, rules.INITIATIVE_EDIT]:
        assert rules.can(user, action) is False
    assert rules.can(user, rules.SOCIALEKAART_STAFF_VIEW) is False


@pytest.mark.django_db
def test_scope_follows_objects_that_carry_a_wijk_or_buurt():
    """Later apps pass their own objects (an aanvraag in a buurt), not only Wijk/Buurt."""
    wijk_a, wijk_b = wijk("De Baarsjes"), wijk("Westerpark")
    buurt_a, buurt_b = buurt_in(wijk_a), buurt_in(wijk_b)
    member = UserFactory()
    MembershipFactory(user=member, role=Role.INSPIRATIETEAM, wijk=wijk_a)
    MembershipFactory(user=member, role=Role.REGIEGROEP, buurt=buurt_a)

    @dataclass
    class Aanvraag:
        buurt: Any

        @property
        def buurt_id(self):
            return self.buurt.pk

    assert rules.can(member, rules.GRANTS_VOTE, Aanvraag(buurt_a)) is True
    assert rules.can(member, rules.GRANTS_VOTE, Aanvraag(buurt_b)) is False
    assert rules.can(member, rules.REGIEGROEP_PROPOSE, Aanvraag(buurt_a)) is True
    assert rules.can(member, rules.REGIEGROEP_PROPOSE, Aanvraag(buurt_b)) is False


@pytest.mark.django_db
def test_roles_are_read_once_per_user_object(django_assert_num_queries):
    wijk_a, wijk_b = wijk("De Baarsjes"), wijk("Westerpark")
    buurten = [buurt_in(wijk_a, 0), buurt_in(wijk_a, 1), buurt_in(wijk_b, 0)]
    member = UserFactory()
    MembershipFactory(user=member, role=Role.PROFESSIONAL, wijk=wijk_a)
    MembershipFactory(user=member, role=Role.REGIEGROEP, buurt=buurten[0])
    user = User.objects.get(pk=member.pk)

    # One query for the memberships, one for the groups (beheer also sees the kaart).
    with django_assert_num_queries(2):
        for _ in range(3):
            for area in [wijk_a, wijk_b]:
                rules.can(user, rules.GRANTS_VOTE, area)
                rules.can(user, rules.SOCIALEKAART_STAFF_VIEW, area)
            for buurt in buurten:
                rules.can(user, rules.REGIEGROEP_PROPOSE, buurt)
                rules.can(user, rules.REGIEGROEP_REVIEW, buurt)
            assert roles.needs_mfa(user) is True

    # A new seat within the same request shows after forget_roles().
    MembershipFactory(user=member, role=Role.INSPIRATIETEAM, wijk=wijk_b)
    assert rules.can(user, rules.GRANTS_VOTE, wijk_b) is False
    roles.forget_roles(user)
    assert rules.can(user, rules.GRANTS_VOTE, wijk_b) is True


def test_unknown_action_is_a_programming_error():
    with pytest.raises(LookupError):
        rules.can(AnonymousUser(), "initiative.eddit")


@pytest.fixture
def later_app_rule():
    """A rule as a later app registers it in AppConfig.ready()."""

    @rules.register("test.open_day", public=True)
    def open_day(user, obj):
        return obj == "zaterdag"

    @rules.register("test.book")
    def book(user, obj):
        return rules.can(user, rules.PARTICIPATE)

    yield
    rules.unregister("test.open_day")
    rules.unregister("test.book")


@pytest.mark.django_db
def test_later_apps_register_their_own_actions(later_app_rule):
    bewoner, unverified = UserFactory(), UserFactory(verified=False)
    anonymous = AnonymousUser()
    assert rules.can(anonymous, "test.open_day", "zaterdag") is True
    assert rules.can(anonymous, "test.open_day", "maandag") is False
    assert rules.can(anonymous, "test.book") is False
    assert rules.can(unverified, "test.book") is False
    assert rules.can(bewoner, "test.book") is True
    with pytest.raises(ImproperlyConfigured):
        rules.register("test.book")(lambda user, obj: True)


def test_no_user_at_all_is_anonymous():
    assert rules.can(None, rules.VIEW) is True
    assert rules.can(None, rules.PARTICIPATE) is False
