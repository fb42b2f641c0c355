"""Reads about accounts that are more than a one-line lookup."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from buurtkracht.accounts.models import Membership, User
from buurtkracht.accounts.privacy import export_registry
from buurtkracht.areas.models import Wijk


def wijk_choices() -> QuerySet[Wijk]:
    return Wijk.objects.order_by("name")


def membership_list(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("wijk", "buurt", "buurt__wijk")
        .order_by("role", "created_at")
    )


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about ``user``, as JSON-ready data.

    Every part filters on this user: no other person's data can appear. Sections of
    later apps come from ``privacy.export_registry``. Secrets (password hash, TOTP
    secret, recovery codes) are never included: for two-step login only the type and
    dates.
    """
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "home_wijk": user.home_wijk.name if user.home_wijk_id else None,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_active": user.is_active,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "memberships": [
            {
                "role": m.role,
                "role_label": str(m.get_role_display()),
                "wijk": m.wijk.name if m.wijk_id else None,
                "buurt": m.buurt.name if m.buurt_id else None,
                "is_chair": m.is_chair,
                "title": m.title,
                "since": _iso(m.created_at),
            }
            for m in membership_list(user=user)
        ],
        "two_step_login": [
            {"type": a.type, "created_at": _iso(a.created_at), "last_used_at": _iso(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "cms_pages_owned": [
            {"id": p.pk, "title": p.title, "url_path": p.url_path, "live": p.live}
            for p in Page.objects.filter(owner=user).order_by("path")
        ],
    }
    for name, exporter in export_registry:
        if name in data:
            raise ImproperlyConfigured(f"Export section {name!r} clashes with a built-in one.")
        data[name] = exporter(user)
    return data
