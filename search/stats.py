"""Anonymous search counts: what residents look for, and what they do not find.

Each search adds one to the row of (term, wijk filter, day) in ``Zoekterm``; a search
without results also adds one to ``zero_results`` (demand on the sociale kaart). Nothing
about the person is kept: no user, no IP address, no time of day. The write happens in a
task after the request's transaction, so the page never waits on it.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django_tasks import task

from search.forms import fold
from search.models import Zoekterm

MAX_TERM = 100
POPULAR_DAYS = 30
# A term is shown as "veel gezocht" only after several searches, so one person's odd
# search (a name, an address) never ends up on the page.
POPULAR_MIN_SEARCHES = 3


def term_normalise(q: str) -> str:
    """The counted form of a query: lower case, no accents, single spaces, at most 100."""
    return " ".join(fold(q or "").split())[:MAX_TERM].rstrip()


def search_record(*, q: str, wijk: str, total: int, page: int = 1) -> None:
    """Count this search after the current transaction commits (skips empty and page > 1)."""
    term = term_normalise(q)
    if not term or page > 1:
        return
    day = timezone.localdate().isoformat()
    transaction.on_commit(
        lambda: zoekterm_record.enqueue(term=term, wijk=wijk or "", day=day, zero=total == 0)
    )


@task()
def zoekterm_record(*, term: str, wijk: str, day: str, zero: bool) -> None:
    """The task behind ``search_record``; only plain values cross to the worker."""
    zoekterm_count(term=term, wijk=wijk, day=dt.date.fromisoformat(day), zero=zero)


@transaction.atomic
def zoekterm_count(*, term: str, wijk: str, day: dt.date, zero: bool) -> None:
    """Add one search (and one zero result when ``zero``) to the day's row, atomically.

    The UPDATE with F() expressions adds in the database, so two searches at once never
    lose a count. When the row does not exist yet, two workers may both try to create it:
    the loser gets an IntegrityError on the unique (term, wijk, day) and updates instead.
    """
    changes = {"searches": F("searches") + 1}
    if zero:
        changes["zero_results"] = F("zero_results") + 1
    rows = Zoekterm.objects.filter(term=term, wijk=wijk, day=day)
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            Zoekterm.objects.create(
                term=term, wijk=wijk, day=day, searches=1, zero_results=1 if zero else 0
            )
    except IntegrityError:
        rows.update(**changes)


def popular_terms(limit: int = 8, *, min_searches: int = POPULAR_MIN_SEARCHES) -> list[str]:
    """The most searched terms of the last 30 days that found something, most first."""
    since = timezone.localdate() - dt.timedelta(days=POPULAR_DAYS)
    rows = (
        Zoekterm.objects.filter(day__gte=since)
        .values("term")
        .annotate(total=Sum("searches"), zero=Sum("zero_results"))
        .filter(total__gte=min_searches, total__gt=F("zero"))
        .order_by("-total", "term")[:limit]
    )
    return [row["term"] for row in rows]
