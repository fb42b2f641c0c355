"""Public pages: the room finder, a room's week, booking in two steps, my bookings."""

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from buurtkracht.accounts import rules
from ruimtes import checks, queries, services
from ruimtes.forms import BookingForm, CancelForm, FinderForm, add_service_error
from ruimtes.models import Boeking, Ruimte
from ruimtes.timeutil import AMSTERDAM, week_start


def _today() -> date:
    return timezone.now().astimezone(AMSTERDAM).date()


def index(request):
    """The finder: with a date and times it lists free rooms, else every room."""
    form = FinderForm(request.GET or None, initial={"date": _today() + timedelta(days=1)})
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = queries.ruimte_find(
            queries.FinderQuery(
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                people=data["people"],
                voorzieningen=tuple(data["voorzieningen"]),
                wijk_id=data["wijk"].pk if data["wijk"] else None,
            )
        )
    rooms = queries.ruimte_list() if results is None else results
    return render(
        request,
        "ruimtes/index.html",
        {
            "form": form,
            "rooms": rooms,
            "searched": results is not None,
            "manages_locations": request.user.is_authenticated
            and request.user.beheerde_locaties.exists(),
        },
    )


def _parse_week(value: str | None) -> date:
    try:
        day = date.fromisoformat(value) if value else _today()
    except ValueError:
        day = _today()
    return week_start(day)


def ruimte(request, pk: int):
    """A room with its week: a table of hours and days, each cell "vrij" or "bezet"."""
    try:
        room = queries.ruimte_detail(pk)
    except Ruimte.DoesNotExist:
        raise Http404 from None
    monday = _parse_week(request.GET.get("week"))
    days, rows = queries.week_grid(room, monday, now=timezone.now())
    return render(
        request,
        "ruimtes/ruimte.html",
        {
            "room": room,
            "locatie": room.locatie,
            "days": days,
            "rows": rows,
            "monday": monday,
            "previous_week": monday - timedelta(weeks=1),
            "next_week": monday + timedelta(weeks=1),
            "this_week": week_start(_today()),
            "closures": [s for s in room.locatie.sluitingen.all() if s.ends_on >= _today()],
        },
    )


def _initial_from_query(request, room) -> dict:
    initial = {"booker_type": "bewoners", "repeat": "0", "expected_people": min(10, room.capacity)}
    for key in ("date", "start", "end"):
        if request.GET.get(key):
            initial[key] = request.GET[key]
    if "start" in initial and "end" not in initial:
        try:
            start = datetime.strptime(initial["start"], "%H:%M")
            initial["end"] = (start + timedelta(minutes=max(60, room.min_minutes))).strftime(
                "%H:%M"
            )
        except ValueError:
            pass
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def boeken(request, pk: int):
    """Step 1: choose (form); step 2: confirm (summary, price, series conflicts); then book."""
    room = get_object_or_404(Ruimte.objects.select_related("locatie"), pk=pk)
    if not rules.can(request.user, rules.PARTICIPATE):
        messages.error(
            request, _("Bevestig eerst je e-mailadres. Daarna kun je een ruimte boeken.")
        )
        return redirect("account_email")
    if request.method == "GET":
        form = BookingForm(initial=_initial_from_query(request, room), user=request.user)
        return render(request, "ruimtes/boeken.html", {"room": room, "form": form})

    form = BookingForm(request.POST, user=request.user)
    if not form.is_valid() or request.POST.get("step") == "wijzigen":
        return render(request, "ruimtes/boeken.html", {"room": room, "form": form})
    data = form.cleaned_data
    args = {
        "ruimte": room,
        "starts_at": data["starts_at"],
        "ends_at": data["ends_at"],
        "expected_people": data["expected_people"],
        "booker_type": data["booker_type"],
    }
    interval = int(data["repeat"])
    confirmed = request.POST.get("step") == "bevestigen"
    try:
        if not confirmed:
            plan = None
            if interval:
                plan = checks.serie_plan(interval_weeks=interval, until=data["until"], **args)
            else:
                checks.booking_rules_check(now=timezone.now(), **args)
            price = checks.booking_price(
                ruimte=room,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                booker_type=data["booker_type"],
            )
            return render(
                request,
                "ruimtes/bevestigen.html",
                {"room": room, "form": form, "data": data, "plan": plan, "price": price},
            )
        booking_args = {
            **args,
            "booker": request.user,
            "title": data["title"],
            "purpose": data["purpose"],
            "behoefte": data["behoefte"],
            "title_is_public": data["title_is_public"],
        }
        if interval:
            serie, plan = services.serie_create(
                interval_weeks=interval, until=data["until"], **booking_args
            )
            messages.success(
                request,
                _("%(count)s datums geboekt, %(skipped)s overgeslagen.")
                % {"count": len(plan.bookable), "skipped": len(plan.conflicts)},
            )
            return redirect("ruimtes:mijn")
        boeking = services.boeking_create(**booking_args)
    except ValidationError as error:
        add_service_error(form, error)
        return render(request, "ruimtes/boeken.html", {"room": room, "form": form})
    if boeking.status == Boeking.Status.BEVESTIGD:
        messages.success(request, _("Je boeking is bevestigd."))
    else:
        messages.success(
            request, _("Je aanvraag is verstuurd. De beheerder laat je weten of het kan.")
        )
    return redirect(boeking)


@login_required
def mijn(request):
    agenda = services.agenda_get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("ruimtes:feed", args=[agenda.token]))
    boekingen = queries.boeking_list_for_user(request.user)
    now = timezone.now()
    return render(
        request,
        "ruimtes/mijn.html",
        {
            "upcoming": [b for b in boekingen if b.ends_at >= now],
            "past": [b for b in boekingen if b.ends_at < now][:20],
            "feed_url": feed_url,
        },
    )


def _own_or_managed(request, pk: int) -> Boeking:
    boeking = get_object_or_404(
        Boeking.objects.select_related("ruimte__locatie", "booker", "serie"), pk=pk
    )
    if boeking.booker_id != request.user.pk and not rules.can(
        request.user, rules.LOCATION_MANAGE, boeking.ruimte.locatie
    ):
        raise PermissionDenied
    return boeking


@login_required
def boeking(request, pk: int):
    item = _own_or_managed(request, pk)
    can_cancel = (
        item.status in (Boeking.Status.AANGEVRAAGD, Boeking.Status.BEVESTIGD)
        and item.ends_at > timezone.now()
    )
    return render(
        request,
        "ruimtes/boeking.html",
        {"boeking": item, "form": CancelForm(), "can_cancel": can_cancel},
    )


@login_required
@require_POST
def annuleren(request, pk: int):
    item = _own_or_managed(request, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return render(
            request, "ruimtes/boeking.html", {"boeking": item, "form": form, "can_cancel": True}
        )
    reason = form.cleaned_data["reason"]
    try:
        if form.cleaned_data.get("scope") == "rest" and item.serie_id:
            count = services.serie_cancel_rest(boeking=item, user=request.user, reason=reason)
            messages.success(request, _("%(count)s datums geannuleerd.") % {"count": count})
        else:
            services.boeking_cancel(boeking=item, user=request.user, reason=reason)
            messages.success(request, _("De boeking is geannuleerd."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(item)


@login_required
@require_POST
def feed_reset(request):
    services.agenda_reset(user=request.user)
    messages.success(
        request, _("Je agenda heeft een nieuw geheim adres. Het oude werkt niet meer.")
    )
    return redirect("ruimtes:mijn")
