"""Forms: they turn input into service arguments and show the services' errors per field."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.models import Buurt, Wijk
from buurtkracht.core.sanitize import PlainTextField
from vrijwilligers.availability import slot_choices
from vrijwilligers.models import Vacature
from vrijwilligers.skills import Language, Skill


def _theme_choices():
    from initiatieven.models import ThemeCode

    return ThemeCode.choices


class TagsField(forms.CharField):
    """Free words separated by commas: "bakken, voorlezen"."""

    def to_python(self, value):
        value = super().to_python(value)
        return [part.strip() for part in value.split(",") if part.strip()]


class DatesField(forms.CharField):
    """One or more dates, separated by commas: 2026-12-05, 2026-12-12."""

    def to_python(self, value):
        value = super().to_python(value)
        dates = []
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                dates.append(date.fromisoformat(part))
            except ValueError:
                raise forms.ValidationError(
                    _("Schrijf datums als jjjj-mm-dd, gescheiden door komma's."), code="bad_date"
                ) from None
        return dates


def checkboxes(choices, label, required=False, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class ServiceErrorsMixin:
    def add_service_errors(self, error) -> None:
        """Put a service's ValidationError next to its field (or in the summary)."""
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


class VacatureForm(ServiceErrorsMixin, forms.Form):
    initiatief = forms.ModelChoiceField(
        label=_("Van welk initiatief?"), queryset=None, required=False
    )
    behoefte = forms.ModelChoiceField(
        label=_("Bij welke behoefte aan mensen hoort dit?"),
        queryset=None,
        required=False,
        help_text=_(
            "Niet verplicht. Dan staat de vacature ook bij die behoefte op de initiatiefpagina."
        ),
    )
    organisation_name = forms.CharField(
        label=_("Of: naam van je organisatie"), max_length=120, required=False
    )
    title = forms.CharField(label=_("Titel"), max_length=120)
    description = PlainTextField(label=_("Beschrijving"), widget=forms.Textarea)
    tasks = PlainTextField(label=_("Wat ga je doen?"), widget=forms.Textarea, required=False)
    skills = checkboxes(Skill.choices, _("Welke vaardigheden zoek je?"))
    free_tags = TagsField(
        label=_("Andere vaardigheden"), required=False, help_text=_("Gescheiden door komma's.")
    )
    languages = checkboxes(Language.choices, _("Talen die nodig zijn"))
    themes = checkboxes(_theme_choices(), _("Thema's"))
    time_kind = forms.ChoiceField(
        label=_("Wanneer?"), choices=Vacature.TimeKind.choices, widget=forms.RadioSelect
    )
    dates = DatesField(
        label=_("Datum of datums (bij eenmalig)"),
        required=False,
        help_text=_("Bijvoorbeeld: 2026-12-05, 2026-12-12"),
    )
    hours_per_week = forms.IntegerField(
        label=_("Uren per week"), min_value=1, max_value=40, required=False
    )
    availability = checkboxes(slot_choices(), _("Op welke dagdelen?"))
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.all(), required=False)
    buurt = forms.ModelChoiceField(
        label=_("Buurt"), queryset=Buurt.objects.select_related("wijk"), required=False
    )
    address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    is_remote = forms.BooleanField(label=_("Kan ook thuis of op afstand"), required=False)
    suits_beginners = forms.BooleanField(label=_("Geschikt voor beginners"), required=False)
    suits_disability = forms.BooleanField(label=_("Geschikt met een beperking"), required=False)
    suits_newcomers = forms.BooleanField(label=_("Geschikt voor nieuwkomers (NT2)"), required=False)
    suits_youth = forms.BooleanField(label=_("Geschikt voor jongeren"), required=False)
    min_age = forms.IntegerField(
        label=_("Minimumleeftijd"), min_value=0, max_value=99, required=False
    )
    places = forms.IntegerField(
        label=_("Hoeveel vrijwilligers zoek je?"), min_value=1, max_value=500, initial=1
    )
    end_date = forms.DateField(
        label=_("Einddatum"),
        required=False,
        help_text=_("Daarna sluit de vacature vanzelf. Bijvoorbeeld 2026-12-31."),
    )

    def __init__(self, *args, initiatieven=None, **kwargs):
        super().__init__(*args, **kwargs)
        from initiatieven.models import Behoefte

        self.fields["initiatief"].queryset = initiatieven
        self.fields["behoefte"].queryset = Behoefte.objects.filter(
            initiatief__in=initiatieven, kind=Behoefte.Kind.MENSEN
        ).select_related("initiatief")
        self.fields["behoefte"].label_from_instance = lambda b: f"{b.initiatief.title}: {b.title}"
        if not initiatieven.exists():
            del self.fields["initiatief"]
            del self.fields["behoefte"]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.setdefault("initiatief", None)
        data.setdefault("behoefte", None)
        return data


