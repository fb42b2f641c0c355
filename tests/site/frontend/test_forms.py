"""Form components: error summary, labels, "verplicht", errors beside their field."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template

from tests.site.frontend.conftest import soup

pytestmark = pytest.mark.django_db


def test_signup_with_bad_data_shows_the_errors_and_keeps_the_email(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "anna@voorbeeld.nl", "password1": "kort", "password2": "anders"},
    )
    assert response.status_code == 200
    page = soup(response)

    summary = page.find(attrs={"role": "alert"})
    assert summary is not None and summary["id"] == "error-summary"
    form = page.find("main").find("form", action="/accounts/signup/")
    assert form.find(attrs={"role": "alert"}) is summary, "the summary opens the form"
    assert summary.find("h2").get_text(strip=True).startswith("Er is 1 fout")
    links = summary.find_all("a")
    assert [link["href"] for link in links] == ["#id_password1"]
    assert links[0].get_text(strip=True).startswith("Wachtwoord:")

    password = page.find("input", id="id_password1")
    assert password["aria-invalid"] == "true"
    error = page.find(id="id_password1-error")
    assert error is not None and "utrecht-form-field-error-message" in error["class"]
    message = error.find("p").contents[-1].strip()
    assert message and links[0].get_text(strip=True) == f"Wachtwoord: {message}"
    assert "id_password1-error" in password["aria-describedby"].split()
    wrapper = password.find_parent(class_="utrecht-form-field")
    assert error in wrapper.descendants, "the error sits beside its field"
    assert "utrecht-form-field--invalid" in wrapper["class"]

    assert page.find("input", id="id_email")["value"] == "anna@voorbeeld.nl"
    assert page.find("input", id="id_password1").get("value") in (None, "")


def test_signup_with_an_invalid_email_lists_each_error(client):
    response = client.post(
        "/accounts/signup/", {"email": "anna@", "password1": "", "password2": ""}
    )
    summary = soup(response).find(attrs={"role": "alert"})
    hrefs = [link["href"] for link in summary.find_all("a")]
    assert hrefs[0] == "#id_email"
    assert "#id_password1" in hrefs
    assert soup(response).find("input", id="id_email")["value"] == "anna@"


def test_login_errors_that_belong_to_no_field_are_listed_without_a_link(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": "fout-wachtwoord"})
    summary = soup(response).find(attrs={"role": "alert"})
    item = summary.find("li")
    assert item.find("a") is None
    assert item.get_text(strip=True)


def test_required_fields_say_verplicht_in_words(client):
    page = soup(client.get("/accounts/signup/"))
    label = page.find("label", attrs={"for": "id_email"})
    assert label.find(class_="bk-required").get_text(strip=True) == "(verplicht)"
    assert page.find("input", id="id_email").get("placeholder") is None


class ExampleForm(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals je buren je kennen.")
    wijk = forms.ChoiceField(
        label="Wijk", choices=[("a", "Westerpark"), ("b", "Oud-West")], widget=forms.RadioSelect
    )
    dagen = forms.MultipleChoiceField(
        label="Dagen",
        choices=[("ma", "Maandag"), ("di", "Dinsdag")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    akkoord = forms.BooleanField(label="Ik ga akkoord")
    foto = forms.ImageField(label="Foto", required=False)
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)


def render(form):
    html = Template("{% load components %}{% form_body form %}").render(Context({"form": form}))
    return BeautifulSoup(html, "html.parser")


def test_choice_lists_sit_in_a_fieldset_with_a_legend():
    page = render(ExampleForm(data={"naam": "", "dagen": ["xx"]}))
    legends = {f.legend.get_text(" ", strip=True): f for f in page.find_all("fieldset")}
    assert set(legends) == {"Wijk (verplicht)", "Dagen"}
    wijk = legends["Wijk (verplicht)"]
    radios = wijk.find_all("input", type="radio")
    assert [r["id"] for r in radios] == ["id_wijk_0", "id_wijk_1"]
    for radio in radios:
        assert wijk.find("label", attrs={"for": radio["id"]}) is not None
    assert wijk["aria-describedby"] == "id_wijk-error"
    assert page.find(id="id_wijk-error") in wijk.descendants
    summary = page.find(attrs={"role": "alert"})
    assert "#id_wijk_0" in [a["href"] for a in summary.find_all("a")]
    assert "#id_dagen_0" in [a["href"] for a in summary.find_all("a")]


def test_each_input_has_a_label_and_the_hint_is_linked():
    page = render(ExampleForm())
    for field in page.find_all(["input", "textarea", "select"]):
        assert page.find("label", attrs={"for": field["id"]}) is not None, field
    naam = page.find("input", id="id_naam")
    assert naam["aria-describedby"] == "id_naam-hint"
    assert page.find(id="id_naam-hint").get_text(strip=True) == "Zoals je buren je kennen."
    assert "utrecht-textbox" in naam["class"]
    assert "utrecht-textarea" in page.find("textarea")["class"]
    assert page.find("input", type="file")["class"] == ["bk-file-input"]
    assert page.find(attrs={"role": "alert"}) is None, "no summary before the form is sent"
