"""Pages of the buurtbudget: public totals, applying, the panel, reports, the regiegroep."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import roles, rules
from buurtkracht.areas.models import Buurt, Wijk
from initiatieven.models import Initiatief

from . import queries, services
from .apps import AGENDA_MANAGE
from .forms import (
    AanvraagForm,
    BelangForm,
    ReactieForm,
    RegelFormSet,
    StemForm,
    VerantwoordingForm,
)
from .models import Aanvraag, AgendaPunt, Verantwoording


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: by field where it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def year_param(request) -> int:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return queries.current_year()
    return year if 2000 <= year <= 2100 else queries.current_year()


# --- public ------------------------------------------------------------------------------


def index(request):
    year = year_param(request)
    rows = []
    budgets = list(queries.budgets_for(year=year))
    aanvragen = list(queries.decided_aanvragen(year=year))
    voorstellen = list(queries.reviewed_voorstellen(year=year))
    for wijk in Wijk.objects.all():
        rows.append(
            (
                wijk,
                queries.totals(
                    [b for b in budgets if b.buurt.wijk_id == wijk.pk],
                    [a for a in aanvragen if a.wijk_id == wijk.pk],
                    [v for v in voorstellen if v.buurt.wijk_id == wijk.pk],
                ),
            )
        )
    total = queries.totals(budgets, aanvragen, voorstellen)
    return render(request, "buurtbudget/index.html", {"year": year, "rows": rows, "total": total})


def wijk_detail(request, slug):
    wijk = get_object_or_404(Wijk, slug=slug)
    year = year_param(request)
    budgets = list(queries.budgets_for(year=year, wijk=wijk))
    aanvragen = list(queries.decided_aanvragen(year=year, wijk=wijk))
    voorstellen = list(queries.reviewed_voorstellen(year=year, wijk=wijk))
    return render(
        request,
        "buurtbudget/wijk.html",
        {
            "wijk": wijk,
            "year": year,
            "budgets": budgets,
            "aanvragen": aanvragen,
            "voorstellen": voorstellen,
            "totals": queries.totals(budgets, aanvragen, voorstellen),
            "is_panel": rules.can(request.user, rules.GRANTS_VOTE, wijk),
            "pending": (
                queries.pending_voorstellen(wijk=wijk)
                if rules.can(request.user, rules.REGIEGROEP_REVIEW, wijk.buurten.first())
                else []
            ),
        },
    )


def buurt_detail(request, slug):
    buurt = get_object_or_404(Buurt.objects.select_related("wijk"), slug=slug)
    year = year_param(request)
    can_propose = rules.can(request.user, rules.REGIEGROEP_PROPOSE, buurt)
    can_review = rules.can(request.user, rules.REGIEGROEP_REVIEW, buurt)
    budgets = list(queries.budgets_for(year=year, buurt=buurt))
    aanvragen = list(queries.decided_aanvragen(year=year, buurt=buurt))
    voorstellen = list(queries.reviewed_voorstellen(year=year, buurt=buurt))
    return render(
        request,
        "buurtbudget/buurt.html",
        {
            "buurt": buurt,
            "year": year,
            "budget": budgets[0] if budgets else None,
            "agenda": queries.agenda_for(buurt),
            "aanvragen": aanvragen,
            "voorstellen": voorstellen,
            "totals": queries.totals(budgets, aanvragen, voorstellen),
            "can_manage_agenda": rules.can(request.user, AGENDA_MANAGE, buurt),
            "can_propose": can_propose,
            "pending": (
                queries.pending_voorstellen(buurt=buurt) if can_propose or can_review else []
            ),
        },
    )


# --- applying ----------------------------------------------------------------------------


@login_required
def aanvraag_create(request, slug):
    initiatief = get_object_or_404(Initiatief, slug=slug)
    rules.require(request.user, rules.INITIATIVE_EDIT, initiatief)
    rondes = queries.open_rondes_for(initiatief)
    agendapunten = (
        queries.agenda_for(initiatief.buurt) if initiatief.buurt_id else AgendaPunt.objects.none()
    )
    data = request.POST if request.method == "POST" else None
    form = AanvraagForm(data, rondes=rondes, agendapunten=agendapunten)
    formset = RegelFormSet(data, prefix="regels")
    if request.method == "POST":
        form_ok = form.is_valid()
        # Checked even when other fields are wrong, so every mistake shows at once.
        lines = form.check_lines(formset)
        if not formset.is_valid():
            form.add_error(None, _("Controleer de begrotingsregels."))
        if form_ok and lines is not None:
            try:
                aanvraag = services.aanvraag_submit(
                    user=request.user,
                    initiatief=initiatief,
                    ronde=form.cleaned_data["ronde"],
                    amount=form.cleaned_data["amount"],
                    lines=lines,
                    plan=form.cleaned_data["plan"],
                    expected_results=form.cleaned_data["expected_results"],
                    activity_ends_on=form.cleaned_data["activity_ends_on"],
                    agendapunt=form.cleaned_data["agendapunt"],
                    prioriteit=form.cleaned_data["prioriteit"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Je aanvraag is ingediend."))
                return redirect("buurtbudget:aanvraag", pk=aanvraag.pk)
    return render(
        request,
        "buurtbudget/aanvraag_form.html",
        {"initiatief": initiatief, "form": form, "formset": formset, "has_rondes": rondes.exists()},
        status=400 if form.is_bound and form.errors else 200,
    )


def _aanvraag_access(user, aanvraag: Aanvraag) -> tuple[bool, bool]:
    """(is_panel, is_owner) for a signed-in user; 403 for anyone else."""
    is_owner = services.is_owner(user, aanvraag)
    is_panel = rules.can(user, rules.GRANTS_VOTE, aanvraag.wijk)
    is_beheer = roles.BEHEER in roles.group_names(user) or user.is_superuser
    if not (is_owner or is_panel or is_beheer):
        raise PermissionDenied("aanvraag")
    return is_panel, is_owner


@login_required
def aanvraag_detail(request, pk, forms=None):
    """The application; panel members vote and talk here. ``forms``: bound forms with errors."""
    try:
        aanvraag = queries.aanvraag_for_page(pk)
    except Aanvraag.DoesNotExist:
        raise Http404 from None
    is_panel, is_owner = _aanvraag_access(request.user, aanvraag)
    stemmen = list(aanvraag.stemmen.all())
    own_vote = next((s for s in stemmen if s.user_id == request.user.pk), None)
    has_conflict = aanvraag.belangenmeldingen.filter(user=request.user).exists()
    # Votes stay hidden until you cast your own, so no one follows the crowd.
    show_votes = is_panel and not is_owner and (own_vote is not None or not aanvraag.is_open)
    can_vote = is_panel and not is_owner and aanvraag.is_open and not own_vote and not has_conflict
    forms = forms or {}
    refusals = [e for form in forms.values() for e in form.non_field_errors()]
    context = {
        "refusals": refusals,
        "aanvraag": aanvraag,
        "is_panel": is_panel and not is_owner,
        "is_owner": is_owner,
        "own_vote": own_vote,
        "has_conflict": has_conflict,
        "show_votes": show_votes,
        "stemmen": stemmen if show_votes else [],
        "tally": services.tally(stemmen),
        "vote_count": len(stemmen),
        "can_vote": can_vote,
        "stem_form": forms.get("stem") or StemForm(),
        "belang_form": forms.get("belang") or BelangForm(),
        "reactie_form": forms.get("reactie") or ReactieForm(),
        "reacties": (
            aanvraag.reacties.select_related("author") if is_panel and not is_owner else []
        ),
        "report": Verantwoording.objects.filter(aanvraag=aanvraag).first(),
        "is_overdue": queries.overdue(Aanvraag.objects.filter(pk=aanvraag.pk)).exists(),
        "is_chair": is_panel
        and queries.chair_of(aanvraag.wijk) is not None
        and queries.chair_of(aanvraag.wijk).user_id == request.user.pk,
    }
    return render(
        request, "buurtbudget/aanvraag_detail.html", context, status=400 if forms else 200
    )


def _aanvraag_or_404(pk) -> Aanvraag:
    return get_object_or_404(Aanvraag.objects.select_related("wijk", "initiatief", "ronde"), pk=pk)


@login_required
@require_POST
def aanvraag_vote(request, pk):
    aanvraag = _aanvraag_or_404(pk)
    rules.require(request.user, rules.GRANTS_VOTE, aanvraag.wijk)
    form = StemForm(request.POST)
    if form.is_valid():
        try:
            services.stem_cast(
                user=request.user,
                aanvraag=aanvraag,
                choice=form.cleaned_data["choice"],
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            aanvraag.refresh_from_db()
            if aanvraag.is_open and aanvraag.stemmen.count() >= aanvraag.ronde.quorum:
                messages.warning(request, _("Je stem is opgeslagen. Het besluit wacht nog."))
            else:
                messages.success(request, _("Je stem is opgeslagen."))
            return redirect("buurtbudget:aanvraag", pk=pk)
    return aanvraag_detail(request, pk, forms={"stem": form})


@login_required
@require_POST
def aanvraag_conflict(request, pk):
    aanvraag = _aanvraag_or_404(pk)
    rules.require(request.user, rules.GRANTS_VOTE, aanvraag.wijk)
    form = BelangForm(request.POST)
    if form.is_valid():
        try:
            services.belang_declare(
                user=request.user, aanvraag=aanvraag, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je melding is opgeslagen. Je stemt niet mee."))
            return redirect("buurtbudget:aanvraag", pk=pk)
    return aanvraag_detail(request, pk, forms={"belang": form})


@login_required
@require_POST
def aanvraag_comment(request, pk):
    aanvraag = _aanvraag_or_404(pk)
    rules.require(request.user, rules.GRANTS_VOTE, aanvraag.wijk)
    form = ReactieForm(request.POST)
    if form.is_valid():
        try:
            services.reactie_create(
                user=request.user, aanvraag=aanvraag, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je reactie is geplaatst."))
            return redirect("buurtbudget:aanvraag", pk=pk)
    return aanvraag_detail(request, pk, forms={"reactie": form})


@login_required
@require_POST
def aanvraag_redecide(request, pk):
    """The panel asks again for a decision that waited on the budget."""
    aanvraag = _aanvraag_or_404(pk)
    rules.require(request.user, rules.GRANTS_VOTE, aanvraag.wijk)
    try:
        aanvraag = services.aanvraag_decide(aanvraag=aanvraag)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if not aanvraag.is_open:
            messages.success(request, _("Het besluit is genomen."))
    return redirect("buurtbudget:aanvraag", pk=pk)


@login_required
def verantwoording_create(request, pk):
    aanvraag = _aanvraag_or_404(pk)
    rules.require(request.user, rules.INITIATIVE_EDIT, aanvraag.initiatief)
    form = VerantwoordingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verantwoording_submit(
                user=request.user, aanvraag=aanvraag, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Dank je wel! Je verantwoording is opgeslagen."))
            return redirect("buurtbudget:aanvraag", pk=pk)
    return render(
        request,
        "buurtbudget/verantwoording_form.html",
        {"aanvraag": aanvraag, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def mijn_aanvragen(request):
    return render(
        request,
        "buurtbudget/mijn_aanvragen.html",
        {
            "aanvragen": queries.user_aanvragen(request.user),
            "initiatieven": queries.user_initiatieven(request.user),
        },
    )


# --- panel -------------------------------------------------------------------------------


@login_required
def panel(request, slug):
    wijk = get_object_or_404(Wijk, slug=slug)
    rules.require(request.user, rules.GRANTS_VOTE, wijk)
    aanvragen = list(queries.panel_aanvragen(wijk=wijk, user=request.user))
    overdue_ids = set(
        queries.overdue(Aanvraag.objects.filter(wijk=wijk)).values_list("pk", flat=True)
    )
    return render(
        request,
        "buurtbudget/panel.html",
        {
            "wijk": wijk,
            "open": [a for a in aanvragen if a.is_open],
            "decided": [a for a in aanvragen if not a.is_open],
            "overdue_ids": overdue_ids,
            "overdue_count": len(overdue_ids),
        },
    )
