"""The buurtnieuws index and news pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buurtkracht.areas.models import Wijk
from buurtkracht.home.models import NewsPage
from tests.site.home.pagetools import WAGTAIL_RENDITION_LEAK, news, news_index, soup

pytestmark = pytest.mark.django_db


def test_news_index_lists_newest_first_and_paginates(client, home):
    index = news_index(home)
    for n in range(12):
        news(index, n, days_ago=n)
    response = client.get(index.url)
    titles = [h.get_text() for h in soup(response).select(".bk-news-card h2")]
    assert titles == [f"Bericht {n}" for n in range(10)]

    titles = [
        h.get_text() for h in soup(client.get(index.url + "?page=2")).select(".bk-news-card h2")
    ]
    assert titles == ["Bericht 10", "Bericht 11"]


@pytest.mark.parametrize(
    ("page", "first_title"),
    [
        ("999", "Bericht 10"),
        ("-1", "Bericht 10"),
        ("0", "Bericht 10"),
        ("abc", "Bericht 0"),
        ("", "Bericht 0"),
        ("1.5", "Bericht 0"),
    ],
)
def test_news_index_bad_page_numbers_show_the_last_or_first_page(client, home, page, first_title):
    index = news_index(home)
    for n in range(12):
        news(index, n, days_ago=n)
    response = client.get(index.url, {"page": page})
    assert response.status_code == 200
    assert soup(response).select_one(".bk-news-card h2").get_text() == first_title


def test_news_index_filters_by_wijk_and_ignores_an_unknown_wijk(client, home):
    index = news_index(home)
    baarsjes = Wijk.objects.get(slug="de-baarsjes")
    news(index, 1, wijk=baarsjes)
    news(index, 2, wijk=Wijk.objects.get(slug="westerpark"))
    news(index, 3)

    titles = {
        h.get_text()
        for h in soup(client.get(index.url, {"wijk": "de-baarsjes"})).select(".bk-news-card h2")
    }
    assert titles == {"Bericht 1"}

    response = client.get(index.url, {"wijk": "atlantis"})
    assert response.status_code == 200
    titles = {h.get_text() for h in soup(response).select(".bk-news-card h2")}
    assert titles == {"Bericht 1", "Bericht 2", "Bericht 3"}


def test_draft_news_is_not_listed(client, home):
    index = news_index(home)
    news(index, 1)
    draft = NewsPage(title="Geheim concept", slug="concept", intro="x", live=False)
    index.add_child(instance=draft)
    assert "Geheim concept" not in client.get(index.url).content.decode()


@WAGTAIL_RENDITION_LEAK
def test_news_listing_uses_a_constant_number_of_queries(client, home):
    from tests.site.home.images import make_image

    index = news_index(home)
    wijk = Wijk.objects.get(slug="oud-west")
    news(index, 0, wijk=wijk, image=make_image(), image_alt="Foto")
    client.get(index.url)  # renditions are made once; later visits read them

    with CaptureQueriesContext(connection) as few:
        assert client.get(index.url).status_code == 200
    for n in range(1, 8):
        news(index, n, wijk=wijk, image=make_image(), image_alt="Foto")
    client.get(index.url)
    with CaptureQueriesContext(connection) as many:
        assert client.get(index.url).status_code == 200
    assert len(many) == len(few)


def test_news_image_needs_alt_text(home):
    from django.core.exceptions import ValidationError

    from tests.site.home.images import make_image

    index = news_index(home)
    page = NewsPage(title="Met foto", slug="met-foto", intro="x", image=make_image())
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert error.value.error_dict["image_alt"][0].code == "image_alt"


@WAGTAIL_RENDITION_LEAK
def test_news_page_image_is_a_lazy_webp_picture_with_alt_text(client, home):
    from tests.site.home.images import make_image

    index = news_index(home)
    item = news(index, 1, image=make_image(), image_alt="Buren rond een grote pan soep")
    html = soup(client.get(item.url))
    picture = html.find("picture")
    assert picture.find("source", type="image/webp")
    img = picture.find("img")
    assert img["alt"] == "Buren rond een grote pan soep"
    assert img["loading"] == "lazy"
