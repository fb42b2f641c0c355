"""Pages for staff: the buurtcoördinator's agenda and the CSV export of decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from buurtkracht.areas.models import Buurt
from buurtkracht.core.spreadsheet import csv_response, spreadsheet_text

from . import queries, services
from .apps import AGENDA_MANAGE, EXPORT
from .forms import AgendaPuntForm, ExportForm
from .models import AgendaPunt

# --- agenda ------------------------------------------------------------------------------


@login_required
def agenda_manage(request, slug):
    buurt = get_object_or_404(Buurt.objects.select_related("wijk"), slug=slug)
    rules.require(request.user, AGENDA_MANAGE, buurt)
    form = AgendaPuntForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agendapunt_create(user=request.user, buurt=buurt, **form.cleaned_data)
        messages.success(request, _("Het agendapunt is toegevoegd."))
        return redirect("buurtbudget:agenda", slug=slug)
    return render(
        request,
        "buurtbudget/agenda_manage.html",
        {"buurt": buurt, "form": form, "punten": queries.agenda_for(buurt, active_only=False)},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def agenda_toggle(request, pk):
    punt = get_object_or_404(AgendaPunt.objects.select_related("buurt"), pk=pk)
    services.agendapunt_set_active(user=request.user, agendapunt=punt, is_active=not punt.is_active)
    return redirect("buurtbudget:agenda", slug=punt.buurt.slug)


# --- export ------------------------------------------------------------------------------


@login_required
def export(request):
    rules.require(request.user, EXPORT)
    form = ExportForm(request.GET or None, initial={"year": queries.current_year()})
    if not form.is_bound or not form.is_valid():
        return render(
            request,
            "buurtbudget/export.html",
            {"form": form},
            status=400 if form.is_bound else 200,
        )
    wijk, year = form.cleaned_data["wijk"], form.cleaned_data["year"]
    response, writer = csv_response(f"buurtbudget-{wijk.slug}-{year}.csv")
    writer.writerow(
        [
            _("soort"),
            _("buurt"),
            _("titel"),
            _("bedrag"),
            _("besluit"),
            _("ingediend op"),
            _("besloten op"),
            _("dagen"),
            _("motivatie"),
        ]
    )
    for a in queries.decided_aanvragen(year=year, wijk=wijk).order_by("decided_at"):
        writer.writerow(
            spreadsheet_text(v)
            for v in [
                _("klein initiatief"),
                a.buurt.name,
                a.initiatief.title,
                a.amount,
                a.get_status_display(),
                a.submitted_at.date().isoformat(),
                a.decided_at.date().isoformat(),
                a.decision_days,
                a.decision_motivation,
            ]
        )
    for v in queries.reviewed_voorstellen(year=year, wijk=wijk).order_by("reviewed_at"):
        writer.writerow(
            spreadsheet_text(x)
            for x in [
                _("voorstel regiegroep"),
                v.buurt.name,
                v.title,
                v.amount,
                v.get_status_display(),
                v.submitted_at.date().isoformat(),
                v.reviewed_at.date().isoformat(),
                v.decision_days,
                v.review_reason,
            ]
        )
    return response
