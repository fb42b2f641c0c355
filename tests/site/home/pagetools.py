"""Small helpers for the CMS page tests."""

import datetime

import pytest
from bs4 import BeautifulSoup

from buurtkracht.home.models import NewsIndexPage, NewsPage

# Wagtail's Image.generate_rendition_file leaves its SpooledTemporaryFile to the garbage
# collector, which warns; that is Wagtail's, not ours.
WAGTAIL_RENDITION_LEAK = pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnraisableExceptionWarning"
)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def news_index(home):
    return publish(home, NewsIndexPage(title="Buurtnieuws", slug="nieuws"))


def news(index, n, *, wijk=None, days_ago=0, **fields):
    return publish(
        index,
        NewsPage(
            title=f"Bericht {n}",
            slug=f"bericht-{n}",
            date=datetime.date(2026, 6, 30) - datetime.timedelta(days=days_ago),
            wijk=wijk,
            intro=f"Korte inleiding {n}",
            **fields,
        ),
    )
