"""Live, public CMS pages for search: standard pages and wijk pages ("pagina"), news."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from buurtkracht.home.models import NewsPage, StandardPage, WijkPage
from search import registry
from search.types import GeoPoint, SearchDocument

PAGE_TYPES = (StandardPage, NewsPage, WijkPage)


def stream_text(value) -> str:
    """The words of a StreamField's raw data (headings, paragraphs, quotes), no HTML."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, str):
            out.append(strip_tags(node))
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in ("type", "id", "image", "url", "page", "document"):
                    walk(item)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(getattr(value, "raw_data", value) or [])
    return " ".join(" ".join(out).split())


class PagesSource:
    label = "paginas"
    models = PAGE_TYPES

    def _live(self, model):
        qs = model.objects.live().public()
        if model in (NewsPage, WijkPage):
            qs = qs.select_related("wijk")
        return qs.order_by("pk")

    def document(self, page) -> SearchDocument:
        wijk = getattr(page, "wijk", None)
        location = None
        if isinstance(page, WijkPage) and wijk and wijk.latitude is not None:
            location = GeoPoint(float(wijk.latitude), float(wijk.longitude))
        starts = None
        updated = page.last_published_at or page.first_published_at
        if isinstance(page, NewsPage):
            updated = timezone.make_aware(dt.datetime.combine(page.date, dt.time(12)))
        age_days = (timezone.now() - updated).days if updated else 365
        return SearchDocument(
            key=f"pagina-{page.pk}",
            type="nieuws" if isinstance(page, NewsPage) else "pagina",
            title=page.title,
            url=page.get_url() or page.url_path,
            summary=page.search_description or page.intro,
            body=stream_text(page.body),
            wijk=wijk.slug if wijk else "",
            wijk_label=wijk.name if wijk else "",
            location=location,
            starts_at=starts,
            updated_at=updated,
            # News fades; pages stay equally findable.
            popularity=round(max(0.0, 3.0 * (1 - age_days / 60)), 3)
            if isinstance(page, NewsPage)
            else 1.0,
        )

    def documents(self):
        for model in PAGE_TYPES:
            for page in self._live(model):
                yield self.document(page)

    def documents_for(self, instance):
        model = type(instance)
        if model not in PAGE_TYPES:
            model = getattr(instance, "specific_class", None) or model
        found = self._live(model).filter(pk=instance.pk).first() if model in PAGE_TYPES else None
        key = f"pagina-{instance.pk}"
        return ([self.document(found)], []) if found else ([], [key])


registry.register(PagesSource())
registry.register_facet_labels("type", {"pagina": _("Pagina"), "nieuws": _("Nieuws")})
