import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from buurtkracht.areas.models import Wijk
from buurtkracht.home.models import WijkPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_form_is_shown_without_a_result(client):
    response = client.get("/gebied/")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("label", attrs={"for": "id_postcode"})
    assert html.find("h1").get_text() == "In welke buurt woon ik?"
    assert html.find("h2") is None or "Je woont" not in html.get_text()


def test_a_postcode_shows_buurt_wijk_and_a_link_to_the_wijk_page(client):
    home = Site.objects.get(is_default_site=True).root_page
    wijk = Wijk.objects.get(name="Bos en Lommer")
    page = WijkPage(title="Bos en Lommer", slug="bos-en-lommer", wijk=wijk)
    home.add_child(instance=page)
    page.save_revision().publish()

    html = soup(client.get("/gebied/", {"postcode": " 1055 xk "}))
    assert html.find("h2").get_text() == "Je woont in Landlust"
    assert "de wijk Bos en Lommer" in html.get_text()
    assert "focusgebied" in html.get_text()
    assert html.find("a", href=page.url)


def test_an_unknown_postcode_says_so(client):
    html = soup(client.get("/gebied/", {"postcode": "9999AA"}))
    assert html.find("h2").get_text() == "Deze postcode kennen we niet"


def test_an_invalid_postcode_shows_the_error_at_the_field(client):
    response = client.get("/gebied/", {"postcode": "hallo"})
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["postcode"][0].code == "postcode_ongeldig"
    assert "Je woont" not in response.content.decode()
