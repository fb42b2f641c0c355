"""Public pages: the donation form, the return pages from Stripe, reporting a message.

And the owners' goal form. No page here ever shows a donor's e-mail address.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from buurtkracht.accounts import rules
from initiatieven.donaties import queries, services, stripe_gateway
from initiatieven.donaties.forms import (
    OTHER,
    PRESETS_CENTS,
    DonatieForm,
    DoneerdoelForm,
    euro_input,
)
from initiatieven.donaties.models import Donatie
from initiatieven.forms import MeldingForm, apply_errors
from initiatieven.models import Behoefte


def _crumbs(initiatief, last: str) -> list:
    return [
        (_("Home"), "/"),
        (_("Initiatieven"), reverse("initiatieven:list")),
        (initiatief.title, initiatief.get_absolute_url()),
        (last, ""),
    ]


def _goal_or_404(pk: int):
    doel = queries.goal_with_totals(pk)
    if doel is None or doel.behoefte is None or not doel.initiatief.is_public:
        raise Http404
    return doel


def _client_ip(request: HttpRequest) -> str:
    """The visitor's address as the login rate limits see it (allauth's adapter), so
    behind nginx one setting (``ALLAUTH_TRUSTED_PROXY_COUNT``) serves both."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _initial_from(donatie: Donatie | None) -> dict:
    """What the visitor typed before going to Stripe (cancel keeps it; never the e-mail)."""
    if donatie is None:
        return {}
    preset = str(donatie.amount_cents) if donatie.amount_cents in PRESETS_CENTS else OTHER
    return {
        "preset": preset,
        "amount_other": "" if preset != OTHER else euro_input(donatie.amount_cents),
        "name": donatie.name,
        "is_anonymous": donatie.is_anonymous,
        "show_amount": donatie.show_amount,
        "message": donatie.message,
    }


def donate_view(request: HttpRequest, pk: int) -> HttpResponse:
    doel = _goal_or_404(pk)
    initiatief = doel.initiatief
    configured = stripe_gateway.is_configured()
    is_open = services.doneerdoel_is_open(doel)
    cancelled = None
    if request.method == "GET" and request.GET.get("geannuleerd"):
        cancelled = queries.donatie_for_visitor(
            reference=request.GET["geannuleerd"][:20], doel_id=doel.pk
        )
    form = DonatieForm(
        request.POST if request.method == "POST" else None, initial=_initial_from(cancelled)
    )
    status = 200
    if request.method == "POST" and configured and is_open and form.is_valid():
        data = form.cleaned_data
        try:
            services.checkout_rate_take(ip=_client_ip(request), initiatief_id=initiatief.pk)
            donatie = services.donatie_create(
                doel=doel,
                amount_cents=data["amount_cents"],
                email=data["email"],
                name=data["name"],
                is_anonymous=data["is_anonymous"],
                show_amount=data["show_amount"],
                message=data["message"],
                user=request.user,
                language=translation.get_language(),
            )
            url = services.donatie_checkout_start(
                donatie=donatie,
                success_url=request.build_absolute_uri(
                    reverse("donaties:success", args=[doel.pk, donatie.reference])
                ),
                cancel_url=request.build_absolute_uri(
                    reverse("donaties:donate", args=[doel.pk]) + f"?geannuleerd={donatie.reference}"
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
            status = 429 if any(e.code == "rate_limited" for e in error.error_list) else 200
        else:
            return _redirect_303(url)
    elif request.method == "POST":
        status = 200 if configured and is_open else 409
    response = render(
        request,
        "donaties/donate.html",
        {
            "doel": doel,
            "initiatief": initiatief,
            "form": form,
            "configured": configured,
            "is_open": is_open,
            "cancelled": cancelled is not None,
            "test_mode": settings.STRIPE_LOCAL_TEST_MODE,
            "crumbs": _crumbs(initiatief, _("Doneren")),
        },
        status=status,
    )
    # The form's POST answers with a redirect to Checkout; browsers check that target
    # against this page's CSP form-action, so Stripe's origin must be allowed here.
    response._csp_update = {"form-action": [stripe_gateway.checkout_origin()]}
    return response


def _redirect_303(url: str) -> HttpResponse:
    """After a POST, the browser goes to Stripe's page with a GET."""
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


def success_view(request: HttpRequest, pk: int, reference: str) -> HttpResponse:
    """Back from Stripe. Only shows the state: the webhook decides, this page never writes."""
    doel = _goal_or_404(pk)
    donatie = queries.donatie_for_visitor(reference=reference, doel_id=doel.pk)
    if donatie is None:
        raise Http404
    return render(
        request,
        "donaties/success.html",
        {
            "doel": doel,
            "initiatief": doel.initiatief,
            "donatie": donatie,
            "is_paid": donatie.status in Donatie.PAID_STATUSES,
            "is_open": donatie.status == Donatie.Status.OPEN,
            "crumbs": _crumbs(doel.initiatief, _("Bedankt")),
        },
    )


@login_required
def goal_view(request: HttpRequest, behoefte_pk: int) -> HttpResponse:
    """Owners open a money need for donations (what it pays for, until when)."""
    behoefte = get_object_or_404(
        Behoefte.objects.select_related("initiatief"), pk=behoefte_pk, kind=Behoefte.Kind.GELD
    )
    initiatief = behoefte.initiatief
    rules.require(request.user, rules.INITIATIVE_EDIT, initiatief)
    doel = getattr(behoefte, "doneerdoel", None)
    initial = {"purpose": doel.purpose, "deadline": doel.deadline} if doel else {}
    form = DoneerdoelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.doneerdoel_save(
                behoefte=behoefte,
                user=request.user,
                purpose=form.cleaned_data["purpose"],
                deadline=form.cleaned_data["deadline"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Doneren staat aan voor deze behoefte."))
            return redirect(initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/form_page.html",
        {
            "form": form,
            "initiatief": initiatief,
            "heading": _("Doneren aanzetten") if doel is None else _("Doneerdoel wijzigen"),
            "intro": _(
                "Buren kunnen dan geld geven voor '%(title)s' (doel: € %(amount)s). "
                "Het geld komt eerst bij de stichting; die maakt het elke maand aan jullie over."
            )
            % {"title": behoefte.title, "amount": behoefte.amount_wanted},
            "submit": _("Opslaan"),
            "crumbs": _crumbs(initiatief, _("Doneren")),
        },
    )


def report_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a donor's message (anonymous is fine), like reporting an update."""
    donatie = get_object_or_404(
        Donatie.objects.select_related("initiatief"),
        pk=pk,
        status__in=[Donatie.Status.BETAALD, Donatie.Status.DEELS_TERUGBETAALD],
        message_hidden=False,
    )
    if not donatie.initiatief.is_public or not donatie.message:
        raise Http404
    form = MeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bericht_melding_create(
                donatie=donatie, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Bedankt. Een moderator kijkt naar je melding."))
            return redirect(donatie.initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/form_page.html",
        {
            "form": form,
            "initiatief": donatie.initiatief,
            "heading": _("Bericht van een donateur melden"),
            "intro": _("Staat er iets dat niet klopt, kwetsend is of niet mag? Vertel het ons."),
            "submit": _("Melding versturen"),
            "crumbs": _crumbs(donatie.initiatief, _("Melden")),
        },
    )
