"""Public pages: the listing, an initiatief's page, contact, report, follow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from initiatieven import needs, queries, services
from initiatieven.forms import ContactForm, FilterForm, MeldingForm, apply_errors
from initiatieven.models import Update, Volger
from initiatieven.services.activiteit import unfollow_by_token

PAGE_SIZE = 12


def _crumbs(*extra) -> list:
    return [(_("Home"), "/"), (_("Initiatieven"), reverse("initiatieven:list")), *extra]


def initiatief_list_view(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.filters() if request.GET else {"sort": "nieuw"}
    page = Paginator(queries.initiatief_list(**filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "initiatieven/list.html",
        {"form": form, "page_obj": page, "crumbs": _crumbs()[:-1] + [(_("Initiatieven"), "")]},
    )


def initiatief_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = queries.initiatief_for_view(slug=slug, user=request.user)
    behoeften = list(initiatief.behoeften.all())
    links = needs.links_for(behoeften)
    for behoefte in behoeften:
        behoefte.links = links.get(behoefte.pk, [])
    can_edit = rules.can(request.user, rules.INITIATIVE_EDIT, initiatief)
    is_following = (
        request.user.is_authenticated
        and Volger.objects.filter(initiatief=initiatief, user=request.user).exists()
    )
    updates = list(queries.timeline(initiatief))
    return render(
        request,
        "initiatieven/detail.html",
        {
            "initiatief": initiatief,
            "behoeften": behoeften,
            "open_behoeften": [b for b in behoeften if b.is_open],
            "vervulde_behoeften": [b for b in behoeften if not b.is_open],
            "updates": updates,
            "impact": queries.impact_of(updates),
            "owners": [e.user for e in initiatief.eigenaarschappen.all()],
            "can_edit": can_edit,
            "is_following": is_following,
            "crumbs": _crumbs((initiatief.title, "")),
        },
    )


@login_required
def contact_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = queries.public_initiatief(slug=slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bericht_send(
                initiatief=initiatief, sender=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je bericht is verstuurd naar de eigenaren."))
            return redirect(initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/form_page.html",
        {
            "form": form,
            "initiatief": initiatief,
            "heading": _("Stuur een bericht"),
            "intro": _("Je bericht gaat per e-mail naar de eigenaren van dit initiatief."),
            "submit": _("Versturen"),
            "crumbs": _crumbs(
                (initiatief.title, initiatief.get_absolute_url()), (_("Bericht"), "")
            ),
        },
    )


def melding_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Report the initiatief, or one of its updates (?update=<id>); anonymous is fine."""
    initiatief = queries.public_initiatief(slug=slug)
    update = None
    update_id = request.POST.get("update") or request.GET.get("update")
    if update_id:
        if not str(update_id).isdigit():
            raise Http404
        update = get_object_or_404(Update, pk=update_id, initiatief=initiatief, is_hidden=False)
    form = MeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.melding_create(
                initiatief=initiatief,
                update=update,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Bedankt. Een moderator kijkt naar je melding."))
            return redirect(initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/form_page.html",
        {
            "form": form,
            "initiatief": initiatief,
            "hidden": {"update": update.pk} if update else {},
            "heading": _("Update melden") if update else _("Initiatief melden"),
            "intro": _("Staat er iets dat niet klopt, kwetsend is of niet mag? Vertel het ons."),
            "submit": _("Melding versturen"),
            "crumbs": _crumbs((initiatief.title, initiatief.get_absolute_url()), (_("Melden"), "")),
        },
    )


@login_required
@require_POST
def follow_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = queries.public_initiatief(slug=slug)
    if request.POST.get("action") == "unfollow":
        services.volger_unfollow(initiatief=initiatief, user=request.user)
        messages.success(request, _("Je volgt dit initiatief niet meer."))
    else:
        rules.require(request.user, rules.PARTICIPATE)
        services.volger_follow(initiatief=initiatief, user=request.user)
        messages.success(
            request,
            _("Je volgt dit initiatief. Nieuwe updates krijg je één keer per dag per e-mail."),
        )
    return redirect(initiatief.get_absolute_url())


def unfollow_view(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the digest: GET asks, POST stops following (no login needed)."""
    if request.method == "POST":
        initiatief = unfollow_by_token(token)
        if initiatief is None:
            raise Http404
        return render(request, "initiatieven/unfollowed.html", {"initiatief": initiatief})
    return render(request, "initiatieven/unfollow_confirm.html", {"token": token})


@login_required
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            initiatief = services.uitnodiging_accept(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("initiatieven:mine")
        messages.success(request, _("Je bent nu mede-eigenaar van dit initiatief."))
        return redirect("initiatieven:manage", slug=initiatief.slug)
    return render(request, "initiatieven/invitation.html", {"token": token})
