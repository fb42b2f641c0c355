"""The volunteer's side: profile, "Voor jou", own reacties and hours, the certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vrijwilligers import hours, queries, services
from vrijwilligers.availability import codes_from_mask
from vrijwilligers.forms import ProfielForm, UrenForm
from vrijwilligers.models import Reactie, Verklaring


def _initial(profiel) -> dict:
    if profiel is None:
        return {"max_distance_km": 3}
    return {
        "skills": profiel.skills,
        "talents": ", ".join(profiel.talents),
        "themes": [t.code for t in profiel.themes.all()],
        "availability": codes_from_mask(profiel.availability_mask),
        "postcode": profiel.postcode,
        "max_distance_km": profiel.max_distance_km,
        "languages": profiel.languages,
        "wants_to_learn": profiel.wants_to_learn,
        "is_beginner": profiel.is_beginner,
        "needs_accessible": profiel.needs_accessible,
        "is_newcomer": profiel.is_newcomer,
        "is_youth": profiel.is_youth,
        "contactable": profiel.contactable,
        "is_hidden": profiel.is_hidden,
    }


@login_required
def profiel_edit(request):
    profiel = queries.profiel_get(request.user)
    form = ProfielForm(request.POST or None, initial=_initial(profiel))
    if request.method == "POST" and form.is_valid():
        try:
            services.profiel_save(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("vrijwilligers:voor_jou")
    return render(request, "vrijwilligers/profiel_form.html", {"form": form, "profiel": profiel})


@login_required
@require_POST
def profiel_delete(request):
    services.profiel_delete(user=request.user)
    messages.success(request, _("Je vrijwilligersprofiel is verwijderd."))
    return redirect("vrijwilligers:list")


@login_required
def voor_jou(request):
    profiel = queries.profiel_get(request.user)
    if profiel is None:
        return redirect("vrijwilligers:profiel")
    return render(
        request,
        "vrijwilligers/voor_jou.html",
        {"profiel": profiel, "matches": queries.voor_jou(profiel)},
    )


@login_required
def mijn(request):
    reacties = list(queries.reacties_of(request.user))
    return render(
        request,
        "vrijwilligers/mijn.html",
        {
            "reacties": reacties,
            "totals": hours.confirmed_hours_by_organisation(request.user),
            "uren_form": UrenForm(),
            "verklaringen": Verklaring.objects.filter(volunteer=request.user),
        },
    )


@login_required
@require_POST
def reactie_withdraw(request, pk: int):
    reactie = get_object_or_404(Reactie, pk=pk, volunteer=request.user)
    try:
        services.reactie_withdraw(reactie=reactie)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Je reactie is ingetrokken."))
    return redirect("vrijwilligers:mijn")


@login_required
def uren_log(request, pk: int):
    reactie = get_object_or_404(
        Reactie.objects.select_related("vacature"), pk=pk, volunteer=request.user
    )
    form = UrenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hours.uren_log(reactie=reactie, volunteer=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Je uren zijn opgeslagen. De organisatie bevestigt ze."))
            return redirect("vrijwilligers:mijn")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "vrijwilligers/uren_form.html", {"form": form, "reactie": reactie}, status=status
    )


@login_required
@require_POST
def verklaring_create(request):
    try:
        verklaring = hours.verklaring_create(volunteer=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("vrijwilligers:mijn")
    return redirect("vrijwilligers:verklaring_pdf", code=verklaring.code)


@login_required
def verklaring_pdf(request, code: str):
    verklaring = get_object_or_404(Verklaring, code=code, volunteer=request.user)
    response = HttpResponse(hours.verklaring_pdf(verklaring), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vrijwilligersverklaring-{code}.pdf"'
    return response


def verklaring_verify(request, code: str):
    """Public: name, period and hours of a certificate; nothing else."""
    verklaring = Verklaring.objects.filter(code=code.upper()).first()
    if verklaring is None:
        raise Http404
    return render(request, "vrijwilligers/verify.html", {"verklaring": verklaring})
