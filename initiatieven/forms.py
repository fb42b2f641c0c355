"""Forms of the initiatieven pages; they turn input into service arguments (never save)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.images import SafeImageField
from buurtkracht.core.sanitize import PlainTextField, RichTextField
from initiatieven.messages import MESSAGES
from initiatieven.models import Behoefte, Cijfer, Initiatief, Prioriteit, Thema
from initiatieven.services.activiteit import MAX_FIGURE, Figure


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields (or in the summary)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class BasisForm(forms.Form):
    title = PlainTextField(label=_("Naam van het initiatief"), max_length=120)
    summary = PlainTextField(
        label=_("Korte samenvatting"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 200}),
        help_text=_("In één of twee zinnen: wat doen jullie? Maximaal 200 tekens."),
        error_messages={"max_length": MESSAGES["summary_too_long"]},
    )
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=Initiatief.Kind.choices,
        widget=forms.RadioSelect,
        initial=Initiatief.Kind.INITIATIEF,
        help_text=_("Een wijkonderneming verdient (een deel van) haar eigen geld."),
    )
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.order_by("name"))
    buurt = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=Buurt.objects.select_related("wijk").order_by("wijk__name", "name"),
        required=False,
        help_text=_("Niet verplicht. De buurt moet in de gekozen wijk liggen."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": MESSAGES["themes_required"]},
    )
    priorities = forms.ModelMultipleChoiceField(
        label=_("Aan welke problemen van het stadsdeel werken jullie?"),
        queryset=Prioriteit.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].label_from_instance = lambda b: f"{b.name} ({b.wijk.name})"


class BeschrijvingForm(forms.Form):
    description = RichTextField(
        label=_("Beschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Vertel wat jullie doen, voor wie en wanneer. Je mag eenvoudige opmaak gebruiken: "
            "alinea's, vet, schuin, lijstjes en links."
        ),
    )
    address = PlainTextField(
        label=_("Adres (niet verplicht)"),
        required=False,
        max_length=200,
        help_text=_("Alleen een openbaar adres, zoals een buurthuis. Geen huisadres."),
    )
    latitude = forms.DecimalField(
        label=_("Breedtegraad (niet verplicht)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
    )
    longitude = forms.DecimalField(
        label=_("Lengtegraad (niet verplicht)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
    )


class OndernemingForm(forms.Form):
    earning_model = PlainTextField(
        label=_("Verdienmodel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hoe verdient de wijkonderneming geld? Bijvoorbeeld verhuur of verkoop."),
    )
    income_coverage_percent = forms.IntegerField(
        label=_("Eigen inkomsten (% van de kosten)"),
        required=False,
        min_value=0,
        max_value=1000,
        help_text=_("Welk deel van de kosten betalen jullie met eigen inkomsten? Per jaar."),
    )
    income_coverage_year = forms.IntegerField(
        label=_("Over welk jaar?"), required=False, min_value=2000, max_value=2100
    )
    work_experience_places = forms.IntegerField(
        label=_("Werkervaringsplekken"), required=False, min_value=0, max_value=500, initial=0
    )
    kvk_number = forms.CharField(
        label=_("KvK-nummer (niet verplicht)"),
        required=False,
        max_length=12,
        validators=[RegexValidator(r"^\s*[0-9]{8}\s*$", MESSAGES["kvk_invalid"], "kvk_invalid")],
        help_text=_("8 cijfers, bijvoorbeeld 12345678."),
    )

    def clean_work_experience_places(self):
        return self.cleaned_data["work_experience_places"] or 0

    def clean_kvk_number(self):
        return self.cleaned_data["kvk_number"].strip()


class FotoForm(forms.Form):
    image = SafeImageField(label=_("Foto"))
    alt_text = PlainTextField(
        label=_("Wat staat er op de foto?"),
        max_length=200,
        help_text=_("Voor wie de foto niet kan zien. Bijvoorbeeld: buren planten bloembollen."),
    )


STEP_FORMS = {
    "basis": BasisForm,
    "beschrijving": BeschrijvingForm,
    "onderneming": OndernemingForm,
    "fotos": FotoForm,
}
STEP_LABELS = {
    "basis": _("Basis"),
    "beschrijving": _("Beschrijving en plek"),
    "onderneming": _("Wijkonderneming"),
    "fotos": _("Foto's"),
}


class BehoefteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat voor hulp?"), choices=Behoefte.Kind.choices, widget=forms.RadioSelect
    )
    title = PlainTextField(label=_("Wat is er nodig?"), max_length=120)
    description = PlainTextField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    people_wanted = forms.IntegerField(
        label=_("Hoeveel mensen? (niet verplicht)"), required=False, min_value=1, max_value=1000
    )
    amount_wanted = forms.DecimalField(
        label=_("Bedrag in euro (niet verplicht)"),
        required=False,
        min_value=0.01,
        max_digits=9,
        decimal_places=2,
        error_messages={
            "invalid": MESSAGES["amount_invalid"],
            "min_value": MESSAGES["amount_invalid"],
            "max_decimal_places": MESSAGES["amount_invalid"],
            "max_digits": MESSAGES["amount_invalid"],
        },
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Behoefte.Status.choices, initial=Behoefte.Status.OPEN
    )


FIGURE_FIELDS = [
    ("bereikt", Cijfer.Kind.BEREIKT),
    ("vrijwilligers", Cijfer.Kind.VRIJWILLIGERS),
    ("uren", Cijfer.Kind.UREN),
    ("maaltijden", Cijfer.Kind.MAALTIJDEN),
]


class UpdateForm(forms.Form):
    text = PlainTextField(
        label=_("Wat is er gebeurd?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": MESSAGES["update_empty"]},
    )
    image_1 = SafeImageField(label=_("Foto 1 (niet verplicht)"), required=False)
    alt_1 = PlainTextField(label=_("Wat staat er op foto 1?"), required=False, max_length=200)
    image_2 = SafeImageField(label=_("Foto 2 (niet verplicht)"), required=False)
    alt_2 = PlainTextField(label=_("Wat staat er op foto 2?"), required=False, max_length=200)
    image_3 = SafeImageField(label=_("Foto 3 (niet verplicht)"), required=False)
    alt_3 = PlainTextField(label=_("Wat staat er op foto 3?"), required=False, max_length=200)
    bereikt = forms.IntegerField(
        label=_("Mensen bereikt"), required=False, min_value=1, max_value=MAX_FIGURE
    )
    vrijwilligers = forms.IntegerField(
        label=_("Vrijwilligers betrokken"), required=False, min_value=1, max_value=MAX_FIGURE
    )
    uren = forms.IntegerField(
        label=_("Uren gegeven"), required=False, min_value=1, max_value=MAX_FIGURE
    )
    maaltijden = forms.IntegerField(
        label=_("Maaltijden geserveerd"), required=False, min_value=1, max_value=MAX_FIGURE
    )
    anders_label = PlainTextField(
        label=_("Iets anders geteld? Wat?"),
        required=False,
        max_length=60,
        help_text=_("Bijvoorbeeld: fietsen gerepareerd."),
    )
    anders_value = forms.IntegerField(
        label=_("Aantal"), required=False, min_value=1, max_value=MAX_FIGURE
    )

    def clean(self):
        data = super().clean()
        for number in (1, 2, 3):
            if data.get(f"image_{number}") and not data.get(f"alt_{number}"):
                self.add_error(f"alt_{number}", MESSAGES["alt_required"])
        if data.get("anders_value") and not data.get("anders_label"):
            self.add_error("anders_label", MESSAGES["figure_label_required"])
        return data

    def photos(self) -> list[tuple]:
        data = self.cleaned_data
        return [(data[f"image_{n}"], data[f"alt_{n}"]) for n in (1, 2, 3) if data.get(f"image_{n}")]

    def figures(self) -> list[Figure]:
        data = self.cleaned_data
        figures = [
            Figure(kind=kind, value=data[name]) for name, kind in FIGURE_FIELDS if data[name]
        ]
        if data.get("anders_value"):
            figures.append(
                Figure(
                    kind=Cijfer.Kind.ANDERS, value=data["anders_value"], label=data["anders_label"]
                )
            )
        return figures


class MeldingForm(forms.Form):
    reason = PlainTextField(
        label=_("Wat is er mis?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Een moderator kijkt ernaar. Je naam ziet de eigenaar niet."),
    )


class ContactForm(forms.Form):
    message = PlainTextField(
        label=_("Je bericht"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "De eigenaren krijgen je bericht per e-mail en kunnen je antwoorden. "
            "Je e-mailadres staat nergens op de website."
        ),
    )


class UitnodigingForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de mede-eigenaar"))


class DecisionForm(forms.Form):
    """A moderator's decision with the reason the owners get."""

    decision = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=())
    reason = PlainTextField(
        label=_("Reden (gaat naar de eigenaren)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = choices


SORT_CHOICES = [("nieuw", _("Nieuwste eerst")), ("actief", _("Recent actief"))]


class FilterForm(forms.Form):
    """The GET form of the listing; every field is optional and bad values are ignored."""

    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle wijken"),
    )
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[("", _("Alle soorten")), *Initiatief.Kind.choices],
    )
    behoefte = forms.ChoiceField(
        label=_("Heeft nodig"),
        required=False,
        choices=[("", _("Maakt niet uit")), *Behoefte.Kind.choices],
    )
    sort = forms.ChoiceField(label=_("Sorteer op"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from initiatieven.models import ThemeCode

        self.fields["thema"].choices = [("", _("Alle thema's")), *ThemeCode.choices]

    def filters(self) -> dict:
        if not self.is_valid():
            # Keep the valid parts of a half-wrong query string.
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        else:
            data = self.cleaned_data
        wijk = data.get("wijk")
        return {
            "wijk": wijk.slug if wijk else "",
            "theme": data.get("thema") or "",
            "kind": data.get("soort") or "",
            "need": data.get("behoefte") or "",
            "sort": data.get("sort") or "nieuw",
        }
