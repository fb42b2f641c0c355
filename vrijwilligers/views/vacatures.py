"""Public listing and vacature page; respond; an owner creates, edits and closes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from vrijwilligers import queries, services
from vrijwilligers.availability import codes_from_mask, grid_rows
from vrijwilligers.followup import match_figures
from vrijwilligers.forms import FilterForm, ReactieForm, VacatureForm
from vrijwilligers.models import Reactie, Vacature

MANAGE = "vacature.manage"


def vacature_list(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    vacatures = queries.vacature_list(**{k: v for k, v in filters.items() if v})
    page = Paginator(vacatures, 20).get_page(request.GET.get("page"))
    for vacature in page.object_list:
        vacature.places_label = queries.places_label(vacature)
    return render(
        request,
        "vrijwilligers/vacature_list.html",
        {"form": form, "page_obj": page, "profiel": queries.profiel_get(request.user)},
    )


def vacature_detail(request, pk: int):
    vacature = queries.vacature_get(pk)
    if vacature is None:
        raise Http404
    can_manage = rules.can(request.user, MANAGE, vacature)
    is_public = queries.vacature_is_visible(vacature)
    if not is_public and not can_manage:
        # Until the initiatief is published only its owners see the vacature.
        raise Http404
    own = None
    if request.user.is_authenticated:
        own = Reactie.objects.filter(vacature=vacature, volunteer=request.user).first()
    vacature.places_label = queries.places_label(vacature)
    return render(
        request,
        "vrijwilligers/vacature_detail.html",
        {
            "vacature": vacature,
            "form": ReactieForm(),
            "own_reactie": own,
            "can_manage": can_manage,
            "is_public": is_public,
            "can_respond": vacature.is_open and own is None and not can_manage,
            "grid": grid_rows(vacature.availability_mask) if vacature.availability_mask else None,
            "figures": match_figures(vacature.reacties.all()),
        },
    )


@login_required
def vacature_respond(request, pk: int):
    vacature = queries.vacature_get(pk)
    if vacature is None or not queries.vacature_is_visible(vacature):
        raise Http404
    rules.require(request.user, rules.PARTICIPATE)
    form = ReactieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reactie_create(
                vacature=vacature, volunteer=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Je reactie is verstuurd. Je hoort het via de mail."))
            return redirect(vacature)
    return render(request, "vrijwilligers/respond.html", {"vacature": vacature, "form": form})


def _initiatieven_of(user):
    from initiatieven.models import Initiatief

    return Initiatief.objects.filter(owners=user).order_by("title")


def _form_initial(vacature: Vacature) -> dict:
    return {
        "initiatief": vacature.initiatief_id,
        "organisation_name": vacature.organisation_name,
        "title": vacature.title,
        "description": vacature.description,
        "tasks": vacature.tasks,
        "skills": vacature.skills,
        "free_tags": ", ".join(vacature.free_tags),
        "languages": vacature.languages,
        "themes": [t.code for t in vacature.themes.all()],
        "time_kind": vacature.time_kind,
        "dates": ", ".join(d.isoformat() for d in vacature.dates),
        "hours_per_week": vacature.hours_per_week,
        "availability": codes_from_mask(vacature.availability_mask),
        "wijk": vacature.wijk_id,
        "buurt": vacature.buurt_id,
        "address": vacature.address,
        "is_remote": vacature.is_remote,
        "suits_beginners": vacature.suits_beginners,
        "suits_disability": vacature.suits_disability,
        "suits_newcomers": vacature.suits_newcomers,
        "suits_youth": vacature.suits_youth,
        "min_age": vacature.min_age,
        "places": vacature.places,
        "end_date": vacature.end_date,
    }


@login_required
def vacature_edit(request, pk: int | None = None):
    rules.require(request.user, rules.PARTICIPATE)
    vacature = None
    if pk is not None:
        vacature = get_object_or_404(Vacature, pk=pk)
        rules.require(request.user, MANAGE, vacature)
    form = VacatureForm(
        request.POST or None,
        initiatieven=_initiatieven_of(request.user),
        initial=_form_initial(vacature) if vacature else {"time_kind": "terugkerend"},
    )
    if vacature is not None:
        form.fields.pop("initiatief", None)
        form.fields.pop("behoefte", None)
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        try:
            if vacature is None:
                initiatief = data.pop("initiatief", None)
                behoefte = data.pop("behoefte", None)
                if behoefte is not None and initiatief is None:
                    initiatief = behoefte.initiatief
                vacature = services.vacature_create(
                    owner=request.user, initiatief=initiatief, behoefte=behoefte, **data
                )
            else:
                data.pop("initiatief", None)
                data.pop("behoefte", None)
                vacature = services.vacature_update(vacature=vacature, **data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("De vacature is opgeslagen."))
            return redirect(vacature)
    return render(request, "vrijwilligers/vacature_form.html", {"form": form, "vacature": vacature})


@login_required
@require_POST
def vacature_close(request, pk: int):
    vacature = get_object_or_404(Vacature, pk=pk)
    if not rules.can(request.user, MANAGE, vacature):
        raise PermissionDenied
    services.vacature_close(vacature=vacature)
    messages.success(request, _("De vacature is gesloten."))
    return redirect("vrijwilligers:dashboard")


def stats(request):
    return render(
        request,
        "vrijwilligers/stats.html",
        {
            "figures": match_figures(),
            "open_count": queries.vacature_list().count(),
            "confirmed_hours": queries.confirmed_hours_total(),
        },
    )
