"""Talentenbeurs pages. Plain forms, POST + redirect; every action checked here and in
the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from buurtkracht.core.pdf import render_pdf

from . import queries, services
from .forms import DeelnemerForm, TafelForm, UitkomstForm
from .models import Gesprek, Tafel, Talentenbeurs


def _beurs(slug: str) -> Talentenbeurs:
    return get_object_or_404(Talentenbeurs, slug=slug, is_published=True)


def _crumbs(beurs: Talentenbeurs | None = None, *more) -> list[tuple[str, str]]:
    items = [(_("Home"), "/"), (_("Talentenbeurs"), reverse("talentenbeurs:list"))]
    if beurs is not None:
        items.append((beurs.title, beurs.get_absolute_url()))
    return items + list(more)


def _form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _verify_first(request, beurs):
    """Signing up needs a verified e-mail address (rules.PARTICIPATE): say how to get one."""
    return render(
        request,
        "talentenbeurs/verify_first.html",
        {"beurs": beurs, "crumbs": _crumbs(beurs, (_("Aanmelden"), ""))},
        status=403,
    )


def _require_organiser(user, beurs) -> None:
    if not services.is_organiser(user, beurs):
        raise PermissionDenied(services.MESSAGES["geen_organisator"])


def beurs_list(request):
    return render(
        request,
        "talentenbeurs/beurs_list.html",
        {"beurzen": queries.beurs_public_list(), "crumbs": _crumbs()},
    )


def beurs_detail(request, slug):
    beurs = _beurs(slug)
    return render(
        request,
        "talentenbeurs/beurs_detail.html",
        {
            "beurs": beurs,
            "tafels": queries.beurs_public_tables(beurs),
            "deelnemer": queries.deelnemer_of(beurs, request.user),
            "tafel": queries.tafel_of(beurs, request.user),
            "is_organiser": services.is_organiser(request.user, beurs),
            "crumbs": _crumbs(beurs),
        },
    )


@login_required
def deelnemer_register(request, slug):
    beurs = _beurs(slug)
    if not rules.can(request.user, rules.PARTICIPATE):
        return _verify_first(request, beurs)
    existing = queries.deelnemer_of(beurs, request.user)
    form = DeelnemerForm(request.POST or None, beurs=beurs)
    if request.method == "POST" and form.is_valid():
        try:
            services.deelnemer_register(beurs=beurs, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("Je bent aangemeld. Je rooster komt hier zodra het klaar is.")
            )
            return redirect("talentenbeurs:my_schedule", slug=beurs.slug)
    return render(
        request,
        "talentenbeurs/deelnemer_form.html",
        {
            "beurs": beurs,
            "form": form,
            "existing": existing,
            "crumbs": _crumbs(beurs, (_("Aanmelden"), "")),
        },
    )


@login_required
@require_POST
def deelnemer_cancel(request, slug):
    beurs = _beurs(slug)
    deelnemer = queries.deelnemer_of(beurs, request.user)
    if deelnemer is None:
        raise Http404
    try:
        services.deelnemer_cancel(deelnemer=deelnemer, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Je bent afgemeld."))
    return redirect(beurs)


@login_required
def tafel_register(request, slug):
    beurs = _beurs(slug)
    if not rules.can(request.user, rules.PARTICIPATE):
        return _verify_first(request, beurs)
    form = TafelForm(request.POST or None, beurs=beurs)
    existing = queries.tafel_of(beurs, request.user)
    if request.method == "POST" and form.is_valid():
        try:
            tafel = services.tafel_register(beurs=beurs, contact=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Je tafel is aangemeld."))
            return redirect("talentenbeurs:tafel", slug=beurs.slug, pk=tafel.pk)
    return render(
        request,
        "talentenbeurs/tafel_form.html",
        {
            "beurs": beurs,
            "form": form,
            "existing": existing,
            "crumbs": _crumbs(beurs, (_("Tafel aanmelden"), "")),
        },
    )


@login_required
def my_schedule(request, slug):
    beurs = _beurs(slug)
    deelnemer = queries.deelnemer_of(beurs, request.user)
    gesprekken = queries.deelnemer_schedule(deelnemer) if deelnemer else []
    return render(
        request,
        "talentenbeurs/my_schedule.html",
        {
            "beurs": beurs,
            "deelnemer": deelnemer,
            "gesprekken": gesprekken,
            "crumbs": _crumbs(beurs, (_("Mijn rooster"), "")),
        },
    )


def _pdf_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@login_required
def my_schedule_pdf(request, slug):
    beurs = _beurs(slug)
    deelnemer = queries.deelnemer_of(beurs, request.user)
    if deelnemer is None:
        raise Http404
    content = render_pdf(
        "talentenbeurs/pdf/my_schedule.html",
        {
            "beurs": beurs,
            "deelnemer": deelnemer,
            "gesprekken": queries.deelnemer_schedule(deelnemer),
        },
    )
    return _pdf_response(content, f"rooster-{beurs.slug}")


def _tafel_for(request, slug, pk) -> Tafel:
    """A table's list: its contact or an organiser."""
    beurs = _beurs(slug)
    tafel = get_object_or_404(Tafel, beurs=beurs, pk=pk)
    if tafel.contact_id != request.user.pk:
        _require_organiser(request.user, beurs)
    return tafel


