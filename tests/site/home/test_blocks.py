import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from buurtkracht.blocks import (
    BaseStreamBlock,
    CallToActionBlock,
    EntryPointBlock,
    HeadingBlock,
    ImageBlock,
)
from tests.site.home.images import make_image

pytestmark = pytest.mark.django_db


def image_value(**fields):
    block = ImageBlock()
    return block, block.to_python({"image": make_image().pk, "caption": "", **fields})


def test_an_image_needs_alt_text():
    block, value = image_value(alt_text="  ", decorative=False)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["alt_text"].code == "alt_verplicht"


def test_an_image_with_alt_text_or_marked_decorative_is_fine():
    block, value = image_value(alt_text="Kinderen planten bonen", decorative=False)
    assert block.clean(value)["alt_text"] == "Kinderen planten bonen"
    block, value = image_value(alt_text="", decorative=True)
    assert block.clean(value)["decorative"] is True


# Wagtail leaves a rendition's SpooledTemporaryFile to the garbage collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_image_block_renders_alt_or_empty_alt_when_decorative():
    from bs4 import BeautifulSoup

    block, value = image_value(alt_text="Een volle buurtkamer", decorative=False)
    img = BeautifulSoup(block.render(value), "html.parser").find("img")
    assert img["alt"] == "Een volle buurtkamer"
    assert img["loading"] == "lazy"
    block, value = image_value(alt_text="Wordt niet getoond", decorative=True)
    assert BeautifulSoup(block.render(value), "html.parser").find("img")["alt"] == ""


@pytest.mark.parametrize(
    ("page", "url", "code"),
    [(False, "", "link_geen"), (True, "/ruimtes/", "link_een")],
)
def test_call_to_action_needs_exactly_one_target(page, url, code):
    from wagtail.models import Page

    block = CallToActionBlock()
    value = block.to_python(
        {
            "text": "Doe mee",
            "description": "",
            "page": Page.objects.get(depth=2).pk if page else None,
            "url": url,
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["url"].code == code


@pytest.mark.parametrize("url", ["/ruimtes/", "https://www.amsterdam.nl/west/"])
def test_links_may_be_local_or_https(url):
    block = EntryPointBlock()
    value = block.to_python({"title": "Ruimtes", "text": "", "url": url})
    assert block.clean(value)["url"] == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example", "ruimtes", "ftp://x.nl"])
def test_unsafe_or_unclear_links_are_refused(url):
    block = EntryPointBlock()
    value = block.to_python({"title": "Ruimtes", "text": "", "url": url})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert [e.code for e in error.value.block_errors["url"].error_list] == ["link_ongeldig"]


def test_headings_offer_h2_to_h4_only():
    choices = [value for value, _label in HeadingBlock().child_blocks["level"].field.choices]
    assert [c for c in choices if c] == ["h2", "h3", "h4"]
    block = HeadingBlock()
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({"text": "Titel", "level": "h1"}))


def test_paragraph_has_limited_features():
    paragraph = BaseStreamBlock().child_blocks["paragraph"]
    assert set(paragraph.features) == {"bold", "italic", "link", "ol", "ul"}
