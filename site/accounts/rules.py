"""Who may do what: the one place every view, API endpoint and template asks.

    from buurtkracht.accounts import rules

    if rules.can(request.user, rules.PARTICIPATE): ...
    rules.require(request.user, rules.LOCATION_MANAGE, ruimte)   # PermissionDenied if not

Actions are stable strings; an unknown action is a programming error (``LookupError``).

Foundation actions (obj in brackets):

``content.view`` (any obj, optional)
    Public viewing. Everyone, anonymous too; an obj with ``live = False`` only for
    superusers.
``resident.participate``
    Publish, book, respond or donate under your own name: a verified e-mail address.
``admin.access``
    Open the Wagtail admin: permission ``wagtailadmin.access_admin`` (given by the
    migration to the groups moderator, redactie, beheer and beheerder).
``cms.edit``
    Edit CMS pages, images and documents: group redactie or beheer.
``content.moderate`` (any obj, optional)
    Hide or restore what residents posted: group moderator or beheer. Moderating is not
    editing: moderators do not get ``initiative.edit``.
``areas.manage`` / ``users.manage`` / ``memberships.manage``
    Manage wijken and buurten, user accounts, and panel/regiegroep/professional seats:
    group beheer.
``grants.vote`` (a Wijk, or anything with ``wijk``/``wijk_id``)
    Vote on small grants: member of the inspiratieteam of that wijk.
``regiegroep.propose`` (a Buurt, or anything with ``buurt``/``buurt_id``)
    File a buurtbudget proposal: member of the regiegroep of that buurt.
``regiegroep.review`` (a Buurt, or anything with ``buurt``/``buurt_id``)
    Review the regiegroep's proposals: professional of the wijk the buurt lies in.
``socialekaart.staff_view`` (a Wijk, or anything with ``wijk``/``wijk_id``)
    The staff view of the sociale kaart: professional of that wijk, or group beheer.
``location.manage`` (an object with a ``managers`` relation of users)
    Manage a location (rooms, bookings): one of its managers, or group beheer.
``initiative.edit`` (an object with an ``owners`` relation of users)
    Edit an initiative: one of its owners.

Every action: superusers pass; inactive and anonymous users fail, except for actions
registered with ``public=True``. An action that needs an object fails without one.

Later apps add actions from their ``AppConfig.ready()``, so this module never imports
them::

    @rules.register("ruimte.book_free")
    def _(user, ruimte):
        return rules.can(user, rules.PARTICIPATE) and ruimte.is_free_for_residents

Roles are read once per request and cached on the user object (see ``roles``).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from buurtkracht.accounts import roles
from buurtkracht.accounts.models import Role

Predicate = Callable[[Any, Any], bool]

VIEW = "content.view"
PARTICIPATE = "resident.participate"
ADMIN_ACCESS = "admin.access"
CMS_EDIT = "cms.edit"
MODERATE = "content.moderate"
AREAS_MANAGE = "areas.manage"
USERS_MANAGE = "users.manage"
MEMBERSHIPS_MANAGE = "memberships.manage"
GRANTS_VOTE = "grants.vote"
REGIEGROEP_PROPOSE = "regiegroep.propose"
REGIEGROEP_REVIEW = "regiegroep.review"
SOCIALEKAART_STAFF_VIEW = "socialekaart.staff_view"
LOCATION_MANAGE = "location.manage"
INITIATIVE_EDIT = "initiative.edit"

FOUNDATION_ACTIONS = (
    VIEW,
    PARTICIPATE,
    ADMIN_ACCESS,
    CMS_EDIT,
    MODERATE,
    AREAS_MANAGE,
    USERS_MANAGE,
    MEMBERSHIPS_MANAGE,
    GRANTS_VOTE,
    REGIEGROEP_PROPOSE,
    REGIEGROEP_REVIEW,
    SOCIALEKAART_STAFF_VIEW,
    LOCATION_MANAGE,
    INITIATIVE_EDIT,
)

_predicates: dict[str, Predicate] = {}
_public: set[str] = set()


def register(action: str, *, public: bool = False) -> Callable[[Predicate], Predicate]:
    """Register ``fn(user, obj) -> bool`` as the rule for ``action``.

    The predicate only sees active, signed-in, non-superusers, unless ``public`` is
    true: then anonymous and inactive users are asked too. Registering an action twice
    raises ImproperlyConfigured.
    """

    def decorator(fn: Predicate) -> Predicate:
        if action in _predicates:
            raise ImproperlyConfigured(f"Rule {action!r} is registered twice.")
        _predicates[action] = fn
        if public:
            _public.add(action)
        return fn

    return decorator


def unregister(action: str) -> None:
    """Remove a rule (for tests that register a throw-away action)."""
    _predicates.pop(action, None)
    _public.discard(action)


def actions() -> list[str]:
    """Every registered action, sorted."""
    return sorted(_predicates)


def can(user, action: str, obj: Any = None) -> bool:
    """Whether ``user`` may do ``action`` (on ``obj``). Raises LookupError when unknown."""
    try:
        predicate = _predicates[action]
    except KeyError:
        raise LookupError(f"Unknown rule {action!r}.") from None
    signed_in = user is not None and user.is_authenticated and user.is_active
    if not signed_in:
        return action in _public and bool(predicate(user, obj))
    if user.is_superuser:
        return True
    return bool(predicate(user, obj))


def require(user, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied unless ``can(user, action, obj)``."""
    if not can(user, action, obj):
        raise PermissionDenied(action)