class ProfielForm(ServiceErrorsMixin, forms.Form):
    skills = checkboxes(Skill.choices, _("Wat kun je goed?"))
    talents = TagsField(
        label=_("Andere talenten"), required=False, help_text=_("Gescheiden door komma's.")
    )
    themes = checkboxes(_theme_choices(), _("Waar heb je zin in?"))
    availability = checkboxes(slot_choices(), _("Wanneer kun je?"))
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        required=False,
        help_text=_("Vier cijfers is genoeg, zoals 1053."),
    )
    max_distance_km = forms.IntegerField(
        label=_("Hoe ver wil je reizen? (km)"), min_value=1, max_value=50, initial=3
    )
    languages = checkboxes(Language.choices, _("Welke talen spreek je?"))
    wants_to_learn = PlainTextField(
        label=_("Wat wil je graag leren?"), widget=forms.Textarea, required=False
    )
    is_beginner = forms.BooleanField(label=_("Ik heb nog weinig ervaring"), required=False)
    needs_accessible = forms.BooleanField(label=_("Ik heb een beperking"), required=False)
    is_newcomer = forms.BooleanField(label=_("Ik leer nog Nederlands"), required=False)
    is_youth = forms.BooleanField(label=_("Ik ben jonger dan 18"), required=False)
    contactable = forms.BooleanField(
        label=_("Organisaties mogen mij benaderen"),
        required=False,
        help_text=_("Ze zien dan je naam, je wijk en wat je kunt. Nooit je e-mailadres."),
    )
    is_hidden = forms.BooleanField(label=_("Verberg mijn profiel"), required=False)


class ReactieForm(ServiceErrorsMixin, forms.Form):
    message = PlainTextField(
        label=_("Je bericht"),
        widget=forms.Textarea,
        max_length=2000,
        help_text=_(
            "Wie ben je en waarom wil je meedoen? Je e-mailadres delen we pas als je bent aangenomen."
        ),
    )


class DeclineForm(forms.Form):
    note = PlainTextField(
        label=_("Een vriendelijk woord (niet verplicht)"), widget=forms.Textarea, required=False
    )


class UrenForm(ServiceErrorsMixin, forms.Form):
    date = forms.DateField(label=_("Datum"), help_text=_("Bijvoorbeeld 2026-11-20."))
    hours = forms.DecimalField(label=_("Uren"), max_digits=4, decimal_places=2)
    note = forms.CharField(label=_("Wat heb je gedaan?"), max_length=200, required=False)


class ConfirmUrenForm(ServiceErrorsMixin, forms.Form):
    hours = forms.DecimalField(
        label=_("Uren (pas aan als het niet klopt)"), max_digits=4, decimal_places=2, required=False
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Alle wijken"),
    )
    skill = forms.ChoiceField(
        label=_("Vaardigheid"), choices=[("", _("Alle"))] + Skill.choices, required=False
    )
    theme = forms.ChoiceField(label=_("Thema"), choices=[], required=False)
    when = forms.ChoiceField(
        label=_("Wanneer"),
        required=False,
        choices=[
            ("", _("Altijd")),
            ("eenmalig", _("Eenmalig")),
            ("terugkerend", _("Elke week")),
            ("ochtend", _("Ochtend")),
            ("middag", _("Middag")),
            ("avond", _("Avond")),
            ("weekend", _("Weekend")),
        ],
    )
    suits = forms.ChoiceField(
        label=_("Geschikt voor"),
        required=False,
        choices=[
            ("", _("Iedereen")),
            ("beginners", _("Beginners")),
            ("beperking", _("Mensen met een beperking")),
            ("nieuwkomers", _("Nieuwkomers (NT2)")),
            ("jongeren", _("Jongeren")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Alle"))] + _theme_choices()


# --- "Wat kan ik doen?" -------------------------------------------------------------------


class WizardEnjoyForm(forms.Form):
    themes = checkboxes(
        _theme_choices(), _("Wat vind je leuk?"), help_text=_("Kies er één of meer.")
    )


class WizardCanForm(forms.Form):
    skills = checkboxes(Skill.choices, _("Wat kun je?"))


class WizardWhenForm(forms.Form):
    availability = checkboxes(slot_choices(), _("Wanneer heb je tijd?"))


class WizardWhereForm(forms.Form):
    postcode = forms.CharField(
        label=_("Wat is je postcode?"),
        max_length=7,
        required=False,
        help_text=_("Vier cijfers is genoeg, zoals 1053."),
    )

    def clean_postcode(self):
        from buurtkracht.areas.queries import postcode_lookup
        from vrijwilligers.messages import MESSAGES

        value = self.cleaned_data["postcode"].strip()
        if value and postcode_lookup(value) is None:
            raise forms.ValidationError(MESSAGES["unknown_postcode"], code="unknown_postcode")
        return value


class WizardNeedForm(forms.Form):
    NEEDS = [
        ("beginner", _("Ik heb nog weinig ervaring")),
        ("beperking", _("Ik heb een beperking")),
        ("nt2", _("Ik leer nog Nederlands")),
        ("jong", _("Ik ben jonger dan 18")),
        ("hulp", _("Ik zoek zelf ook hulp of iemand om mee te praten")),
    ]
    needs = checkboxes(NEEDS, _("Is er iets wat je zelf nodig hebt?"))


WIZARD_STEPS = [
    ("leuk", WizardEnjoyForm, _("Wat vind je leuk?")),
    ("kunnen", WizardCanForm, _("Wat kun je?")),
    ("wanneer", WizardWhenForm, _("Wanneer heb je tijd?")),
    ("waar", WizardWhereForm, _("Waar woon je?")),
    ("nodig", WizardNeedForm, _("Wat heb je zelf nodig?")),
]
