import pytest
from bs4 import BeautifulSoup


@pytest.mark.django_db
def test_a_short_password_is_refused_in_dutch_with_what_was_typed_kept(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@voorbeeld.nl", "password1": "kort-1", "password2": "kort-1"},
    )

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(attrs={"role": "alert"}).get_text(" ", strip=True)
    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in summary
    assert soup.find("input", {"name": "email"})["value"] == "nieuw@voorbeeld.nl"


@pytest.mark.django_db
def test_the_same_rule_reads_in_english_on_the_english_site(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": "short-1", "password2": "short-1"},
    )
    assert "This password is too short. Use at least 10 characters." in response.content.decode()
