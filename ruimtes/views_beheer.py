"""Manager pages: the request queue, decisions, occupancy and editing a location."""

import csv
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from buurtkracht.accounts import roles, rules
from ruimtes import occupancy, queries, services
from ruimtes.forms import DecisionForm
from ruimtes.forms_beheer import LocatieForm, OpeningstijdFormSet, RuimteForm, SluitingFormSet
from ruimtes.models import Boeking, BookerType, Locatie, Ruimte
from ruimtes.timeutil import AMSTERDAM, week_start


def _week(request) -> date:
    try:
        return week_start(date.fromisoformat(request.GET.get("week", "")))
    except ValueError:
        return week_start(timezone.now().astimezone(AMSTERDAM).date())


def _locatie(request, pk: int) -> Locatie:
    locatie = get_object_or_404(
        Locatie.objects.prefetch_related("openingstijden", "sluitingen"), pk=pk
    )
    rules.require(request.user, rules.LOCATION_MANAGE, locatie)
    return locatie


@login_required
def dashboard(request):
    locaties = list(queries.locatie_list_managed(request.user))
    if not locaties:
        raise PermissionDenied
    queue = queries.boeking_queue(request.user)
    if request.user.is_superuser or roles.BEHEER in roles.group_names(request.user):
        queue = Boeking.objects.filter(status=Boeking.Status.AANGEVRAAGD).select_related(
            "ruimte__locatie", "booker"
        )
    return render(request, "ruimtes/beheer/dashboard.html", {"locaties": locaties, "queue": queue})


@login_required
@require_http_methods(["GET", "POST"])
def decide(request, pk: int):
    boeking = get_object_or_404(Boeking.objects.select_related("ruimte__locatie", "booker"), pk=pk)
    rules.require(request.user, rules.LOCATION_MANAGE, boeking.ruimte.locatie)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "goedkeuren":
                services.boeking_approve(boeking=boeking, manager=request.user)
                messages.success(request, _("De aanvraag is goedgekeurd."))
            elif request.POST.get("action") == "reeks_goedkeuren":
                count = services.serie_approve(boeking=boeking, manager=request.user)
                messages.success(
                    request,
                    _("%(count)s datums van de reeks zijn goedgekeurd.") % {"count": count},
                )
            else:
                services.boeking_decline(
                    boeking=boeking, manager=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("De aanvraag is afgewezen."))
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error("reason" if name == "reason" else None, errors)
        else:
            return redirect("ruimtes:beheer")
    series_pending = 0
    if boeking.serie_id and boeking.status == Boeking.Status.AANGEVRAAGD:
        series_pending = Boeking.objects.filter(
            serie_id=boeking.serie_id,
            status=Boeking.Status.AANGEVRAAGD,
            starts_at__gt=timezone.now(),
        ).count()
    return render(
        request,
        "ruimtes/beheer/decide.html",
        {"boeking": boeking, "form": form, "series_pending": series_pending},
    )


def _occupancy_rows(locatie, monday):
    return occupancy.locatie_week(locatie, monday)


@login_required
def bezetting(request, pk: int):
    locatie = _locatie(request, pk)
    monday = _week(request)
    rows = _occupancy_rows(locatie, monday)
    chart = [
        {
            "row": row,
            "y": 10 + index * 40,
            "bars": _bars(row),
        }
        for index, row in enumerate(rows)
    ]
    return render(
        request,
        "ruimtes/beheer/bezetting.html",
        {
            "locatie": locatie,
            "monday": monday,
            "sunday": monday + timedelta(days=6),
            "rows": rows,
            "total": occupancy.locatie_total(rows),
            "chart": chart,
            "chart_height": 20 + 40 * len(rows),
            "target": occupancy.TARGET_PERCENT,
            "target_x": 200 + 4 * occupancy.TARGET_PERCENT,
            "booker_types": BookerType.choices,
            "previous_week": monday - timedelta(weeks=1),
            "next_week": monday + timedelta(weeks=1),
        },
    )


def _bars(row) -> list[dict]:
    """Stacked bar segments in SVG units: 4 units per percent, starting at x=200."""
    x = 200.0
    bars = []
    for booker_type, label in BookerType.choices:
        width = 4 * min(row.percent_of(booker_type), 100)
        if width:
            bars.append(
                {"x": round(x, 1), "width": round(width, 1), "type": booker_type, "label": label}
            )
            x += width
    return bars


@login_required
def bezetting_csv(request, pk: int):
    locatie = _locatie(request, pk)
    monday = _week(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="bezetting-{locatie.slug}-{monday}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [
            "locatie",
            "ruimte",
            "week",
            "openingsuren",
            "geboekte uren",
            *BookerType.values,
            "bezetting %",
            "doel %",
        ]
    )
    rows = _occupancy_rows(locatie, monday)
    for row in [*rows, occupancy.locatie_total(rows)]:
        writer.writerow(
            [
                locatie.name,
                row.ruimte.name if row.ruimte else "",
                monday.isoformat(),
                f"{row.open_hours:.2f}",
                f"{row.booked_hours:.2f}",
                *[f"{row.booked[t]:.2f}" for t in BookerType.values],
                f"{row.percent:.1f}",
                occupancy.TARGET_PERCENT,
            ]
        )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def locatie_edit(request, pk: int):
    locatie = _locatie(request, pk)
    data = request.POST if request.method == "POST" else None
    form = LocatieForm(data, instance=locatie)
    hours = OpeningstijdFormSet(data, instance=locatie, prefix="uren")
    closures = SluitingFormSet(data, instance=locatie, prefix="sluiting")
    if request.method == "POST" and form.is_valid() and hours.is_valid() and closures.is_valid():
        services.locatie_forms_save(user=request.user, forms=[form, hours, closures])
        messages.success(request, _("De locatie is opgeslagen."))
        return redirect("ruimtes:locatie_edit", pk=locatie.pk)
    return render(
        request,
        "ruimtes/beheer/locatie_edit.html",
        {"locatie": locatie, "form": form, "hours": hours, "closures": closures},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ruimte_edit(request, pk: int):
    ruimte = get_object_or_404(Ruimte.objects.select_related("locatie"), pk=pk)
    rules.require(request.user, rules.LOCATION_MANAGE, ruimte.locatie)
    form = RuimteForm(request.POST or None, instance=ruimte)
    if request.method == "POST" and form.is_valid():
        services.locatie_forms_save(user=request.user, forms=[form])
        messages.success(request, _("De ruimte is opgeslagen."))
        return redirect("ruimtes:locatie_edit", pk=ruimte.locatie_id)
    return render(request, "ruimtes/beheer/ruimte_edit.html", {"ruimte": ruimte, "form": form})
