"""'Is het gelukt?': the signed link from the follow-up mail; no login needed."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from vrijwilligers.followup import followup_read, reactie_outcome_set
from vrijwilligers.models import Reactie


def gelukt(request, token: str):
    try:
        reactie, side = followup_read(token)
    except ValidationError as error:
        return render(
            request, "vrijwilligers/gelukt.html", {"error": error.messages[0]}, status=400
        )
    saved = None
    status = 200
    if request.method == "POST":
        try:
            reactie = reactie_outcome_set(token=token, outcome=request.POST.get("outcome", ""))
            saved = request.POST["outcome"]
        except ValidationError as error:
            return render(
                request,
                "vrijwilligers/gelukt.html",
                {
                    "error": error.messages[0],
                    "reactie": reactie,
                    "outcomes": Reactie.Outcome.choices,
                },
                status=400,
            )
    return render(
        request,
        "vrijwilligers/gelukt.html",
        {"reactie": reactie, "outcomes": Reactie.Outcome.choices, "saved": saved},
        status=status,
    )