# --- helpers for predicates -------------------------------------------------------------


def wijk_id_of(obj: Any) -> int | None:
    """The id of the wijk an object lies in: a Wijk, a Buurt or anything with a wijk/buurt."""
    from buurtkracht.areas.models import Buurt, Wijk

    if obj is None:
        return None
    if isinstance(obj, Wijk):
        return obj.pk
    if isinstance(obj, Buurt):
        return obj.wijk_id
    if getattr(obj, "wijk_id", None) is not None:
        return obj.wijk_id
    if getattr(obj, "buurt_id", None) is not None:
        return obj.buurt.wijk_id
    return None


def buurt_of(obj: Any):
    """The Buurt an object lies in: a Buurt or anything with a buurt."""
    from buurtkracht.areas.models import Buurt

    if isinstance(obj, Buurt):
        return obj
    if getattr(obj, "buurt_id", None) is not None:
        return obj.buurt
    return None


def in_relation(user, obj: Any, relation: str) -> bool:
    """Whether ``user`` is in ``obj.<relation>`` (a queryset or related manager of users)."""
    related = getattr(obj, relation, None) if obj is not None else None
    if related is None:
        return False
    return related.filter(pk=user.pk).exists()


def _has_seat(user, role: str, *, wijk_id=None, buurt_id=None) -> bool:
    for seat in roles.seats(user):
        if seat.role != role:
            continue
        if wijk_id is not None and seat.wijk_id == wijk_id:
            return True
        if buurt_id is not None and seat.buurt_id == buurt_id:
            return True
    return False


# --- foundation rules -------------------------------------------------------------------


@register(VIEW, public=True)
def _view(user, obj):
    return getattr(obj, "live", True) is not False


@register(PARTICIPATE)
def _participate(user, obj):
    return roles.has_verified_email(user)


@register(ADMIN_ACCESS)
def _admin_access(user, obj):
    return user.has_perm("wagtailadmin.access_admin")


@register(CMS_EDIT)
def _cms_edit(user, obj):
    return bool(roles.group_names(user) & {roles.REDACTIE, roles.BEHEER})


@register(MODERATE)
def _moderate(user, obj):
    return bool(roles.group_names(user) & {roles.MODERATOR, roles.BEHEER})


def _beheer(user, obj):
    return roles.BEHEER in roles.group_names(user)


register(AREAS_MANAGE)(_beheer)
register(USERS_MANAGE)(_beheer)
register(MEMBERSHIPS_MANAGE)(_beheer)


@register(GRANTS_VOTE)
def _grants_vote(user, obj):
    wijk_id = wijk_id_of(obj)
    return wijk_id is not None and _has_seat(user, Role.INSPIRATIETEAM, wijk_id=wijk_id)


@register(REGIEGROEP_PROPOSE)
def _regiegroep_propose(user, obj):
    buurt = buurt_of(obj)
    return buurt is not None and _has_seat(user, Role.REGIEGROEP, buurt_id=buurt.pk)


@register(REGIEGROEP_REVIEW)
def _regiegroep_review(user, obj):
    buurt = buurt_of(obj)
    return buurt is not None and _has_seat(user, Role.PROFESSIONAL, wijk_id=buurt.wijk_id)


@register(SOCIALEKAART_STAFF_VIEW)
def _socialekaart_staff_view(user, obj):
    wijk_id = wijk_id_of(obj)
    if wijk_id is None:
        return False
    return _beheer(user, obj) or _has_seat(user, Role.PROFESSIONAL, wijk_id=wijk_id)


@register(LOCATION_MANAGE)
def _location_manage(user, obj):
    if obj is None:
        return False
    return _beheer(user, obj) or in_relation(user, obj, "managers")


@register(INITIATIVE_EDIT)
def _initiative_edit(user, obj):
    return in_relation(user, obj, "owners")
