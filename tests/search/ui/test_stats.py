"""Anonymous search counts: normalising, the atomic upsert and "veel gezocht"."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from search import stats
from search.models import Zoekterm

pytestmark = pytest.mark.django_db


def test_term_is_folded_and_capped():
    assert stats.term_normalise("  Café   DE Ruif ") == "cafe de ruif"
    assert len(stats.term_normalise("x" * 300)) == 100
    assert stats.term_normalise("   ") == ""


def test_count_adds_up_and_skips_empty_and_later_pages(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stats.search_record(q="Moestuin", wijk="", total=3)
        stats.search_record(q="moestuin", wijk="", total=0)
        stats.search_record(q="moestuin", wijk="westerpark", total=1)
        stats.search_record(q="moestuin", wijk="", total=3, page=2)
        stats.search_record(q="  ", wijk="", total=0)
    rows = {(r.term, r.wijk): (r.searches, r.zero_results) for r in Zoekterm.objects.all()}
    assert rows == {("moestuin", ""): (2, 1), ("moestuin", "westerpark"): (1, 0)}


@pytest.mark.django_db(transaction=True)
def test_two_first_searches_at_once_both_count():
    """The second worker's INSERT waits on the first one's uncommitted row, then fails on
    the unique constraint and adds to the row instead: no count lost, no error."""
    day = timezone.localdate()
    inserted, errors = threading.Event(), []

    def first():
        try:
            with transaction.atomic():
                stats.zoekterm_count(term="fiets", wijk="", day=day, zero=False)
                inserted.set()
                time.sleep(0.4)  # the second worker now waits on our row
        except Exception as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)
        finally:
            connection.close()

    def second():
        try:
            inserted.wait(5)
            stats.zoekterm_count(term="fiets", wijk="", day=day, zero=True)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    row = Zoekterm.objects.get(term="fiets")
    assert (row.searches, row.zero_results) == (2, 1)


def test_popular_terms_found_something_recently_and_often():
    today = timezone.localdate()
    Zoekterm.objects.create(term="moestuin", day=today, searches=5, zero_results=1)
    Zoekterm.objects.create(term="moestuin", wijk="westerpark", day=today, searches=2)
    Zoekterm.objects.create(term="taalcoach", day=today, searches=3)
    Zoekterm.objects.create(term="zwembad", day=today, searches=9, zero_results=9)
    Zoekterm.objects.create(term="jan jansen", day=today, searches=1)
    Zoekterm.objects.create(term="oud", day=today - dt.timedelta(days=40), searches=50)
    assert stats.popular_terms() == ["moestuin", "taalcoach"]
    assert stats.popular_terms(limit=1) == ["moestuin"]
    assert stats.popular_terms(min_searches=1) == ["moestuin", "taalcoach", "jan jansen"]
