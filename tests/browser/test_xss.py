"""XSS payloads through every user text field; the rendered pages must run none of them.

`build_content()` runs on the server's database (``site_server.shell``) and enters the
payloads of `xss_payloads` through the site's own views, forms and services (Django's
test client, logged in as the person who would type them): initiative title, summary,
rich-text description, address, earning model, photo alt text, needs, updates and their
figure label, reports to moderators, donation goal, donor name and message, a report on
a donor's message, vacature texts, tags, address and organisation, a volunteer's
response, profile, hours note and an owner's decline note, room bookings (title,
purpose, a manager's reason), a buurtbudget application (plan, results, budget lines),
a panel comment, vote motivations (they become the public decision), the report on the
money spent, a Talentenbeurs table, a CMS page as Wagtail stores an editor's input, and
display names. The search box, the display name in the profile and a booking are also
typed through the real forms in Chromium; query parameters (names too) are echoed.

Each page is then opened in Chromium by the person who would see it (visitor, owner,
volunteer, room manager, fair organiser, panel, moderator and staff in the Wagtail
admin) in a context with ``bypass_csp=True``: our Content-Security-Policy would stop
inline script in production, so the check must catch broken escaping even when the CSP
would save us (and the Wagtail admin allows inline script). A page fails when a payload
called ``__xss(n)`` or opened a dialog, when the DOM holds an element or attribute a
payload could have made (event handler, javascript:/data: URL, srcdoc, script with a
payload), or when the expected marker text is not shown as text (so the field really is
on the page, escaped). What is stored must hold no markup either: the API, exports and
mails use it too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import struct
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import demo_email
from .server import DEMO_PASSWORD
from .xss_payloads import LONG, PAYLOADS, Payload, combined, short

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "xss-wachtwoord-42"
OUT_PREFIX = "XSS-CONTENT:"
# A tag in stored plain text: "<" with a letter, "/", "!" or "?" after it.
TAG = re.compile(r"<[a-zA-Z/!?]")

# What the browser reports when a payload runs; installed before any page script.
INIT_SCRIPT = """
window.__xss = function (n) { window.__xssReport(String(n)); };
"""

# Elements and attributes that a payload could have created. Text-like attributes (a
# title, an input's value, an alt text) may hold payload text: there it is inert.
SCAN_SCRIPT = r"""
() => {
  const found = [];
  const URL_ATTRS = ["href", "src", "action", "formaction", "data", "xlink:href", "poster",
                     "background", "codebase", "dynsrc", "lowsrc", "ping"];
  const TEXT_ATTRS = ["value", "title", "alt", "placeholder", "label", "content",
                      "aria-label", "aria-description", "data-label"];
  const squash = (v) => v.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "script") {
      const type = (el.getAttribute("type") || "").toLowerCase();
      if (type !== "application/json" && /__xss|alert\(/.test(el.textContent)) {
        found.push("script: " + describe(el));
      }
    }
    if (tag === "style" && /__xss|javascript:/i.test(el.textContent)) {
      found.push("style: " + describe(el));
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith("on") && /__xss|alert|eval/.test(value)) {
        found.push(`event handler ${name}: ${describe(el)}`);
      } else if (URL_ATTRS.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(squash(value))) {
        found.push(`${name} URL: ${describe(el)}`);
      } else if (name === "srcdoc") {
        found.push(`srcdoc: ${describe(el)}`);
      } else if (name === "style" && /__xss|expression\(|javascript:/i.test(value)) {
        found.push(`style attribute: ${describe(el)}`);
      } else if (name === "http-equiv" && /refresh/i.test(value)
                 && /javascript|__xss/i.test(el.getAttribute("content") || "")) {
        found.push(`meta refresh: ${describe(el)}`);
      } else if (!TEXT_ATTRS.includes(name) && !URL_ATTRS.includes(name)
                 && !name.startsWith("aria-") && /__xss\(/.test(value)) {
        found.push(`attribute ${name}: ${describe(el)}`);
      }
    }
  }
  return found;
}
"""


# --- content on the server ------------------------------------------------------------------


def build_content() -> None:  # noqa: PLR0915 - one script, run in the server's shell
    """Enter the payloads through the site's views (runs in ``manage.py shell``)."""
    import datetime as dt
    import io

    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from bs4 import BeautifulSoup
    from django.contrib.auth.models import Group
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.test import Client
    from PIL import Image
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from buurtkracht.accounts.forms import ProfileForm
    from buurtkracht.accounts.models import User
    from buurtkracht.accounts.services import user_profile_update
    from buurtkracht.areas.models import Buurt
    from buurtkracht.blocks import BaseStreamBlock, validate_link
    from buurtkracht.core.sanitize import clean_rich_text
    from buurtkracht.home.models import HomePage, StandardPage
    from initiatieven import services as initiative_services
    from initiatieven.buurtbudget import queries as budget_queries
    from initiatieven.buurtbudget.models import Aanvraag, Verantwoording
    from initiatieven.donaties import services as donation_services
    from initiatieven.donaties import settlement
    from initiatieven.donaties.forms import DonatieForm
    from initiatieven.donaties.models import BerichtMelding, Doneerdoel
    from initiatieven.models import Initiatief, Melding, Prioriteit, Thema
    from ruimtes.models import Boeking
    from vrijwilligers.models import Profiel, Vacature
    from vrijwilligers.skills import Skill
    from vrijwilligers.talentenbeurs.forms import slot_choices
    from vrijwilligers.talentenbeurs.models import Tafel, Talentenbeurs

    out: dict = {}
    errors: list[str] = []

    def stored_markup(rows, *, rich: set[str]) -> list[str]:
        found = []
        for row in rows:
            for column in row._meta.concrete_fields:
                name = f"{row._meta.label}.{column.name}"
                value = getattr(row, column.attname)
                for text in value if isinstance(value, list) else [value]:
                    if not isinstance(text, str):
                        continue
                    if name in rich:
                        if clean_rich_text(text) != text:
                            found.append(f"{name} (rich text, not clean): {text[:120]!r}")
                    elif TAG.search(text):
                        found.append(f"{name}: {text[:120]!r}")
        return found

    def check(response, what: str, ok=(302,)):
        if response.status_code not in ok:
            soup = BeautifulSoup(response.content, "html.parser")
            shown = [
                " ".join(e.get_text(" ").split()) for e in soup.select(".errorlist, [class*=error]")
            ]
            errors.append(f"{what}: {response.status_code} {shown or response.content[:300]!r}")
        return response

    def person(key: str, *, name: str, groups=()) -> User:
        email = f"xss-{key}@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=PASSWORD)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        for group in groups:
            user.groups.add(Group.objects.get(name=group))
        form = ProfileForm({"display_name": name, "home_wijk": ""})
        assert form.is_valid(), form.errors
        user_profile_update(user=user, **form.cleaned_data)
        return user

    def client(user: User) -> Client:
        result = Client(SERVER_NAME="127.0.0.1")
        result.force_login(user)
        return result

    def png() -> SimpleUploadedFile:
        buffer = io.BytesIO()
        Image.new("RGB", (1200, 800), (30, 120, 60)).save(buffer, "PNG")
        return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")

    owner = person("eigenaar", name=short())
    volunteer = person("vrijwilliger", name=short((0, 33)))
    moderator = person("moderator", name="XSS moderator", groups=["moderator"])
    admin = person("beheer", name="XSS beheer")
    User.objects.filter(pk=admin.pk).update(is_superuser=True, is_staff=True)
    for staff in (moderator, admin):
        Authenticator.objects.filter(user=staff).delete()
        TOTP.activate(staff, TOTP_SECRET)
    demo_moderator = User.objects.get(email="moderator@demo.buurtkracht.nl")
    buurt = Buurt.objects.select_related("wijk").get(slug="kolenkitbuurt")
    owner_client, volunteer_client = client(owner), client(volunteer)

    # Initiatives: one published (public pages), one waiting for a moderator.
    def initiative(word: str, *, publish: bool) -> Initiatief:
        check(
            owner_client.post(
                "/initiatieven/nieuw/",
                {
                    "title": f"{word} {short()}",
                    "summary": f"{word} {combined(limit=190)}",
                    "kind": "wijkonderneming",
                    "wijk": buurt.wijk_id,
                    "buurt": buurt.pk,
                    "themes": [Thema.objects.first().pk],
                    "priorities": [Prioriteit.objects.first().pk],
                },
            ),
            "initiatief",
        )
        item = Initiatief.objects.filter(owners=owner).order_by("-pk").first()
        base = f"/initiatieven/{item.slug}"
        check(
            owner_client.post(
                f"{base}/bewerken/beschrijving/",
                {
                    "description": "<p>Over ons <strong>vet</strong></p>\n" + combined(),
                    "address": short((33, 34, 2), limit=190),
                },
            ),
            "beschrijving",
        )
        check(
            owner_client.post(
                f"{base}/bewerken/onderneming/",
                {
                    "earning_model": combined(limit=900),
                    "income_coverage_percent": "40",
                    "income_coverage_year": "2026",
                    "work_experience_places": "2",
                },
            ),
            "onderneming",
        )
        for kind in ("mensen", "geld", "ruimte"):
            check(
                owner_client.post(
                    f"{base}/behoeften/nieuw/",
                    {
                        "kind": kind,
                        "title": short(limit=110),
                        "description": combined(limit=1500),
                        "people_wanted": "3" if kind == "mensen" else "",
                        "amount_wanted": "500" if kind == "geld" else "",
                        "status": "open",
                    },
                ),
                f"behoefte {kind}",
            )
        check(
            owner_client.post(
                f"{base}/bewerken/fotos/", {"image": png(), "alt_text": short((32, 2), limit=190)}
            ),
            "foto",
        )
        check(owner_client.post(f"{base}/indienen/"), "indienen")
        item.refresh_from_db()
        if publish:
            initiative_services.initiatief_publish(initiatief=item, moderator=demo_moderator)
            check(
                owner_client.post(
                    f"{base}/updates/nieuw/",
                    {
                        "text": LONG.text + "\n" + combined(),
                        "anders_label": short((32,), limit=60),
                        "anders_value": "3",
                    },
                ),
                "update",
            )
        return item

    published = initiative("Zwaluwstaart", publish=True)
    submitted = initiative("Kwikstaart", publish=False)
    out["slug"] = published.slug
    out["submitted"] = submitted.pk

    # Reports on the update and the initiative: text for the moderators.
    update = published.updates.order_by("-pk").first()
    for data in (
        {"update": update.pk, "reason": combined(limit=1900)},
        {"reason": combined(limit=1900)},
    ):
        check(volunteer_client.post(f"/initiatieven/{published.slug}/melden/", data), "melding")
    out["meldingen"] = list(
        Melding.objects.filter(initiatief=published).values_list("pk", flat=True)
    )

    # A donation goal and a paid donation (donor wall), and a report on its message.
    geld = published.behoeften.get(kind="geld")
    check(
        owner_client.post(f"/doneren/behoefte/{geld.pk}/doel/", {"purpose": combined(limit=990)}),
        "doneerdoel",
    )
    doel = Doneerdoel.objects.get(behoefte=geld)
    out["doel"] = doel.pk
    form = DonatieForm(
        {
            "preset": "1000",
            "name": short((32, 2), limit=80),
            "show_amount": "on",
            "message": combined(limit=495),
            "email": "xss-donor@example.org",
        }
    )
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    donatie = donation_services.donatie_create(
        doel=doel,
        amount_cents=data["amount_cents"],
        email=data["email"],
        name=data["name"],
        is_anonymous=data["is_anonymous"],
        show_amount=data["show_amount"],
        message=data["message"],
    )
    with transaction.atomic():  # what the Stripe webhook does for a paid Checkout Session
        settlement.session_settle(
            {
                "id": f"cs_xss_{donatie.reference}",
                "client_reference_id": donatie.reference,
                "status": "complete",
                "payment_status": "paid",
                "amount_total": donatie.amount_cents,
                "currency": "eur",
            }
        )
    check(
        volunteer_client.post(
            f"/doneren/donatie/{donatie.pk}/melden/", {"reason": combined(limit=1900)}
        ),
        "melding donatie",
    )
    out["bericht_melding"] = (
        BerichtMelding.objects.filter(donatie=donatie).values_list("pk", flat=True).first()
    )

    # Vacatures (of the initiative; of an organisation), a response, a volunteer profile.
    mensen = published.behoeften.get(kind="mensen")
    tags = 'xss32 " autofocus onfocus="__xss(32)" x=", xss02 <img src=x onerror=__xss(2)>'
    check(
        owner_client.post(
            "/vrijwilligers/nieuw/",
            {
                "initiatief": published.pk,
                "behoefte": mensen.pk,
                "title": short(limit=118),
                "description": combined(limit=3000),
                "tasks": combined(limit=1500),
                "free_tags": tags,
                "time_kind": "terugkerend",
                "hours_per_week": "2",
                "wijk": buurt.wijk_id,
                "buurt": buurt.pk,
                "address": short((33, 34), limit=195),
                "places": "2",
            },
        ),
        "vacature",
    )
    check(
        owner_client.post(
            "/vrijwilligers/nieuw/",
            {
                "organisation_name": short((32, 2), limit=118),
                "title": "Kwikstaart " + short((33,), limit=100),
                "description": combined(limit=1000),
                "time_kind": "terugkerend",
                "hours_per_week": "1",
                "wijk": buurt.wijk_id,
                "places": "1",
            },
        ),
        "vacature organisatie",
    )
    out["vacatures"] = list(
        Vacature.objects.filter(owner=owner).order_by("-pk").values_list("pk", flat=True)[:2]
    )[::-1]
    check(
        volunteer_client.post(
            f"/vrijwilligers/{out['vacatures'][0]}/reageren/", {"message": combined(limit=1990)}
        ),
        "reactie",
    )
    check(
        volunteer_client.post(
            "/vrijwilligers/profiel/",
            {
                "talents": tags.replace("32", "33").replace('"', "'"),
                "postcode": "1055",
                "max_distance_km": "5",
                "wants_to_learn": combined(limit=1500),
                "contactable": "on",
            },
        ),
        "profiel",
    )

    # The owner accepts the response and declines one to the other vacature (with a
    # note); the volunteer logs hours with a note for the owner to confirm.
    first, second = (Vacature.objects.get(pk=pk) for pk in out["vacatures"])
    check(
        volunteer_client.post(f"/vrijwilligers/{second.pk}/reageren/", {"message": short()}),
        "reactie 2",
    )
    accepted = first.reacties.get(volunteer=volunteer)
    check(owner_client.post(f"/vrijwilligers/reacties/{accepted.pk}/accepteren/"), "accepteren")
    check(
        owner_client.post(
            f"/vrijwilligers/reacties/{second.reacties.get(volunteer=volunteer).pk}/afwijzen/",
            {"note": combined(limit=900)},
        ),
        "afwijzen reactie",
    )
    check(
        volunteer_client.post(
            f"/vrijwilligers/reacties/{accepted.pk}/uren/",
            {"date": dt.date.today().isoformat(), "hours": "2", "note": short(limit=190)},
        ),
        "uren",
    )

    # A table at the Talentenbeurs (organisation and offer), seen by its organiser.
    # The demo fairs are scheduled already: a copy open for tables, as its organiser sets it.
    beurs = Talentenbeurs.objects.order_by("-pk").first()
    organisers = list(beurs.organisers.all())
    beurs.pk, beurs.id = None, None
    beurs.slug = f"xss-beurs-{published.pk}"
    beurs.registration_open, beurs.scheduled_at = True, None
    beurs.save()
    beurs.organisers.set(organisers)
    check(
        owner_client.post(
            f"/talentenbeurs/{beurs.slug}/tafel-aanmelden/",
            {
                "organisation": short(limit=118),
                "description": combined(limit=1990),
                "offer_kinds": ["vrijwilligerswerk"],
                "sought_talents": [Skill.choices[0][0]],
                "slots": [code for code, _label in slot_choices(beurs)],
            },
        ),
        "tafel",
    )
    out["beurs"] = beurs.slug
    out["tafel"] = (
        Tafel.objects.filter(beurs=beurs).order_by("-pk").values_list("pk", flat=True).first()
    )

    # A CMS page as an editor makes it: Draftail sends its content state, which Wagtail
    # converts to stored HTML (a link to javascript: among it); the other blocks as typed.
    converter = ContentstateConverter(features=["bold", "italic", "link", "ol", "ul"])

    def cms(text: str) -> str:  # without NUL, which a stream block cannot store
        return text.replace("\x00", "")

    text = cms(combined(limit=3000))
    state = {
        "blocks": [
            {
                "key": "a",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 5, "style": "BOLD"}],
                "entityRanges": [
                    {"offset": 0, "length": 5, "key": 0},
                    {"offset": 6, "length": 5, "key": 1},
                ],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:__xss(4)"}},
            "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "data:text/html,x"}},
        },
    }
    body = BaseStreamBlock().to_python(
        [
            {"type": "heading", "value": {"text": short(limit=118), "level": "h2"}},
            {"type": "paragraph", "value": converter.to_database_format(json.dumps(state))},
            {"type": "quote", "value": {"text": cms(combined(limit=2000)), "attribution": short()}},
            {
                "type": "call_to_action",
                "value": {
                    "text": short(limit=78),
                    "description": cms(combined(limit=290)),
                    "url": "/ruimtes/",
                },
            },
        ]
    )
    try:
        validate_link("javascript:__xss(31)")
    except DjangoValidationError:
        pass
    else:
        errors.append("a javascript: link was accepted for a call to action")
    home = HomePage.objects.first()
    page = StandardPage(
        title=short(), slug=f"xss-pagina-{published.pk}", intro=cms(combined(limit=900)), body=body
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    out["cms"] = page.url

    # Room bookings: one waiting for the manager, one declined with a reason, one public.
    def weekday_ahead(days: int) -> dt.date:
        day = dt.date.today() + dt.timedelta(days=days)
        while day.weekday() >= 4:  # Monday to Thursday: every demo location is open
            day += dt.timedelta(days=1)
        return day

    def book(room: int, start: str, end: str) -> Boeking:
        """The first free weekday from 8 days ahead (the demo bookings fill some)."""
        for days in range(8, 60):
            data = {
                "date": weekday_ahead(days).isoformat(),
                "start": start,
                "end": end,
                "title": short(limit=118),
                "title_is_public": "on",
                "purpose": combined(limit=1990),
                "expected_people": "8",
                "booker_type": "bewoners",
                "behoefte": published.behoeften.get(kind="ruimte").pk,
                "repeat": "0",
            }
            if owner_client.post(f"/ruimtes/{room}/boeken/", data).status_code != 200:
                continue
            confirmed = owner_client.post(
                f"/ruimtes/{room}/boeken/", {**data, "step": "bevestigen"}
            )
            if confirmed.status_code == 302:
                return Boeking.objects.filter(booker=owner).order_by("-pk").first()
        raise AssertionError(f"No free time in room {room}")

    manager = User.objects.get(email="bewoner@demo.buurtkracht.nl")  # manages room 15
    requested, declined, public = (
        book(15, "10:00", "12:00"),
        book(15, "14:00", "16:00"),
        book(14, "10:00", "12:00"),
    )
    check(
        client(manager).post(
            f"/ruimtes/beheer/aanvragen/{declined.pk}/",
            {"action": "afwijzen", "reason": combined(limit=290)},
        ),
        "afwijzen",
    )
    out["bookings"] = {"requested": requested.pk, "declined": declined.pk, "public": public.pk}
    out["week"] = public.starts_at.date().isoformat()
    out["free_day"] = weekday_ahead(70).isoformat()

    # Buurtbudget: application, panel comment, votes (their motivation becomes the public
    # decision), then the report on what the money did.
    ronde = budget_queries.open_rondes_for(published).first()
    check(
        owner_client.post(
            f"/buurtbudget/aanvragen/nieuw/{published.slug}/",
            {
                "ronde": ronde.pk,
                "prioriteit": Prioriteit.objects.first().pk,
                "plan": combined(limit=4900),
                "expected_results": combined(limit=3000),
                "activity_ends_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
                "amount": "300",
                "regels-TOTAL_FORMS": "4",
                "regels-INITIAL_FORMS": "0",
                "regels-MIN_NUM_FORMS": "0",
                "regels-MAX_NUM_FORMS": "12",
                "regels-0-description": short(limit=138),
                "regels-0-amount": "200",
                "regels-1-description": short((33, 34), limit=138),
                "regels-1-amount": "100",
            },
        ),
        "aanvraag",
    )
    aanvraag = Aanvraag.objects.filter(initiatief=published).order_by("-pk").first()
    out["aanvraag"] = aanvraag.pk
    chair = User.objects.get(email="inspiratieteam@demo.buurtkracht.nl")
    member = User.objects.get(email="inspiratieteam-lid@demo.buurtkracht.nl")
    base = f"/buurtbudget/aanvragen/{aanvraag.pk}"
    check(client(member).post(f"{base}/reactie/", {"text": combined(limit=4900)}), "reactie panel")
    for panelist in (chair, member, manager):
        check(
            client(panelist).post(
                f"{base}/stem/", {"choice": "voor", "motivation": combined(limit=1500)}
            ),
            "stem",
        )
    check(
        owner_client.post(
            f"{base}/verantwoording/",
            {
                "spent": "300",
                "result": combined(limit=4900),
                "story": combined(limit=3000),
                "figures": short(limit=200),
            },
        ),
        "verantwoording",
    )
    # Staff correct texts in the Wagtail admin (its forms refuse NUL): stored cleaned too.
    staff_client = client(admin)
    organisation_vacature = Vacature.objects.get(pk=out["vacatures"][1])
    check(
        staff_client.post(
            f"/admin/vrijwilligers_vacatures/edit/{organisation_vacature.pk}/",
            {
                "title": short(limit=118),
                "description": cms(combined(limit=2000)),
                "tasks": cms(combined(limit=500)),
                "status": organisation_vacature.status,
                "places": "1",
            },
        ),
        "vacature in de admin",
    )
    check(
        staff_client.post(
            f"/admin/aanvraag/edit/{aanvraag.pk}/",
            {
                "plan": cms(combined(limit=3000)),
                "expected_results": cms(combined(limit=1000)),
                "report_due_on": aanvraag.report_due_on.isoformat()
                if aanvraag.report_due_on
                else "",
            },
        ),
        "aanvraag in de admin",
    )
    aanvraag.refresh_from_db()

    out["wijk"] = buurt.wijk.slug
    out["errors"] = errors

    # What is stored must hold no markup (plain text) or only the allow-list (rich text):
    # the API, exports and mails use it too, not only our escaping templates.
    vacatures = list(Vacature.objects.filter(pk__in=out["vacatures"]))
    stored = [
        owner,
        volunteer,
        *[
            row
            for item in (published, submitted)
            for row in (
                item,
                *item.behoeften.all(),
                *item.fotos.all(),
                *item.updates.all(),
                *[c for u in item.updates.all() for c in u.cijfers.all()],
            )
        ],
        *Melding.objects.filter(initiatief=published),
        doel,
        donatie,
        *BerichtMelding.objects.filter(donatie=donatie),
        *vacatures,
        *[r for v in vacatures for r in v.reacties.all()],
        *[u for v in vacatures for r in v.reacties.all() for u in r.uren.all()],
        *Tafel.objects.filter(pk=out["tafel"]),
        Profiel.objects.get(user=volunteer),
        *Boeking.objects.filter(pk__in=out["bookings"].values()),
        aanvraag,
        *aanvraag.regels.all(),
        *aanvraag.reacties.all(),
        *aanvraag.stemmen.all(),
        *Verantwoording.objects.filter(aanvraag=aanvraag),
    ]
    out["stored_markup"] = stored_markup(stored, rich={"initiatieven.Initiatief.description"})
    print(OUT_PREFIX + json.dumps(out))


# --- the browser side -----------------------------------------------------------------------


def totp_now(secret: str = TOTP_SECRET) -> str:
    counter = int(time.time()) // 30
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


@dataclass
class Visitor:
    """A browser context with the CSP switched off, reporting every payload that runs."""

    page: Page
    hits: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@pytest.fixture(scope="module")
def content(site_server):
    output = site_server.shell("from tests.browser.test_xss import build_content; build_content()")
    line = next(line for line in output.splitlines() if line.startswith(OUT_PREFIX))
    data = json.loads(line[len(OUT_PREFIX) :])
    assert not data["errors"], data["errors"]
    return data


def test_what_residents_type_is_stored_without_markup(content):
    assert not content["stored_markup"], "\n".join(content["stored_markup"])


@pytest.fixture
def visit(browser: Browser, site_server):
    contexts = []

    def open_(who: str | None = None) -> Visitor:
        context = browser.new_context(
            base_url=site_server.url, bypass_csp=True, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        visitor = Visitor(page=context.new_page())
        context.expose_binding(
            "__xssReport", lambda source, n: visitor.hits.append((source["frame"].url, n))
        )
        context.add_init_script(INIT_SCRIPT)
        page = visitor.page
        page.on(
            "dialog",
            lambda dialog: (
                visitor.hits.append((page.url, f"dialog {dialog.message}")),
                dialog.dismiss(),
            ),
        )
        page.on("pageerror", lambda error: visitor.errors.append(str(error)))
        if who:
            # Our own people have our password; the demo accounts the demo password.
            email, password = (who, PASSWORD) if "@" in who else (demo_email(who), DEMO_PASSWORD)
            page.goto("/accounts/login/")
            page.locator("input[name=login]").fill(email)
            page.locator("input[name=password]").fill(password)
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_load_state()
            if "/2fa/" in page.url:
                # A code from the end of its 30 s period may arrive in the next one.
                if (left := 30 - time.time() % 30) < 3:
                    time.sleep(left + 0.2)
                page.locator("input[name=code]").fill(totp_now())
                page.locator("main form button[type=submit]").first.click()
                page.wait_for_load_state()
            assert "/accounts/" not in page.url, f"login of {who} failed: {page.url}"
        return visitor

    yield open_
    for context in contexts:
        context.close()


def assert_safe(visitor: Visitor, path: str, *expected: str, status: int = 200) -> None:
    """Open ``path``; no payload may run or leave markup; ``expected`` shows as text."""
    page = visitor.page
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: {response and response.status}"
    )
    assert urlsplit(page.url).path == urlsplit(path).path, f"{path} went to {page.url}"
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # onerror/onbegin/ontoggle handlers fire just after load
    check_page(visitor, path, *expected)


def check_page(visitor: Visitor, where: str, *expected: str) -> None:
    page = visitor.page
    found = page.evaluate(SCAN_SCRIPT)
    for frame in page.frames[1:]:
        found += [f"in a frame: {item}" for item in frame.evaluate(SCAN_SCRIPT)]
    assert not visitor.hits, f"{where}: payloads ran: {visitor.hits}"
    assert not found, f"{where}: markup from payloads in the page:\n" + "\n".join(found)
    text = page.evaluate("document.body.textContent")
    missing = [item for item in expected if item not in text]
    assert not missing, f"{where}: not shown as text: {missing}"


# Text every page with a short field (a title, a name) shows: the quote breakout, inert.
TITLE = 'xss32 " autofocus onfocus="__xss(32)" x="'
# A long field after the plain-text cleaner: template syntax and a script-string breakout.
LONG_TEXT = "{{ 7*7 }} {% debug %}"


def search_groups(limit: int = 190) -> list[list[Payload]]:
    groups: list[list[Payload]] = [[]]
    for payload in PAYLOADS:
        if groups[-1] and len(" ".join(p.text for p in [*groups[-1], payload])) > limit:
            groups.append([])
        groups[-1].append(payload)
    return groups


def test_public_pages_run_no_payload(visit, content):
    visitor = visit()
    slug = content["slug"]
    pages = [
        (f"/initiatieven/{slug}/", [TITLE, LONG_TEXT, "xss38", "xss34 ';__xss(34);//"]),
        ("/initiatieven/", [TITLE]),
        ("/", []),
        (f"/doneren/doel/{content['doel']}/", [LONG_TEXT]),
        (f"/vrijwilligers/{content['vacatures'][0]}/", [TITLE, LONG_TEXT]),
        (f"/vrijwilligers/{content['vacatures'][1]}/", [TITLE]),
        ("/vrijwilligers/", [TITLE]),
        (f"/ruimtes/14/?week={content['week']}", [TITLE]),
        (f"/buurtbudget/wijk/{content['wijk']}/", [LONG_TEXT]),
        ("/zoeken/?q=Zwaluwstaart", ["Zwaluwstaart"]),
        ("/zoeken/?q=Kwikstaart", ["Kwikstaart"]),
        (content["cms"], [TITLE, LONG_TEXT]),
        (f"/talentenbeurs/{content['beurs']}/", []),
        ("/sociale-kaart/", []),
        (f"/sociale-kaart/{content['wijk']}/", []),
        ("/en/initiatieven/" + slug + "/", [TITLE, LONG_TEXT]),
    ]
    for path, expected in pages:
        assert_safe(visitor, path, *expected)
    # What people type into a search box comes back on the results page and in links.
    # The search page cuts a query at 200 characters: a few payloads per search.
    for group in search_groups():
        query = " ".join(payload.text for payload in group)
        assert_safe(visitor, f"/zoeken/?q={quote(query)}", group[0].marker)
    # Longer than the cut (and than most fields), within what a URL may hold.
    assert_safe(visitor, f"/zoeken/?q={quote(LONG.text[-1200:])}")
    assert_safe(visitor, f"/vrijwilligers/?q={quote(short(limit=120))}")
    assert not visitor.errors, visitor.errors


def test_query_parameters_come_back_inert(visit, content):
    """Filters, dates and unknown parameters (names too) echoed in forms and links."""
    visitor = visit()
    value = quote(short((5, 32, 33), limit=120))
    name = quote('x"><img src=x onerror=__xss(5)>')
    pages = [
        f"/zoeken/?q=buurt&type={value}&thema={value}&postcode={value}&distance_km={value}"
        f"&{name}={value}&page=999",
        f"/zoeken/?q=Zwaluwstaart&{name}={value}&sort={value}",
        f"/initiatieven/?wijk={value}&thema={value}&soort={value}&behoefte={value}&sort={value}",
        f"/vrijwilligers/?q={value}&wijk={value}&skill={value}&theme={value}&when={value}"
        f"&suits={value}",
        f"/ruimtes/?date={value}&start={value}&end={value}&people={value}&wijk={value}",
        f"/ruimtes/14/?week={value}",
        f"/buurtbudget/wijk/{content['wijk']}/?jaar={value}",
        f"/sociale-kaart/?q={value}&{name}={value}",
        f"/accounts/login/?next={quote('javascript:__xss(31)')}",
        f"/accounts/signup/?next={value}",
    ]
    for path in pages:
        response = visitor.page.goto(path)
        assert response is not None and response.status < 500, path
        visitor.page.wait_for_load_state("load")
        check_page(visitor, path)
    # With a session the booking form takes its first values from the query string.
    owner = visit("xss-eigenaar@example.org")
    assert_safe(owner, f"/ruimtes/14/boeken/?date={value}&start={value}&end={value}")
    assert not visitor.errors and not owner.errors, visitor.errors + owner.errors


def test_search_box_and_suggestions_typed_in_the_browser(visit, content):
    visitor = visit()
    page = visitor.page
    page.goto("/")
    box = page.locator("#bk-search-q")
    box.fill("Zwaluws")  # suggestions come from the API and are built in the page
    page.locator("#bk-search-q-suggesties [role=option]").first.wait_for()
    check_page(visitor, "suggestions", TITLE)
    box.fill(short((5, 32, 2), limit=120))
    box.press("Enter")
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    check_page(visitor, "search typed in the box", "xss05", "xss02")
    assert not visitor.errors, visitor.errors


def test_api_answers_json_with_the_text_as_data(visit, content):
    visitor = visit()
    for path in (
        f"/api/v1/initiatieven/{content['slug']}",
        f"/api/v1/vacatures/{content['vacatures'][0]}",
        "/api/v1/zoeken?q=Zwaluwstaart",
        "/api/v1/zoeken/suggesties?q=Zwaluws",
    ):
        response = visitor.page.request.get(path)
        assert response.status == 200, path
        assert response.headers["content-type"].startswith("application/json"), path
        assert response.headers.get("x-content-type-options") == "nosniff", path
        assert "xss32" in response.text(), path


def test_owner_volunteer_manager_panel_and_moderator_pages_run_no_payload(
    visit, content, site_server
):
    slug, aanvraag, bookings = content["slug"], content["aanvraag"], content["bookings"]

    # The volunteer types a display name through the profile form; the owner sees it.
    volunteer = visit("xss-vrijwilliger@example.org")
    page = volunteer.page
    page.goto("/account/")
    page.locator("input[name=display_name]").fill(short((5, 33), limit=80))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    for path, expected in [
        ("/account/", []),
        ("/vrijwilligers/profiel/", []),
        ("/vrijwilligers/mijn/", [TITLE, "xss00"]),
        ("/vrijwilligers/voor-jou/", []),
    ]:
        assert_safe(volunteer, path, *expected)

    owner = visit("xss-eigenaar@example.org")
    for path, expected in [
        ("/initiatieven/mijn/", [TITLE]),
        (f"/initiatieven/{slug}/beheer/", [TITLE]),
        (f"/initiatieven/{slug}/bewerken/basis/", []),
        (f"/initiatieven/{slug}/bewerken/beschrijving/", []),
        (f"/initiatieven/{slug}/bewerken/onderneming/", []),
        (f"/initiatieven/{slug}/bewerken/fotos/", []),
        (f"/initiatieven/{slug}/updates/nieuw/", []),
        ("/vrijwilligers/beheer/", [LONG_TEXT, "xss05"]),
        (f"/vrijwilligers/{content['vacatures'][0]}/bewerken/", []),
        (f"/vrijwilligers/{content['vacatures'][0]}/vrijwilligers/", []),
        ("/ruimtes/mijn-boekingen/", [TITLE]),
        (f"/ruimtes/boekingen/{bookings['declined']}/", [TITLE, "xss01"]),
        ("/buurtbudget/aanvragen/", []),
        (f"/talentenbeurs/{content['beurs']}/tafels/{content['tafel']}/", [TITLE]),
        (f"/buurtbudget/aanvragen/{aanvraag}/", [LONG_TEXT]),
        ("/account/", []),
    ]:
        assert_safe(owner, path, *expected)

    # A booking typed through the real form: the confirmation repeats it in hidden fields.
    page = owner.page
    page.goto(f"/ruimtes/14/boeken/?date={content['free_day']}&start=19:00")
    page.locator("input[name=end]").fill("21:00")
    page.locator("input[name=title]").fill(short(limit=118))
    page.locator("textarea[name=purpose]").fill(combined((5, 7, 20, 32, 33, 34), limit=1900))
    page.locator("input[name=expected_people]").fill("5")
    page.locator("input[name=booker_type][value=bewoners]").check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    check_page(owner, "booking confirmation", TITLE)

    manager = visit("bewoner")
    for path, expected in [
        ("/ruimtes/beheer/", [TITLE]),
        (f"/ruimtes/beheer/aanvragen/{bookings['requested']}/", [TITLE, LONG_TEXT]),
    ]:
        assert_safe(manager, path, *expected)

    organiser = visit("professional")
    assert_safe(organiser, f"/talentenbeurs/{content['beurs']}/organisatie/", TITLE)

    panel = visit("inspiratieteam")
    for path, expected in [
        (f"/buurtbudget/aanvragen/{aanvraag}/", [LONG_TEXT, TITLE]),
        (f"/buurtbudget/wijk/{content['wijk']}/panel/", []),
    ]:
        assert_safe(panel, path, *expected)

    # The Wagtail admin allows inline script (its editor needs it): escaping is all there is.
    moderator = visit("xss-moderator@example.org")
    for path, expected in [
        ("/admin/initiatieven-moderatie/", ["Kwikstaart"]),
        (f"/admin/initiatieven-moderatie/{content['submitted']}/", [LONG_TEXT]),
        ("/admin/initiatieven-moderatie/meldingen/", []),
        *[
            (f"/admin/initiatieven-moderatie/meldingen/{pk}/", [LONG_TEXT])
            for pk in content["meldingen"]
        ],
        ("/admin/donaties/meldingen/", []),
        (f"/admin/donaties/meldingen/{content['bericht_melding']}/", [LONG_TEXT]),
    ]:
        assert_safe(moderator, path, *expected)

    # Staff lists and edit forms in the Wagtail admin show the same texts.
    admin = visit("xss-beheer@example.org")
    vacature = content["vacatures"][0]
    for path, expected in [
        ("/admin/vrijwilligers_vacatures/", [TITLE]),
        (f"/admin/vrijwilligers_vacatures/edit/{vacature}/", []),
        (f"/admin/vrijwilligers_vacatures/inspect/{vacature}/", [TITLE]),
        ("/admin/aanvraag/", []),
        (f"/admin/aanvraag/edit/{aanvraag}/", []),
        (f"/admin/aanvraag/inspect/{aanvraag}/", [LONG_TEXT]),
        ("/admin/donaties/", []),
        (f"/admin/pages/search/?q={quote(short(limit=120))}", []),
        (f"/admin/vrijwilligers_vacatures/?q={quote(short(limit=120))}", []),
    ]:
        assert_safe(admin, path, *expected)

    for visitor in (volunteer, owner, manager, organiser, panel, moderator, admin):
        assert not visitor.errors, visitor.errors
