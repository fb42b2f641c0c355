from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import Wijk
from buurtkracht.core.sanitize import PlainTextField
from ruimtes.models import Boeking, BookerType, Voorziening
from ruimtes.timeutil import local_datetime

# Service field names -> form field names, so a rule message sits next to its input.
FIELD_MAP = {"starts_at": "start", "ends_at": "end", "ruimte": None, "status": None}


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = FIELD_MAP.get(name, name)
        form.add_error(target if target in form.fields else None, errors)


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_widget():
    return forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


class TimeRangeMixin:
    """Turns a local date and two local times into aware ``starts_at``/``ends_at``."""

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day and start and end:
            try:
                data["starts_at"] = local_datetime(day, start)
            except ValidationError as error:
                add_service_error(self, error)
            try:
                data["ends_at"] = local_datetime(day, end, field="ends_at")
            except ValidationError as error:
                add_service_error(self, error)
        return data


class FinderForm(TimeRangeMixin, forms.Form):
    date = forms.DateField(label=_("Datum"), widget=_date_widget())
    start = forms.TimeField(label=_("Van"), widget=_time_widget(), initial=time(19))
    end = forms.TimeField(label=_("Tot"), widget=_time_widget(), initial=time(21))
    people = forms.IntegerField(label=_("Aantal mensen"), min_value=1, max_value=1000, initial=10)
    voorzieningen = forms.ModelMultipleChoiceField(
        label=_("Nodig"),
        queryset=Voorziening.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"), queryset=Wijk.objects.all(), required=False, empty_label=_("Alle wijken")
    )

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("end", _("De eindtijd moet na de begintijd liggen."))
        return data


class BookingForm(TimeRangeMixin, forms.Form):
    REPEAT_CHOICES = [
        ("0", _("Eén keer")),
        ("1", _("Elke week")),
        ("2", _("Om de week")),
    ]

    date = forms.DateField(label=_("Datum"), widget=_date_widget())
    start = forms.TimeField(label=_("Van"), widget=_time_widget())
    end = forms.TimeField(label=_("Tot"), widget=_time_widget())
    title = PlainTextField(
        label=_("Titel"), max_length=120, help_text=_("Bijvoorbeeld: Taalcafé of Buurtvergadering.")
    )
    title_is_public = forms.BooleanField(
        label=_("Titel openbaar tonen"),
        required=False,
        help_text=_("Anders zien anderen alleen 'Bezet'."),
    )
    purpose = PlainTextField(
        label=_("Waarvoor gebruik je de ruimte?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    expected_people = forms.IntegerField(
        label=_("Verwacht aantal mensen"), min_value=1, max_value=1000
    )
    booker_type = forms.ChoiceField(
        label=_("Wie boekt er?"), choices=BookerType.choices, widget=forms.RadioSelect
    )
    behoefte = forms.ModelChoiceField(
        label=_("Voor de ruimtebehoefte van je initiatief"),
        queryset=None,
        required=False,
        empty_label=_("Geen"),
    )
    repeat = forms.ChoiceField(
        label=_("Herhalen"), choices=REPEAT_CHOICES, initial="0", widget=forms.RadioSelect
    )
    until = forms.DateField(
        label=_("Herhalen tot en met"),
        required=False,
        widget=_date_widget(),
        help_text=_("Hoogstens 6 maanden. Alleen nodig als je herhaalt."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from initiatieven.models import Behoefte

        self.fields["behoefte"].queryset = (
            Behoefte.objects.filter(kind="ruimte", initiatief__owners=user).select_related(
                "initiatief"
            )
            if user is not None and user.is_authenticated
            else Behoefte.objects.none()
        )
        self.fields["behoefte"].label_from_instance = lambda b: f"{b.initiatief.title}: {b.title}"

    def clean(self):
        data = super().clean()
        if data.get("repeat") in ("1", "2") and not data.get("until"):
            self.add_error("until", _("Kies tot wanneer je wilt herhalen."))
        return data


class DecisionForm(forms.Form):
    reason = PlainTextField(
        label=_("Reden (verplicht bij afwijzen)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(forms.Form):
    SCOPE_CHOICES = [("een", _("Alleen deze datum")), ("rest", _("Deze en alle volgende datums"))]

    reason = PlainTextField(label=_("Reden (niet verplicht)"), required=False, max_length=300)
    scope = forms.ChoiceField(
        label=_("Wat wil je annuleren?"),
        choices=SCOPE_CHOICES,
        initial="een",
        widget=forms.RadioSelect,
        required=False,
    )


STATUS_LABELS = dict(Boeking.Status.choices)
