"""The owner's side: their vacatures, reacties, suggested volunteers and hours to confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from vrijwilligers import hours, queries, services
from vrijwilligers.forms import ConfirmUrenForm, DeclineForm
from vrijwilligers.models import Reactie, Uren, Vacature

MANAGE = "vacature.manage"


@login_required
def dashboard(request):
    vacatures = list(queries.vacatures_managed_by(request.user))
    to_confirm = [
        uren
        for vacature in vacatures
        for reactie in vacature.reacties.all()
        for uren in reactie.uren.all()
        if uren.status == Uren.Status.INGEDIEND
    ]
    for vacature in vacatures:
        vacature.filled = sum(1 for r in vacature.reacties.all() if r.is_accepted)
        vacature.places_label = queries.places_label(vacature)
    return render(
        request,
        "vrijwilligers/dashboard.html",
        {"vacatures": vacatures, "to_confirm": to_confirm, "decline_form": DeclineForm()},
    )


@login_required
def vacature_volunteers(request, pk: int):
    vacature = get_object_or_404(
        Vacature.objects.select_related("wijk", "buurt").prefetch_related("themes"), pk=pk
    )
    rules.require(request.user, MANAGE, vacature)
    return render(
        request,
        "vrijwilligers/volunteers.html",
        {"vacature": vacature, "volunteers": queries.volunteers_for(vacature)},
    )


def _reactie_for_owner(request, pk: int) -> Reactie:
    reactie = get_object_or_404(Reactie.objects.select_related("vacature"), pk=pk)
    rules.require(request.user, MANAGE, reactie.vacature)
    return reactie


def _fail(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def reactie_accept(request, pk: int):
    reactie = _reactie_for_owner(request, pk)
    try:
        services.reactie_accept(reactie=reactie)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(
            request, _("Geaccepteerd. Jullie krijgen allebei elkaars contactgegevens per mail.")
        )
    return redirect("vrijwilligers:dashboard")


@login_required
@require_POST
def reactie_decline(request, pk: int):
    reactie = _reactie_for_owner(request, pk)
    form = DeclineForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.reactie_decline(reactie=reactie, note=note)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(
            request, _("We hebben de vrijwilliger vriendelijk laten weten dat het niet doorgaat.")
        )
    return redirect("vrijwilligers:dashboard")


@login_required
@require_POST
def uren_confirm(request, pk: int):
    uren = get_object_or_404(Uren.objects.select_related("reactie__vacature"), pk=pk)
    rules.require(request.user, MANAGE, uren.reactie.vacature)
    form = ConfirmUrenForm(request.POST)
    if not form.is_valid():
        _fail(request, ValidationError(_("Vul een aantal uren in groter dan 0 en hoogstens 24.")))
        return redirect("vrijwilligers:dashboard")
    try:
        hours.uren_confirm(uren=uren, hours=form.cleaned_data["hours"])
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("De uren zijn bevestigd."))
    return redirect("vrijwilligers:dashboard")