@login_required
def tafel_detail(request, slug, pk):
    tafel = _tafel_for(request, slug, pk)
    beurs = tafel.beurs
    is_organiser = services.is_organiser(request.user, beurs)
    gesprekken = list(queries.tafel_schedule(tafel))
    for gesprek in gesprekken:
        gesprek.form = UitkomstForm(initial={"outcome": gesprek.outcome}, prefix=f"g{gesprek.pk}")
    return render(
        request,
        "talentenbeurs/tafel_detail.html",
        {
            "beurs": beurs,
            "tafel": tafel,
            "gesprekken": gesprekken,
            "is_organiser": is_organiser,
            "crumbs": _crumbs(beurs, (tafel.organisation, "")),
        },
    )


@login_required
def tafel_pdf(request, slug, pk):
    tafel = _tafel_for(request, slug, pk)
    content = render_pdf(
        "talentenbeurs/pdf/tafel.html",
        {"beurs": tafel.beurs, "tafel": tafel, "gesprekken": queries.tafel_schedule(tafel)},
    )
    return _pdf_response(content, f"tafel-{slugify(tafel.organisation)}")


@login_required
def tafels_pdf(request, slug):
    """Every table list in one PDF, a page per table: for the organisers to print."""
    beurs = _beurs(slug)
    _require_organiser(request.user, beurs)
    content = render_pdf(
        "talentenbeurs/pdf/tafels.html",
        {"beurs": beurs, "tafels": queries.beurs_tables_with_talks(beurs)},
    )
    return _pdf_response(content, f"tafellijsten-{beurs.slug}")


@login_required
def dashboard(request, slug):
    beurs = _beurs(slug)
    _require_organiser(request.user, beurs)
    return render(
        request,
        "talentenbeurs/dashboard.html",
        {
            "beurs": beurs,
            "tafels": queries.beurs_tables_with_talks(beurs),
            "unscheduled": queries.beurs_unscheduled(beurs) if beurs.scheduled_at else [],
            "report": queries.beurs_report(beurs),
            "crumbs": _crumbs(beurs, (_("Organisatie"), "")),
        },
    )


@login_required
@require_POST
def schedule_run(request, slug):
    beurs = _beurs(slug)
    _require_organiser(request.user, beurs)
    try:
        result = services.beurs_schedule(beurs=beurs, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "Het rooster is gemaakt: %(count)s gesprekken, totale matchscore %(total)s, "
                "%(covered)s bewoners met minstens één gesprek. Verschil met de "
                "bovengrens: %(gap)s%%."
            )
            % {
                "count": len(result.conversations),
                "total": result.total,
                "covered": result.covered,
                "gap": f"{result.gap_percent:.1f}",
            },
        )
    return redirect("talentenbeurs:dashboard", slug=beurs.slug)


@login_required
@require_POST
def outcome_record(request, slug, pk):
    beurs = _beurs(slug)
    gesprek = get_object_or_404(
        Gesprek.objects.select_related("beurs", "tafel"), beurs=beurs, pk=pk
    )
    _require_organiser(request.user, beurs)
    form = UitkomstForm(request.POST, prefix=f"g{gesprek.pk}")
    if not form.is_valid():
        messages.error(request, services.MESSAGES["onbekende_uitkomst"])
    else:
        try:
            services.gesprek_outcome_record(
                gesprek=gesprek, outcome=form.cleaned_data["outcome"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uitkomst opgeslagen."))
    return redirect("talentenbeurs:tafel", slug=beurs.slug, pk=gesprek.tafel_id)
