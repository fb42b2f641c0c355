"""Wagtail admin views: donations and refunds, the payout report (+ CSV), reported messages.

Plain views (not a ModelViewSet): money records are never edited by hand; an
administrator only asks Stripe for a refund, and the state follows Stripe's event.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from buurtkracht.accounts import rules
from buurtkracht.core.spreadsheet import csv_response, spreadsheet_text
from initiatieven.donaties import queries, services
from initiatieven.donaties.forms import RefundForm
from initiatieven.donaties.mail import euro
from initiatieven.donaties.models import BerichtMelding, Donatie
from initiatieven.forms import DecisionForm, apply_errors

PAGE_SIZE = 50


def _require_manager(request) -> None:
    rules.require(request.user, services.MANAGE)


def donatie_index(request):
    """All donations, newest first; filter by status, search by reference or name."""
    _require_manager(request)
    qs = Donatie.objects.select_related("initiatief").order_by("-created_at", "-pk")
    status, search = request.GET.get("status", ""), request.GET.get("q", "").strip()[:80]
    if status in Donatie.Status.values:
        qs = qs.filter(status=status)
    if search:
        qs = qs.filter(
            Q(reference__iexact=search)
            | Q(name__icontains=search)
            | Q(initiatief__title__icontains=search)
        )
    return render(
        request,
        "donaties/admin/index.html",
        {
            "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("p")),
            "statuses": Donatie.Status.choices,
            "selected": {"status": status, "q": search},
        },
    )


def donatie_refund(request, pk: int):
    _require_manager(request)
    donatie = get_object_or_404(Donatie.objects.select_related("initiatief"), pk=pk)
    refundable = donatie.amount_cents - max(donatie.refunded_cents, donatie.refund_requested_cents)
    form = RefundForm(request.POST or None, refundable_cents=refundable)
    if request.method == "POST" and form.is_valid():
        try:
            services.donatie_refund_request(
                donatie=donatie, user=request.user, amount_cents=form.cleaned_data["amount"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Terugbetaling aangevraagd bij Stripe. De status verandert zodra Stripe die bevestigt."
                ),
            )
            return redirect("donaties_beheer:index")
    return render(
        request,
        "donaties/admin/refund.html",
        {
            "donatie": donatie,
            "form": form,
            "refundable": euro(refundable),
            "can_refund": refundable > 0 and donatie.status in Donatie.PAID_STATUSES,
        },
    )


def _year(request) -> int | None:
    year = request.GET.get("jaar", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None


def payout_report(request):
    _require_manager(request)
    year = _year(request)
    rows = queries.payout_rows(year=year)
    totals = {
        key: sum(getattr(row, key) for row in rows)
        for key in (
            "count",
            "paid_cents",
            "refunded_cents",
            "fee_cents",
            "net_cents",
            "fees_unknown",
        )
    }
    return render(
        request,
        "donaties/admin/payout.html",
        {
            "rows": [
                (
                    row,
                    {
                        k: euro(getattr(row, k))
                        for k in ("paid_cents", "refunded_cents", "fee_cents", "net_cents")
                    },
                )
                for row in rows
            ],
            "totals": {k: euro(v) if k.endswith("cents") else v for k, v in totals.items()},
            "year": year or "",
        },
    )


def csv_amount(cents: int) -> str:
    """'-1250,50': a number to a spreadsheet with Dutch settings (decimal comma, no
    thousands separator), whatever the admin's language; a number, so not neutralised."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    return f"{sign}{whole},{rest:02d}"


def payout_csv(request):
    """The payout report for the foundation: UTF-8 with BOM, ';' and decimal commas."""
    _require_manager(request)
    year = _year(request)
    response, writer = csv_response(f"donaties-uitbetaling-{year or 'alles'}.csv")
    writer.writerow(
        [_("Maand"), _("Initiatief"), _("Initiatief-id"), _("Aantal donaties"), _("Betaald"),
         _("Terugbetaald"), _("Stripe-kosten"), _("Uit te betalen"), _("Kosten nog onbekend")]
    )  # fmt: skip
    for row in queries.payout_rows(year=year):
        writer.writerow(
            [row.month.strftime("%Y-%m"), spreadsheet_text(row.initiatief), row.initiatief_id, row.count,
             csv_amount(row.paid_cents), csv_amount(row.refunded_cents), csv_amount(row.fee_cents),
             csv_amount(row.net_cents), row.fees_unknown]
        )  # fmt: skip
    return response


# --- reported donor messages (moderators) -------------------------------------------


def melding_index(request):
    rules.require(request.user, rules.MODERATE)
    status = request.GET.get("status", BerichtMelding.Status.OPEN)
    qs = BerichtMelding.objects.select_related("donatie", "donatie__initiatief").order_by(
        "created_at", "pk"
    )
    if status in BerichtMelding.Status.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "donaties/admin/melding_index.html",
        {
            "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("p")),
            "statuses": BerichtMelding.Status.choices,
            "selected": {"status": status},
        },
    )


def melding_decide(request, pk: int):
    rules.require(request.user, rules.MODERATE)
    melding = get_object_or_404(
        BerichtMelding.objects.select_related("donatie", "donatie__initiatief"), pk=pk
    )
    form = DecisionForm(
        request.POST or None,
        choices=[("hide", _("Bericht verbergen")), ("keep", _("Laten staan"))],
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.bericht_melding_decide(
                melding=melding,
                moderator=request.user,
                hide=form.cleaned_data["decision"] == "hide",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Besluit opgeslagen."))
            return redirect("donaties_beheer:meldingen")
    return render(
        request,
        "donaties/admin/melding_decide.html",
        {"melding": melding, "form": form, "title": _("Besluit over een donatiebericht")},
    )
