from django import forms
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from buurtkracht.core.sanitize import PlainTextField
from vrijwilligers.skills import Skill

from .models import Soort, Talentenbeurs, Uitkomst
from .services import MESSAGES


def _choice_errors(code: str, **extra) -> dict:
    return {"invalid_choice": MESSAGES[code]} | extra


def slot_choices(beurs: Talentenbeurs) -> list[tuple[str, str]]:
    return [
        (
            str(slot["number"]),
            _("Ronde %(n)s: %(start)s - %(end)s")
            % {
                "n": slot["label"],
                "start": time_format(slot["start"], "H:i"),
                "end": time_format(slot["end"], "H:i"),
            },
        )
        for slot in beurs.slots()
    ]


class _SlotsMixin:
    def __init__(self, *args, beurs: Talentenbeurs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].choices = slot_choices(beurs)
        if not self.is_bound:
            self.initial.setdefault("slots", [c for c, _label in slot_choices(beurs)])

    def clean_slots(self):
        return [int(s) for s in self.cleaned_data["slots"]]


class DeelnemerForm(_SlotsMixin, forms.Form):
    talents = forms.MultipleChoiceField(
        label=_("Mijn talenten"),
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Waar ben je goed in? Kies er zoveel als je wilt."),
        error_messages=_choice_errors("onbekend_talent"),
    )
    wishes = forms.MultipleChoiceField(
        label=_("Wat zoek je?"),
        choices=Soort.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Niets gekozen? Dan sta je overal voor open."),
        error_messages=_choice_errors("onbekende_wens"),
    )
    slots = forms.MultipleChoiceField(
        label=_("Wanneer ben je er?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("ronde_buiten_beurs", required=MESSAGES["geen_rondes"]),
    )


class TafelForm(_SlotsMixin, forms.Form):
    organisation = PlainTextField(label=_("Naam van je organisatie"), max_length=120)
    description = PlainTextField(
        label=_("Wat bied je aan?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
    offer_kinds = forms.MultipleChoiceField(
        label=_("Soort aanbod"),
        choices=Soort.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("onbekend_aanbod", required=MESSAGES["geen_aanbod"]),
    )
    sought_talents = forms.MultipleChoiceField(
        label=_("Talenten die je zoekt"),
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Niets gekozen? Dan wil je met iedereen praten."),
        error_messages=_choice_errors("onbekend_talent"),
    )
    slots = forms.MultipleChoiceField(
        label=_("Wanneer is je tafel bezet?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors("ronde_buiten_beurs", required=MESSAGES["geen_rondes"]),
    )


class UitkomstForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", _("Nog niet bekend"))] + list(Uitkomst.choices),
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
        error_messages=_choice_errors("onbekende_uitkomst"),
    )
