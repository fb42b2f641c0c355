import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_404_page_links_to_search_and_home(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser").find("main")
    assert page.find("h1").get_text(strip=True) == "Deze pagina bestaat niet (meer)"
    hrefs = {a.get_text(strip=True): a["href"] for a in page.find_all("a")}
    assert hrefs["zoek op de site"] == "/zoeken/"
    assert hrefs["Naar de startpagina"] == "/"


@pytest.mark.django_db
def test_403_page_offers_login_to_an_anonymous_visitor(rf):
    request = rf.get("/geheim/")
    request.user = AnonymousUser()
    html = render_to_string("403.html", {"user": request.user}, request=request)
    page = BeautifulSoup(html, "html.parser").find("main")
    login = page.find("a", string="Log dan eerst in")
    assert login is not None
    assert login["href"] == "/accounts/login/"
