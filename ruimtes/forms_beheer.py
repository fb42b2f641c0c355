"""Forms managers use to edit their location, opening hours, closures and rooms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtkracht.core.sanitize import PlainTextField
from ruimtes.models import Locatie, Openingstijd, Ruimte, Sluiting


class LocatieForm(forms.ModelForm):
    description = PlainTextField(
        label=_("Beschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    class Meta:
        model = Locatie
        fields = [
            "description",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "lift",
            "approval_required",
            "reserve_percent",
        ]
        widgets = {"reserve_percent": forms.NumberInput(attrs={"min": 0, "max": 100})}

    def clean_reserve_percent(self):
        value = self.cleaned_data["reserve_percent"]
        if value > 100:
            raise forms.ValidationError(_("Kies een percentage van 0 tot en met 100."))
        return value


class OpeningstijdForm(forms.ModelForm):
    class Meta:
        model = Openingstijd
        fields = ["weekday", "opens_at", "closes_at"]
        widgets = {
            "opens_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("De sluitingstijd moet na de openingstijd liggen."))
        return data


class SluitingForm(forms.ModelForm):
    reason = PlainTextField(label=_("Reden"), max_length=200)

    class Meta:
        model = Sluiting
        fields = ["starts_on", "ends_on", "reason"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De einddatum moet op of na de begindatum liggen."))
        return data


OpeningstijdFormSet = forms.inlineformset_factory(
    Locatie, Openingstijd, form=OpeningstijdForm, extra=1, can_delete=True
)
SluitingFormSet = forms.inlineformset_factory(
    Locatie, Sluiting, form=SluitingForm, extra=1, can_delete=True
)


class RuimteForm(forms.ModelForm):
    name = PlainTextField(label=_("Naam"), max_length=120)

    class Meta:
        model = Ruimte
        fields = [
            "name",
            "capacity",
            "floor_area",
            "voorzieningen",
            "min_minutes",
            "max_minutes",
            "buffer_minutes",
            "hourly_rate",
            "is_bookable",
        ]
        widgets = {"voorzieningen": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        if (
            data.get("min_minutes")
            and data.get("max_minutes")
            and data["max_minutes"] < data["min_minutes"]
        ):
            self.add_error(
                "max_minutes", _("De langste boeking moet minstens zo lang zijn als de kortste.")
            )
        if data.get("capacity") == 0:
            self.add_error("capacity", _("Er moet minstens 1 persoon in passen."))
        return data
