"""iCal feeds: one per room (confirmed bookings, private titles as "Bezet") and one
personal feed per user behind a secret, resettable address."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ruimtes.models import Agenda, Boeking, Ruimte

FEED_PAST = timedelta(days=30)


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Buurtkracht//Ruimtes//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    return cal


def _event(boeking: Boeking, summary: str, *, with_details: bool) -> Event:
    event = Event()
    event.add("uid", f"boeking-{boeking.pk}@buurtkracht")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", boeking.starts_at)
    event.add("dtend", boeking.ends_at)
    event.add("summary", summary)
    event.add(
        "location",
        f"{boeking.ruimte.name}, {boeking.ruimte.locatie.name}, {boeking.ruimte.locatie.address}",
    )
    event.add("status", "CONFIRMED" if boeking.status == Boeking.Status.BEVESTIGD else "TENTATIVE")
    if with_details:
        event.add("url", settings.SITE_URL + boeking.get_absolute_url())
    return event


def _response(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def ruimte_feed(request, pk: int):
    ruimte = Ruimte.objects.select_related("locatie").filter(pk=pk).first()
    if ruimte is None:
        raise Http404
    cal = _calendar(f"{ruimte.name} ({ruimte.locatie.name})")
    rows = Boeking.objects.confirmed().filter(
        ruimte=ruimte, ends_at__gte=timezone.now() - FEED_PAST
    )
    for boeking in rows.select_related("ruimte__locatie"):
        cal.add_component(_event(boeking, boeking.public_title, with_details=False))
    return _response(cal, f"ruimte-{ruimte.pk}.ics")


def personal_feed(request, token: str):
    agenda = Agenda.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if agenda is None:
        raise Http404
    cal = _calendar(_("Mijn boekingen"))
    rows = Boeking.objects.active().filter(
        booker=agenda.user, ends_at__gte=timezone.now() - FEED_PAST
    )
    for boeking in rows.select_related("ruimte__locatie"):
        cal.add_component(_event(boeking, boeking.title, with_details=True))
    response = _response(cal, "mijn-boekingen.ics")
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response
