"""Demo step: some twenty initiatieven and wijkondernemingen across the four wijken.

Keyed by slug: an initiatief that exists is left alone (what someone changed survives),
its needs and updates are matched by title/text, so a second run adds nothing.
Photos are drawn with Pillow (a coloured field with a simple shape); nothing is downloaded.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy
from PIL import Image, ImageDraw

from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.management.commands.seed_demo import DEMO_DOMAIN, DemoContext, demo_step
from initiatieven.demo_content import DEMO, W
from initiatieven.models import (
    Behoefte,
    Cijfer,
    Eigenaar,
    Foto,
    Initiatief,
    Prioriteit,
    Thema,
    Update,
)


def _image(colour: tuple[int, int, int], shape: str) -> ContentFile:
    image = Image.new("RGB", (800, 533), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 90) for c in colour)
    if shape == "circle":
        draw.ellipse((250, 116, 550, 416), fill=light)
    elif shape == "triangle":
        draw.polygon([(400, 90), (600, 440), (200, 440)], fill=light)
    elif shape == "house":
        draw.rectangle((270, 250, 530, 450), fill=light)
        draw.polygon([(240, 260), (400, 110), (560, 260)], fill=light)
    else:
        draw.rectangle((260, 126, 540, 406), fill=light)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue())


def _owner(ctx: DemoContext, key: str):
    user = ctx.users.get(key) if ctx.users else None
    if user is None:
        user = get_user_model().objects.filter(email=f"{key}@{DEMO_DOMAIN}").first()
    return user


def _figures(update: Update, figures: dict) -> None:
    for key, value in figures.items():
        kind, _sep, label = key.partition(":")
        Cijfer.objects.create(update=update, kind=kind, label=label, value=value)


@demo_step(order=50, label=gettext_lazy("Initiatieven"))
def demo_initiatieven(ctx: DemoContext) -> str:
    now = timezone.now()
    wijken = {w.name: w for w in Wijk.objects.all()}
    themes = {t.code: t for t in Thema.objects.all()}
    priorities = {p.code: p for p in Prioriteit.objects.all()}
    created = 0
    for index, item in enumerate(DEMO):
        wijk = wijken.get(item["wijk"])
        if wijk is None:
            continue
        published = now - timedelta(days=70 - index * 3)
        extra = {
            key: item[key]
            for key in (
                "address",
                "earning_model",
                "income_coverage_percent",
                "income_coverage_year",
                "work_experience_places",
                "kvk_number",
            )
            if key in item
        }
        if item["kind"] == W and "income_coverage_percent" in item:
            extra.setdefault("income_coverage_year", now.year - 1)
        initiatief, was_created = Initiatief.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "summary": item["summary"],
                "description": item["description"],
                "kind": item["kind"],
                "wijk": wijk,
                "buurt": Buurt.objects.filter(wijk=wijk, name=item["buurt"]).first(),
                "status": Initiatief.Status.GEPUBLICEERD,
                "submitted_at": published - timedelta(days=2),
                "published_at": published,
                "last_activity_at": published,
                **extra,
            },
        )
        if not was_created:
            continue
        created += 1
        initiatief.themes.set([themes[c] for c in item["themes"] if c in themes])
        initiatief.priorities.set([priorities[c] for c in item["priorities"] if c in priorities])
        owner = _owner(ctx, item["owner"])
        if owner is not None:
            Eigenaar.objects.get_or_create(
                initiatief=initiatief, user=owner, defaults={"is_creator": True}
            )
        foto = Foto(initiatief=initiatief, alt_text=item["title"], sort_order=0)
        foto.image.save(f"{item['slug']}.jpg", _image(item["colour"], item["shape"]), save=False)
        foto.save()
        for order, (kind, title, values) in enumerate(item["needs"]):
            Behoefte.objects.get_or_create(
                initiatief=initiatief,
                title=title,
                defaults={"kind": kind, "sort_order": order, **values},
            )
        for days_ago, text, figures in item["updates"]:
            update = Update.objects.create(initiatief=initiatief, author=owner, text=text)
            moment = now - timedelta(days=days_ago)
            Update.objects.filter(pk=update.pk).update(created_at=moment)
            _figures(update, figures)
            Initiatief.objects.filter(pk=initiatief.pk, last_activity_at__lt=moment).update(
                last_activity_at=moment
            )
    return f"{created} nieuw, {len(DEMO)} in totaal"
