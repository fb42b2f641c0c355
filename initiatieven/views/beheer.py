"""Owners' pages: "Mijn initiatieven", the create/edit steps, needs, updates, co-owners."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtkracht.accounts import rules
from initiatieven import queries, services
from initiatieven.forms import (
    STEP_FORMS,
    STEP_LABELS,
    BasisForm,
    BehoefteForm,
    UitnodigingForm,
    UpdateForm,
    apply_errors,
)
from initiatieven.models import Behoefte, Foto, Initiatief, Update

STEPS = list(STEP_FORMS)


def _crumbs(*extra) -> list:
    return [
        (_("Home"), "/"),
        (_("Initiatieven"), reverse("initiatieven:list")),
        (_("Mijn initiatieven"), reverse("initiatieven:mine")),
        *extra,
    ]


def _owned(request: HttpRequest, slug: str) -> Initiatief:
    """The initiatief at ``slug`` if the user owns it: 404 when unknown, 403 (logged) if not."""
    initiatief = get_object_or_404(Initiatief.objects.select_related("wijk", "buurt"), slug=slug)
    services.require_edit(request.user, initiatief)
    return initiatief


def _steps_for(initiatief: Initiatief | None) -> list[str]:
    if initiatief is not None and not initiatief.is_wijkonderneming:
        return [s for s in STEPS if s != "onderneming"]
    return STEPS


def _next_url(initiatief: Initiatief, step: str) -> str:
    steps = _steps_for(initiatief)
    index = steps.index(step) if step in steps else len(steps) - 1
    if index + 1 < len(steps):
        return reverse(
            "initiatieven:edit", kwargs={"slug": initiatief.slug, "step": steps[index + 1]}
        )
    return reverse("initiatieven:manage", kwargs={"slug": initiatief.slug})


@login_required
def mine_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "initiatieven/mine.html",
        {
            "initiatieven": queries.mine(request.user),
            "followed": queries.followed(request.user),
            "crumbs": _crumbs()[:-1] + [(_("Mijn initiatieven"), "")],
        },
    )


@login_required
def create_view(request: HttpRequest) -> HttpResponse:
    """Step 1; after it the initiatief is a concept and later steps edit it."""
    rules.require(request.user, rules.PARTICIPATE)
    form = BasisForm(request.POST or None, initial={"wijk": request.user.home_wijk})
    if request.method == "POST" and form.is_valid():
        try:
            initiatief = services.initiatief_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je initiatief is bewaard als concept."))
            return redirect(_next_url(initiatief, "basis"))
    return render(
        request,
        "initiatieven/step.html",
        {
            "form": form,
            "step": "basis",
            "steps": [(s, STEP_LABELS[s]) for s in STEPS],
            "heading": _("Nieuw initiatief"),
            "crumbs": _crumbs((_("Nieuw initiatief"), "")),
        },
    )


def _initial(initiatief: Initiatief, step: str) -> dict:
    if step == "basis":
        return {
            "title": initiatief.title,
            "summary": initiatief.summary,
            "kind": initiatief.kind,
            "wijk": initiatief.wijk,
            "buurt": initiatief.buurt,
            "themes": list(initiatief.themes.all()),
            "priorities": list(initiatief.priorities.all()),
        }
    form_class = STEP_FORMS[step]
    return {
        name: getattr(initiatief, name)
        for name in form_class.base_fields
        if hasattr(initiatief, name)
    }


@login_required
def edit_view(request: HttpRequest, slug: str, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    initiatief = _owned(request, slug)
    form_class = STEP_FORMS[step]
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
    else:
        form = form_class(initial=_initial(initiatief, step)) if step != "fotos" else form_class()
    if request.method == "POST" and form.is_valid():
        try:
            if step == "fotos":
                services.foto_add(initiatief=initiatief, user=request.user, **form.cleaned_data)
            else:
                services.initiatief_update(
                    initiatief=initiatief, user=request.user, **form.cleaned_data
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Opgeslagen."))
            if step == "fotos" and "again" in request.POST:
                return redirect(request.path)
            return redirect(_next_url(initiatief, step))
    return render(
        request,
        "initiatieven/step.html",
        {
            "form": form,
            "initiatief": initiatief,
            "step": step,
            "steps": [(s, STEP_LABELS[s]) for s in _steps_for(initiatief)],
            "fotos": initiatief.fotos.all() if step == "fotos" else [],
            "max_fotos": Foto.MAX_PER_INITIATIEF,
            "heading": initiatief.title,
            "next_url": _next_url(initiatief, step),
            "crumbs": _crumbs(
                (initiatief.title, reverse("initiatieven:manage", args=[slug])),
                (STEP_LABELS[step], ""),
            ),
        },
    )


@login_required
def manage_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = _owned(request, slug)
    return render(
        request,
        "initiatieven/manage.html",
        {
            "initiatief": initiatief,
            "steps": [(s, STEP_LABELS[s]) for s in _steps_for(initiatief)],
            "behoeften": initiatief.behoeften.all(),
            "owners": initiatief.eigenaarschappen.select_related("user"),
            "invitations": initiatief.uitnodigingen.filter(accepted_at__isnull=True),
            "invite_form": UitnodigingForm(),
            "crumbs": _crumbs((initiatief.title, "")),
        },
    )


@login_required
@require_POST
def submit_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = _owned(request, slug)
    try:
        services.initiatief_submit(initiatief=initiatief, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Ingediend. Een moderator kijkt er zo snel mogelijk naar."))
    return redirect("initiatieven:manage", slug=slug)


@login_required
@require_POST
def close_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = _owned(request, slug)
    status = request.POST.get("status")
    if status not in (Initiatief.Status.AFGEROND, Initiatief.Status.GEARCHIVEERD):
        raise Http404
    try:
        services.initiatief_close(initiatief=initiatief, user=request.user, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De status is gewijzigd."))
    return redirect("initiatieven:manage", slug=slug)


@login_required
@require_POST
def foto_delete_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiatief = _owned(request, slug)
    foto = get_object_or_404(Foto, pk=pk, initiatief=initiatief)
    services.foto_delete(foto=foto, user=request.user)
    messages.success(request, _("De foto is verwijderd."))
    return redirect("initiatieven:edit", slug=slug, step="fotos")


@login_required
def behoefte_view(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    initiatief = _owned(request, slug)
    behoefte = get_object_or_404(Behoefte, pk=pk, initiatief=initiatief) if pk else None
    initial = {}
    if behoefte is not None:
        initial = {
            name: getattr(behoefte, name)
            for name in ("kind", "title", "description", "people_wanted", "amount_wanted", "status")
        }
    form = BehoefteForm(request.POST or None, initial=initial)
    if request.method == "POST" and "delete" in request.POST and behoefte is not None:
        services.behoefte_delete(behoefte=behoefte, user=request.user)
        messages.success(request, _("De behoefte is verwijderd."))
        return redirect("initiatieven:manage", slug=slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.behoefte_save(
                initiatief=initiatief, user=request.user, behoefte=behoefte, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De behoefte is opgeslagen."))
            return redirect("initiatieven:manage", slug=slug)
    return render(
        request,
        "initiatieven/behoefte_form.html",
        {
            "form": form,
            "initiatief": initiatief,
            "behoefte": behoefte,
            "crumbs": _crumbs(
                (initiatief.title, reverse("initiatieven:manage", args=[slug])),
                (_("Behoefte"), ""),
            ),
        },
    )


@login_required
def update_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = _owned(request, slug)
    form = UpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_create(
                initiatief=initiatief,
                user=request.user,
                text=form.cleaned_data["text"],
                photos=form.photos(),
                figures=form.figures(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je update staat op de pagina."))
            return redirect(initiatief.get_absolute_url())
    return render(
        request,
        "initiatieven/update_form.html",
        {
            "form": form,
            "initiatief": initiatief,
            "crumbs": _crumbs(
                (initiatief.title, reverse("initiatieven:manage", args=[slug])), (_("Update"), "")
            ),
        },
    )


@login_required
@require_POST
def invite_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiatief = _owned(request, slug)
    form = UitnodigingForm(request.POST)
    if form.is_valid():
        try:
            services.uitnodiging_create(
                initiatief=initiatief, user=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De uitnodiging is verstuurd."))
    else:
        messages.error(request, _("Vul een geldig e-mailadres in."))
    return redirect("initiatieven:manage", slug=slug)


@login_required
@require_POST
def update_delete_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiatief = _owned(request, slug)
    update = get_object_or_404(Update, pk=pk, initiatief=initiatief)
    services.update_delete(update=update, user=request.user)
    messages.success(request, _("De update is verwijderd."))
    return redirect(initiatief.get_absolute_url())


@login_required
@require_POST
def owner_remove_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove a co-owner (pk is the Eigenaar row); removing yourself means leaving."""
    initiatief = _owned(request, slug)
    eigenaar = get_object_or_404(initiatief.eigenaarschappen, pk=pk)
    try:
        services.eigenaar_remove(initiatief=initiatief, user=request.user, owner=eigenaar.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("initiatieven:manage", slug=slug)
    if eigenaar.user_id == request.user.pk:
        messages.success(request, _("Je bent geen eigenaar meer van dit initiatief."))
        return redirect("initiatieven:mine")
    messages.success(request, _("De mede-eigenaar is verwijderd."))
    return redirect("initiatieven:manage", slug=slug)
