"""Forms of the buurtbudget. They only turn input into arguments for the services."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from buurtkracht.core.sanitize import PlainTextField
from initiatieven.models import Prioriteit

from .messages import MESSAGES
from .models import AgendaPunt, Ronde, Stem
from .services import Line

MAX_LINES = 12


def money_field(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={
            "min_value": _("Vul een bedrag in dat hoger is dan 0."),
            "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma."),
            "invalid": _("Vul een bedrag in, bijvoorbeeld 250 of 12,50."),
        },
        **kwargs,
    )


def text_area(label, *, required=True, **kwargs) -> PlainTextField:
    return PlainTextField(
        label=label,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        **kwargs,
    )


class RegelForm(forms.Form):
    description = PlainTextField(label=_("Waarvoor?"), max_length=140, required=False)
    amount = money_field(_("Bedrag (euro)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("description") and data.get("amount") is None and not self.errors:
            self.add_error("amount", _("Vul het bedrag van deze regel in."))
        if data.get("amount") is not None and not data.get("description"):
            self.add_error("description", _("Schrijf op waarvoor dit bedrag is."))
        return data


class BaseRegelFormSet(forms.BaseFormSet):
    def lines(self) -> list[Line]:
        return [
            Line(form.cleaned_data["description"], form.cleaned_data["amount"])
            for form in self.forms
            if form.cleaned_data.get("description") and form.cleaned_data.get("amount")
        ]


RegelFormSet = forms.formset_factory(
    RegelForm, formset=BaseRegelFormSet, extra=4, max_num=MAX_LINES, validate_max=True
)


class LinesFormMixin:
    """Checks the sum of the budget lines against the amount, next to the amount field."""

    def check_lines(self, formset) -> list[Line] | None:
        if not formset.is_valid():
            return None
        lines = formset.lines()
        amount = self.cleaned_data.get("amount")
        if not lines:
            self.add_error("amount", ValidationError(MESSAGES["regels_leeg"], code="regels_leeg"))
            return None
        if amount is not None and sum((line.amount for line in lines), Decimal("0")) != amount:
            self.add_error("amount", ValidationError(MESSAGES["regels_som"], code="regels_som"))
            return None
        return lines


class AanvraagForm(LinesFormMixin, forms.Form):
    ronde = forms.ModelChoiceField(
        label=_("Ronde"),
        queryset=Ronde.objects.none(),
        error_messages={"invalid_choice": MESSAGES["ronde_dicht"]},
    )
    agendapunt = forms.ModelChoiceField(
        label=_("Agendapunt van de buurt"),
        queryset=AgendaPunt.objects.none(),
        required=False,
        empty_label=_("Geen agendapunt"),
    )
    prioriteit = forms.ModelChoiceField(
        label=_("Prioriteit van het stadsdeel"),
        queryset=Prioriteit.objects.all(),
        required=False,
        empty_label=_("Geen prioriteit"),
    )
    plan = text_area(_("Plan"), help_text=_("Wat ga je doen, met wie en waar?"))
    expected_results = text_area(
        _("Verwachte resultaten"), help_text=_("Wat is er straks anders in de buurt?")
    )
    activity_ends_on = forms.DateField(
        label=_("Wanneer is de activiteit klaar?"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-06-30.")},
    )
    amount = money_field(
        _("Gevraagd bedrag (euro)"), help_text=_("Het totaal van de begrotingsregels hieronder.")
    )

    def __init__(self, *args, rondes, agendapunten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ronde"].queryset = rondes
        if len(rondes) == 1:  # the usual case: no empty choice to pick away from
            self.fields["ronde"].empty_label = None
        self.fields["agendapunt"].queryset = agendapunten

    def clean(self):
        data = super().clean()
        if not data.get("agendapunt") and not data.get("prioriteit") and not self.errors:
            self.add_error(
                "agendapunt", ValidationError(MESSAGES["geen_agenda"], code="geen_agenda")
            )
        return data


class StemForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Je stem"), choices=Stem.Choice.choices, widget=forms.RadioSelect
    )
    motivation = text_area(
        _("Motivatie"),
        help_text=_(
            "Waarom stem je zo? Bij een besluit komt je motivatie zonder je naam op de "
            "openbare pagina van de buurt."
        ),
    )


class BelangForm(forms.Form):
    reason = text_area(_("Toelichting (niet verplicht)"), required=False)


class ReactieForm(forms.Form):
    text = text_area(_("Reactie"))


class VerantwoordingForm(forms.Form):
    spent = forms.DecimalField(
        label=_("Uitgegeven (euro)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0"),
        error_messages={"max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma.")},
    )
    result = text_area(_("Resultaat"), help_text=_("Wat heeft het opgeleverd?"))
    story = text_area(
        _("Verhaal"), required=False, help_text=_("Vertel wat een bewoner ervan merkte.")
    )
    figures = text_area(
        _("Cijfers"), required=False, help_text=_("Bijvoorbeeld: 40 deelnemers, 6 bijeenkomsten.")
    )


class AgendaPuntForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=AgendaPunt.Kind.choices)
    title = PlainTextField(label=_("Titel"), max_length=140)
    description = text_area(_("Toelichting"), required=False)


class VoorstelForm(LinesFormMixin, forms.Form):
    title = PlainTextField(label=_("Titel"), max_length=140)
    description = text_area(_("Voorstel"))
    agendapunt = forms.ModelChoiceField(
        label=_("Agendapunt van de buurt"),
        queryset=AgendaPunt.objects.none(),
        required=False,
        empty_label=_("Geen agendapunt"),
    )
    amount = money_field(_("Bedrag (euro)"))

    def __init__(self, *args, agendapunten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = agendapunten


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Toetsing"),
        choices=[("akkoord", _("Akkoord")), ("niet_akkoord", _("Niet akkoord"))],
        widget=forms.RadioSelect,
    )
    reason = text_area(
        _("Reden"), help_text=_("Past het bij bestaande contracten en beleid? Waarom wel of niet?")
    )


class ExportForm(forms.Form):
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=None)
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        from buurtkracht.areas.models import Wijk

        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = Wijk.objects.all()
