"""Every StreamField block of the site, around one base stream block (STYLE 3).

Templates live in templates/blocks/. Headings offer h2-h4 only: the page title is the h1.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

MESSAGES = {
    "alt_verplicht": _(
        "Beschrijf wat er op de afbeelding staat, of vink aan dat de afbeelding alleen versiering is."
    ),
    "link_een": _("Kies een pagina of vul een webadres in, niet allebei."),
    "link_geen": _("Kies een pagina of vul een webadres in."),
    "link_ongeldig": _("Vul een webadres in dat begint met https:// of met /, zoals /ruimtes/."),
}


def validate_link(value: str) -> None:
    """A link on our own site ("/ruimtes/") or a full http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as exc:
        raise ValidationError(MESSAGES["link_ongeldig"], code="link_ongeldig") from exc


class LinkTargetMixin:
    """A struct value with `page` (PageChooserBlock) and `url` fields: exactly one is set."""

    def clean_link(self, value):
        page, url = value.get("page"), value.get("url")
        if page and url:
            error = ValidationError(MESSAGES["link_een"], code="link_een")
        elif not page and not url:
            error = ValidationError(MESSAGES["link_geen"], code="link_geen")
        else:
            return
        raise blocks.StructBlockValidationError(block_errors={"url": error})

    def clean(self, value):
        value = super().clean(value)
        self.clean_link(value)
        return value


class LinkStructValue(blocks.StructValue):
    def href(self) -> str:
        page = self.get("page")
        return page.url if page else self.get("url", "")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Beschrijving (alt-tekst)"),
        required=False,
        max_length=250,
        help_text=_("Wat staat er op de afbeelding? Dit lezen mensen die niet kunnen zien."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Alleen versiering"),
        required=False,
        help_text=_("Vink aan als de afbeelding niets toevoegt aan de tekst."),
    )
    caption = blocks.CharBlock(label=_("Onderschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(MESSAGES["alt_verplicht"], code="alt_verplicht")
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Van wie"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst op de knop"), max_length=80)
    description = blocks.TextBlock(label=_("Uitleg"), required=False, max_length=300)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.CharBlock(
        label=_("Of een webadres"), required=False, max_length=300, validators=[validate_link]
    )

    class Meta:
        icon = "pick"
        label = _("Oproep (knop)")
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue


class FeaturedBlock(LinkTargetMixin, blocks.StructBlock):
    """A card on the home page pointing at a page or address."""

    title = blocks.CharBlock(label=_("Titel"), max_length=100)
    text = blocks.TextBlock(label=_("Korte tekst"), max_length=300)
    image = ImageChooserBlock(label=_("Afbeelding"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.CharBlock(
        label=_("Of een webadres"), required=False, max_length=300, validators=[validate_link]
    )

    class Meta:
        icon = "doc-full"
        label = _("Uitgelicht")
        template = "blocks/featured_block.html"
        value_class = LinkStructValue


class EntryPointBlock(blocks.StructBlock):
    """One of the home page's four ways in ("Ik heb een idee", ...)."""

    title = blocks.CharBlock(label=_("Titel"), max_length=60)
    text = blocks.CharBlock(label=_("Korte tekst"), max_length=160, required=False)
    url = blocks.CharBlock(label=_("Webadres"), max_length=300, validators=[validate_link])

    class Meta:
        icon = "arrow-right"
        label = _("Ingang")
        template = "blocks/entry_point_block.html"


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Naam"), max_length=60, help_text=_("Bijvoorbeeld Instagram"))
    url = blocks.URLBlock(label=_("Webadres"))

    class Meta:
        icon = "link"
        label = _("Link")


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock(
        label=_("Tabel"),
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right"]},
    )


class FeaturedStreamBlock(BaseStreamBlock):
    """The home page: the base blocks plus cards that point elsewhere."""

    featured = FeaturedBlock()


class EntryPointStreamBlock(blocks.StreamBlock):
    entry_point = EntryPointBlock()

    class Meta:
        max_num = 4


class SocialLinkStreamBlock(blocks.StreamBlock):
    link = SocialLinkBlock()
