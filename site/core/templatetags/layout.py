"""Tags for the page frame in base.html: main menu, language switch, optional parts.

Load with `{% load layout %}`.
"""

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry

from buurtkracht.core.memo import site_setting_for_request

register = template.Library()

# Sections of the site, as paths without the language prefix. Linked by path on purpose:
# the apps behind them add their own URL names; the menu must not break while they grow.
MAIN_MENU = [
    ("", _("Home")),
    ("initiatieven/", _("Initiatieven")),
    ("vrijwilligers/", _("Vrijwilligers")),
    ("ruimtes/", _("Ruimtes")),
    ("zoeken/", _("Zoeken")),
]


def localized_path(path: str, language: str | None = None) -> str:
    """`/<path>` for the default language, `/<language>/<path>` for the others."""
    language = language or get_language() or settings.LANGUAGE_CODE
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{prefix}/{path}"


@register.simple_tag
def site_path(path: str) -> str:
    """A site path in the current language: `{% site_path 'zoeken/' %}` -> `/en/zoeken/`.

    path: the path without the leading slash and without a language prefix.
    """
    return localized_path(path)


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The main menu; the section the visitor is in gets aria-current="page"."""
    request = context.get("request")
    current = request.path if request is not None else ""
    items = []
    for path, label in MAIN_MENU:
        url = localized_path(path)
        is_current = current == url if not path else current.startswith(url)
        items.append({"url": url, "label": label, "current": is_current})
    return {"items": items}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """One small POST form per language, each sending `next` for Django's set_language.

    `next` is the current page in the default language: set_language runs outside the
    language prefixes (so in the default language) and translates `next` into the
    chosen one. Handing it an `/en/...` path would make the Wagtail catch-all read
    `en/` as a page slug.
    """
    request = context.get("request")
    full_path = request.get_full_path() if request is not None else "/"
    current = get_language()
    next_url = translate_url(full_path, settings.LANGUAGE_CODE)
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append({"code": code, "name": info["name_local"], "current": code == current})
    return {"languages": languages, "next": next_url, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def site_setting(context, app_label: str, model_name: str):
    """A Wagtail setting for this request, or None when that setting model is not there.

    `{% site_setting "home" "SiteSettings" as site_settings %}`: unlike
    `settings.home.SiteSettings`, a missing model or site gives None instead of an error.
    """
    model = settings_registry.get_by_natural_key(app_label, model_name)
    request = context.get("request")
    if model is None or request is None:
        return None
    if issubclass(model, BaseSiteSetting):
        return site_setting_for_request(model, request)  # from the cache: no query per page
    return model.load(request_or_site=request)


@register.simple_tag(takes_context=True)
def optional_include(context, template_name: str) -> str:
    """Render `template_name` with the current context if it exists, else nothing.

    A hook for parts another app may provide, e.g. `home/includes/footer_extra.html`.
    """
    try:
        tmpl = get_template(template_name)
    except template.TemplateDoesNotExist:
        return ""
    request = context.get("request")
    return tmpl.render(context.flatten(), request)
