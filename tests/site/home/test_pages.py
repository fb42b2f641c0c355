import pytest
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from buurtkracht.areas.models import Wijk
from buurtkracht.home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    WijkPage,
)
from tests.factories import UserFactory
from tests.site.home.pagetools import news, news_index, publish, soup

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    """Each page type can be created where it belongs, and nowhere else."""

    def test_home_page_is_at_the_root_and_served_by_the_default_site(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)
        self.assertEqual(site.root_page.depth, 2)
        self.assertFalse(Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists())
        self.assertCanCreateAt(Page, HomePage)

    def test_children_of_home(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, NewsIndexPage, WijkPage})
        for model in (StandardPage, NewsIndexPage, WijkPage):
            self.assertCanCreateAt(HomePage, model)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_news_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_standard_pages_nest_but_wijk_pages_do_not(self):
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, WijkPage)
        self.assertAllowedSubpageTypes(WijkPage, set())

    def test_editor_can_create_each_page_type_in_the_admin(self):
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        user = UserFactory(is_staff=True, is_superuser=True)
        TOTP.activate(user, generate_totp_secret())
        self.client.force_login(user)
        home = Site.objects.get(is_default_site=True).root_page.specific
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Over ons",
                    "slug": "over-ons",
                    "intro": "Inleiding",
                    "body": streamfield([("heading", {"text": "Wie zijn we", "level": "h3"})]),
                }
            ),
        )
        wijk = Wijk.objects.get(name="Westerpark")
        self.assertCanCreate(
            home,
            WijkPage,
            nested_form_data(
                {
                    "title": "Westerpark",
                    "slug": "westerpark",
                    "wijk": wijk.pk,
                    "intro": "",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(WijkPage.objects.get(slug="westerpark").wijk, wijk)


@pytest.mark.parametrize("logged_in", [False, True])
def test_every_page_type_renders_with_one_h1(client, home, logged_in):
    if logged_in:
        client.force_login(UserFactory())
    standard = publish(
        home,
        StandardPage(
            title="Over Buurtkracht",
            slug="over",
            intro="Wie we zijn",
            body=[
                ("heading", {"text": "Tussenkop", "level": "h3"}),
                ("paragraph", RichText("<p>Gewone <b>tekst</b></p>")),
                ("quote", {"text": "Samen sterk", "attribution": "Een buurman"}),
                (
                    "call_to_action",
                    {"text": "Doe mee", "description": "", "page": None, "url": "/vrijwilligers/"},
                ),
                (
                    "table",
                    {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [["Wie", "Wat"], ["Regiegroep", "Voorstellen"]],
                    },
                ),
            ],
        ),
    )
    index = news_index(home)
    wijk = Wijk.objects.get(name="De Baarsjes")
    item = news(index, 1, wijk=wijk)
    wijk_page = publish(home, WijkPage(title="De Baarsjes", slug="de-baarsjes", wijk=wijk))

    for page, text in [
        (home, "Ik heb een idee"),
        (standard, "Samen sterk"),
        (index, "Bericht 1"),
        (item, "Korte inleiding 1"),
        (wijk_page, "Postjeskade"),
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page
        html = soup(response)
        assert len(html.find_all("h1")) == 1, page
        assert text in html.get_text(), page

    html = soup(client.get(standard.url))
    assert html.find("h3").get_text() == "Tussenkop"
    assert html.find("a", string="Doe mee")["href"] == "/vrijwilligers/"
    assert html.find("th").get_text(strip=True) == "Wie"


def test_home_page_shows_the_four_entry_points_with_their_links(client, home):
    html = soup(client.get(home.url))
    nav = html.find("nav", class_="bk-entry-points")
    links = {
        a.find(class_="bk-entry-point__title").get_text(): a["href"] for a in nav.find_all("a")
    }
    assert links == {
        "Ik heb een idee": "/initiatieven/nieuw/",
        "Ik wil helpen": "/vrijwilligers/",
        "Ik zoek een ruimte": "/ruimtes/",
        "Doneren": "/initiatieven/",
    }


def test_home_page_entry_points_are_editable(client, home):
    home.entry_points = [("entry_point", {"title": "Kom koken", "text": "", "url": "/koken/"})]
    home.save_revision().publish()
    nav = soup(client.get(home.url)).find("nav", class_="bk-entry-points")
    assert [a["href"] for a in nav.find_all("a")] == ["/koken/"]


def test_wijk_page_lists_its_buurten_with_focusgebied_marked_and_its_news(client, home):
    wijk = Wijk.objects.get(name="Bos en Lommer")
    page = publish(home, WijkPage(title="Bos en Lommer", slug="bos-en-lommer", wijk=wijk))
    index = news_index(home)
    news(index, 1, wijk=wijk)
    news(index, 2, wijk=Wijk.objects.get(name="Westerpark"))

    html = soup(client.get(page.url))
    items = {li.contents[0].strip(): li for li in html.select(".bk-buurt-list li")}
    assert set(items) == set(wijk.buurten.values_list("name", flat=True))
    assert "Landlust" in items and "Chassébuurt" not in items
    assert items["Kolenkitbuurt"].find(class_="bk-badge").get_text() == "focusgebied"
    assert items["Erasmuspark"].find(class_="bk-badge") is None
    news_titles = [h.get_text() for h in html.select(".bk-latest-news h3")]
    assert news_titles == ["Bericht 1"]


def test_wijk_page_shows_registered_sections(client, home, settings, tmp_path):
    from buurtkracht.home import sections

    template_dir = tmp_path / "templates"
    (template_dir / "test").mkdir(parents=True)
    (template_dir / "test" / "section.html").write_text(
        "<h2>Ruimtes in {{ wijk.name }}: {{ section.count }}</h2>"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir]}
    ]
    wijk = Wijk.objects.get(name="Oud-West")
    page = publish(home, WijkPage(title="Oud-West", slug="oud-west", wijk=wijk))
    section = sections.WijkSection(
        key="test-ruimtes",
        template="test/section.html",
        get_context=lambda *, wijk, request: {"count": wijk.buurten.count()},
    )
    sections.register_wijk_section(section)
    try:
        html = soup(client.get(page.url))
    finally:
        sections._SECTIONS.pop("test-ruimtes")
    assert html.find("h2", string=f"Ruimtes in Oud-West: {wijk.buurten.count()}")


def test_a_wijk_has_at_most_one_wijk_page(home):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    wijk = Wijk.objects.get(name="Westerpark")
    publish(home, WijkPage(title="Westerpark", slug="westerpark", wijk=wijk))
    with pytest.raises(ValidationError) as error:
        publish(home, WijkPage(title="Westerpark 2", slug="westerpark-2", wijk=wijk))
    assert error.value.error_dict["wijk"][0].code == "unique"
    assert WijkPage.objects.filter(wijk=wijk).count() == 1
    # The database holds the rule too.
    other = publish(
        home, WijkPage(title="Oud-West", slug="oud-west", wijk=Wijk.objects.get(name="Oud-West"))
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        WijkPage.objects.filter(pk=other.pk).update(wijk=wijk)


def test_site_settings_show_in_the_footer(client, home):
    from buurtkracht.home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "hallo@buurtkracht.nl"
    site_settings.social_links = [("link", {"label": "Buurtkrant", "url": "https://krant.example"})]
    site_settings.save()
    html = soup(client.get(home.url))
    footer = html.find("footer")
    assert footer.find("a", href="mailto:hallo@buurtkracht.nl")
    assert footer.find("a", string="Buurtkrant")["href"] == "https://krant.example"


class TestPreview(WagtailPageTestCase):
    def setUp(self):
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        self.editor = UserFactory(is_staff=True, is_superuser=True)
        TOTP.activate(self.editor, generate_totp_secret())
        self.home = Site.objects.get(is_default_site=True).root_page.specific

    def test_preview_works_for_every_page_type(self):
        index = news_index(self.home)
        wijk = Wijk.objects.get(name="Westerpark")
        empty = streamfield([])
        pages = [
            (self.home, {"intro": "Welkom", "entry_points": empty, "featured": empty}),
            (
                publish(self.home, StandardPage(title="Contact", slug="contact")),
                {"intro": "", "body": empty},
            ),
            (index, {"intro": ""}),
            (
                news(index, 1, wijk=wijk),
                {
                    "date": "2026-06-30",
                    "wijk": wijk.pk,
                    "intro": "Kort",
                    "image": "",
                    "image_alt": "",
                    "body": empty,
                },
            ),
            (
                publish(self.home, WijkPage(title="Westerpark", slug="westerpark", wijk=wijk)),
                {"wijk": wijk.pk, "intro": "", "body": empty},
            ),
        ]
        for page, fields in pages:
            data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "comments": inline_formset([]),
                    **fields,
                }
            )
            self.assertPageIsPreviewable(page, user=self.editor, post_data=data)

    def test_preview_shows_the_unsaved_title(self):
        page = publish(self.home, StandardPage(title="Contact", slug="contact"))
        self.client.force_login(self.editor)
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = nested_form_data(
            {
                "title": "Nieuwe titel in voorbeeld",
                "slug": "contact",
                "intro": "",
                "body": streamfield([]),
            }
        )
        assert self.client.post(url, data).json() == {"is_valid": True, "is_available": True}
        response = self.client.get(url)
        assert response.status_code == 200
        assert soup(response).find("h1").get_text() == "Nieuwe titel in voorbeeld"
