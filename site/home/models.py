"""CMS pages: home, standard pages, buurtnieuws, one page per wijk; and site settings."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from buurtkracht.areas.models import Wijk
from buurtkracht.areas.queries import wijk_get
from buurtkracht.blocks import (
    BaseStreamBlock,
    EntryPointStreamBlock,
    FeaturedStreamBlock,
    SocialLinkStreamBlock,
)
from buurtkracht.home.sections import wijk_sections

NEWS_PER_PAGE = 10
LATEST_NEWS = 3

MESSAGES = {
    "image_alt": _(
        "Beschrijf wat er op de afbeelding staat. Dit lezen mensen die de afbeelding niet zien."
    ),
}


def default_entry_points() -> list[tuple[str, dict]]:
    """The four ways in that a new home page starts with; editors may change them."""
    return [
        (
            "entry_point",
            {
                "title": str(_("Ik heb een idee")),
                "text": str(_("Begin een initiatief voor je buurt.")),
                "url": "/initiatieven/nieuw/",
            },
        ),
        (
            "entry_point",
            {
                "title": str(_("Ik wil helpen")),
                "text": str(_("Vind vrijwilligerswerk dat bij je past.")),
                "url": "/vrijwilligers/",
            },
        ),
        (
            "entry_point",
            {
                "title": str(_("Ik zoek een ruimte")),
                "text": str(_("Gebruik gratis een ruimte in een buurthuis.")),
                "url": "/ruimtes/",
            },
        ),
        (
            "entry_point",
            {
                "title": str(_("Doneren")),
                "text": str(_("Geef een klein bedrag aan een initiatief.")),
                "url": "/initiatieven/",
            },
        ),
    ]


def _news_pages():
    """Live news with what a listing shows, in a constant number of queries."""
    images = get_image_model().objects.prefetch_renditions()
    return (
        NewsPage.objects.live()
        .select_related("wijk")
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-date", "-first_published_at", "-pk")
    )


class HomePage(Page):
    intro = models.TextField(_("introductie"), blank=True)
    entry_points = StreamField(
        EntryPointStreamBlock(),
        verbose_name=_("ingangen"),
        blank=True,
        default=default_entry_points,
        help_text=_("De vier knoppen bovenaan: idee, helpen, ruimte, doneren."),
    )
    featured = StreamField(FeaturedStreamBlock(), verbose_name=_("uitgelicht"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("entry_points"),
        FieldPanel("featured"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "home.NewsIndexPage", "home.WijkPage"]

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = _news_pages()[:LATEST_NEWS]
        context["wijk_pages"] = (
            WijkPage.objects.live().child_of(self).select_related("wijk").order_by("title")
        )
        return context


class StandardPage(Page):
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


class NewsIndexPage(Page):
    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")
        verbose_name_plural = _("nieuwsoverzichten")

    def news(self, *, wijk=None):
        """Live news under this page, newest first, optionally of one wijk."""
        news = _news_pages().child_of(self)
        if wijk is not None:
            news = news.filter(wijk=wijk)
        return news

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An unknown wijk shows all news: a stale link should still help the reader.
        wijk = wijk_get(slug=request.GET.get("wijk", ""))
        paginator = Paginator(self.news(wijk=wijk), NEWS_PER_PAGE)
        # get_page turns a bad number into the first page and a too high one into the last.
        context["news_page"] = paginator.get_page(request.GET.get("page"))
        context["selected_wijk"] = wijk
        context["wijken"] = Wijk.objects.order_by("name")
        return context


class NewsPage(Page):
    date = models.DateField(_("datum"), default=timezone.localdate)
    wijk = models.ForeignKey(
        "areas.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijk"),
        help_text=_("Leeg laten als het nieuws over heel West gaat."),
    )
    intro = models.TextField(_("introductie"), help_text=_("Eén of twee zinnen."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afbeelding"),
    )
    image_alt = models.CharField(
        _("beschrijving van de afbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Wat staat er op de afbeelding? Verplicht als je een afbeelding kiest."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("wijk")], heading=_("Over dit bericht")),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Afbeelding")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": ValidationError(MESSAGES["image_alt"], code="image_alt")}
            )


class WijkPage(Page):
    wijk = models.OneToOneField(
        "areas.Wijk",
        on_delete=models.PROTECT,
        related_name="wijk_page",
        verbose_name=_("wijk"),
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("wijk"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("wijkpagina")
        verbose_name_plural = _("wijkpagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["buurten"] = self.wijk.buurten.order_by("name")
        context["latest_news"] = _news_pages().filter(wijk=self.wijk)[:LATEST_NEWS]
        context["news_index"] = NewsIndexPage.objects.live().first()
        # Later apps (initiatieven, ruimtes, vrijwilligers) add their part of the wijk here.
        context["wijk_sections"] = wijk_sections(wijk=self.wijk, request=request)
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and links shown in the footer of every page."""

    footer_text = models.TextField(
        _("tekst in de voettekst"),
        blank=True,
        default=_("Iedereen in West doet mee en telt mee."),
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    address = models.TextField(_("adres"), blank=True)
    social_links = StreamField(
        SocialLinkStreamBlock(),
        verbose_name=_("sociale media en buurtmedia"),
        blank=True,
        help_text=_("Bijvoorbeeld Instagram, de buurtkrant of een WhatsApp-groep."),
    )

    panels = [
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site-instellingen")
