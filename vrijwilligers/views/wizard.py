"""'Wat kan ik doen?': five short steps, no account, no JavaScript; answers live in the session.

After the last step the resident sees suggestions. "Maak er een profiel van" asks to log
in or sign up (``next`` brings them back) and a POST turns the answers into a profile.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ruimtes.queries import ruimte_list_in_wijk
from vrijwilligers import matching, queries, services
from vrijwilligers.forms import WIZARD_STEPS
from vrijwilligers.models import Profiel

SESSION_KEY = "vrijwilligers_wizard"
STEP_KEYS = [key for key, _form, _title in WIZARD_STEPS]
NEED_FLAGS = {
    "beginner": "is_beginner",
    "beperking": "needs_accessible",
    "nt2": "is_newcomer",
    "jong": "is_youth",
}


def wizard_step(request, step: str = "leuk"):
    if step not in STEP_KEYS:
        raise Http404
    index = STEP_KEYS.index(step)
    _key, form_class, title = WIZARD_STEPS[index]
    answers = request.session.get(SESSION_KEY, {})
    form = form_class(request.POST or None, initial=answers)
    if request.method == "POST" and form.is_valid():
        answers.update(form.cleaned_data)
        request.session[SESSION_KEY] = answers
        if "terug" in request.POST and index > 0:
            return redirect("vrijwilligers:wizard_step", step=STEP_KEYS[index - 1])
        if index + 1 < len(STEP_KEYS):
            return redirect("vrijwilligers:wizard_step", step=STEP_KEYS[index + 1])
        return redirect("vrijwilligers:wizard_result")
    return render(
        request,
        "vrijwilligers/wizard_step.html",
        {
            "form": form,
            "title": title,
            "number": index + 1,
            "total": len(STEP_KEYS),
            "previous": STEP_KEYS[index - 1] if index > 0 else None,
        },
    )


def answers_profiel(answers: dict) -> Profiel:
    """An unsaved profile from the answers, for matching."""
    from buurtkracht.areas.queries import postcode_lookup

    needs = set(answers.get("needs", []))
    buurt = postcode_lookup(answers.get("postcode") or "")
    profiel = Profiel(
        skills=list(answers.get("skills", [])),
        availability_mask=services._mask(answers.get("availability", [])),
        buurt=buurt,
        max_distance_km=3,
        **{field: code in needs for code, field in NEED_FLAGS.items()},
    )
    return profiel


def suggestions(answers: dict) -> dict:
    """Vacatures, initiatieven and rooms in the wijk for the answers."""
    from initiatieven.models import Initiatief

    profiel = answers_profiel(answers)
    themes = answers.get("themes", [])
    vol = matching.profiel_features(profiel, theme_codes=themes, point=queries._point(profiel))
    vacatures = {v.pk: v for v in queries.vacature_list()}
    ranked = matching.rank(vol, [queries.vacature_features(v) for v in vacatures.values()], limit=5)
    wijk = profiel.buurt.wijk if profiel.buurt else None
    initiatieven = Initiatief.objects.filter(
        status=Initiatief.Status.GEPUBLICEERD, is_hidden=False
    ).select_related("wijk")
    if wijk is not None:
        initiatieven = initiatieven.filter(wijk=wijk)
    if themes:
        initiatieven = initiatieven.filter(themes__code__in=themes)
    places = ruimte_list_in_wijk(wijk) if wijk is not None else []
    return {
        "vacatures": [
            {
                "vacature": vacatures[vac.id],
                "score": value,
                "explanation": matching.explain(vac, vol),
            }
            for value, vac in ranked
        ],
        "initiatieven": list(initiatieven.distinct().order_by("-published_at", "-pk")[:5]),
        "places": places,
        "wijk": wijk,
        "wants_help": "hulp" in answers.get("needs", []),
    }


def wizard_result(request):
    answers = request.session.get(SESSION_KEY)
    if not answers:
        return redirect("vrijwilligers:wizard")
    return render(
        request,
        "vrijwilligers/wizard_result.html",
        {"answers": answers, "found": suggestions(answers)},
    )


@login_required
def wizard_save(request):
    """After logging in: confirm (GET) and turn the answers into a profile (POST)."""
    answers = request.session.get(SESSION_KEY)
    if not answers:
        return redirect("vrijwilligers:wizard")
    if request.method == "POST":
        needs = set(answers.get("needs", []))
        try:
            services.profiel_save(
                user=request.user,
                skills=answers.get("skills", []),
                themes=answers.get("themes", []),
                availability=answers.get("availability", []),
                postcode=answers.get("postcode", ""),
                **{field: code in needs for code, field in NEED_FLAGS.items()},
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(reverse("vrijwilligers:wizard_step", kwargs={"step": "waar"}))
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("Je profiel is gemaakt. Je kunt het altijd aanpassen."))
        return redirect("vrijwilligers:voor_jou")
    return render(request, "vrijwilligers/wizard_save.html", {"answers": answers})
