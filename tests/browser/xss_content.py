"""The XSS check's content: `build_content()` enters every payload through the site.

It runs on the browser test server's database (``manage.py shell``, see
``content`` in test_xss.py), logged in as the person who would type each text, and
prints one line ``XSS-CONTENT:{json}`` with what the browser side needs: the URLs to
visit per role, and any stored row that still holds markup.
"""

from __future__ import annotations

import json
import re

from .xss_payloads import LONG, combined, short

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "xss-wachtwoord-42"
OUT_PREFIX = "XSS-CONTENT:"

# A tag in stored plain text: "<" with a letter, "/", "!" or "?" after it.
TAG = re.compile(r"<[a-zA-Z/!?]")


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
