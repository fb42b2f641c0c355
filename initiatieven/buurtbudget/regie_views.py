"""Pages of the regiegroep: file a proposal, and the district's review of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from buurtkracht.accounts import rules
from buurtkracht.areas.models import Buurt

from . import queries, regie_services
from .forms import RegelFormSet, ReviewForm, VoorstelForm
from .models import Voorstel
from .views import apply_errors


@login_required
def voorstel_create(request, slug):
    buurt = get_object_or_404(Buurt.objects.select_related("wijk"), slug=slug)
    rules.require(request.user, rules.REGIEGROEP_PROPOSE, buurt)
    data = request.POST if request.method == "POST" else None
    form = VoorstelForm(data, agendapunten=queries.agenda_for(buurt))
    formset = RegelFormSet(data, prefix="regels")
    if request.method == "POST":
        form_ok = form.is_valid()
        # Checked even when other fields are wrong, so every mistake shows at once.
        lines = form.check_lines(formset)
        if not formset.is_valid():
            form.add_error(None, _("Controleer de begrotingsregels."))
        if form_ok and lines is not None:
            try:
                voorstel = regie_services.voorstel_submit(
                    user=request.user,
                    buurt=buurt,
                    year=queries.current_year(),
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    amount=form.cleaned_data["amount"],
                    agendapunt=form.cleaned_data["agendapunt"],
                    lines=lines,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Het voorstel is ingediend."))
                return redirect("buurtbudget:voorstel", pk=voorstel.pk)
    return render(
        request,
        "buurtbudget/voorstel_form.html",
        {"buurt": buurt, "form": form, "formset": formset},
        status=400 if form.is_bound and form.errors else 200,
    )


def voorstel_detail(request, pk):
    """Public once reviewed; before that only for the regiegroep and the reviewers."""
    voorstel = get_object_or_404(
        Voorstel.objects.select_related(
            "buurt", "buurt__wijk", "agendapunt", "reviewed_by"
        ).prefetch_related("regels"),
        pk=pk,
    )
    can_review = rules.can(request.user, rules.REGIEGROEP_REVIEW, voorstel.buurt)
    is_insider = can_review or rules.can(request.user, rules.REGIEGROEP_PROPOSE, voorstel.buurt)
    pending = voorstel.status == Voorstel.Status.INGEDIEND
    if (pending and not is_insider) or (request.method == "POST" and not can_review):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("voorstel")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            regie_services.voorstel_review(
                user=request.user,
                voorstel=voorstel,
                approve=form.cleaned_data["decision"] == "akkoord",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De toetsing is opgeslagen."))
            return redirect("buurtbudget:voorstel", pk=pk)
    return render(
        request,
        "buurtbudget/voorstel_detail.html",
        {
            "voorstel": voorstel,
            "form": form,
            "can_review": can_review and voorstel.status == Voorstel.Status.INGEDIEND,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
