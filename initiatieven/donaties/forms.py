"""Forms: the donation form, the owners' goal form, the refund form, reporting a message."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from buurtkracht.core.sanitize import PlainTextField
from initiatieven.donaties.messages import MESSAGES
from initiatieven.donaties.models import MAX_CENTS, MIN_CENTS

PRESETS_CENTS = (500, 1000, 2500)
OTHER = "anders"
AMOUNT_PATTERN = re.compile(r"^-?\d{1,7}([.,]\d+)?$")


def parse_euro(text: str, *, field_code_prefix: str = "amount") -> int:
    """'12,50', '12.50', '€ 12' -> cents (int). Raises ValidationError with a code.

    Decimal all the way, never float. A dot or comma followed by exactly three digits
    ('1.000') is read as a thousands separator, as Dutch people write it.
    """
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}([.]\d{3})+(,\d{1,2})?", cleaned):
        cleaned = cleaned.replace(".", "")
    if not AMOUNT_PATTERN.match(cleaned):
        raise ValidationError(MESSAGES["amount_invalid"], code="amount_invalid")
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise ValidationError(MESSAGES["amount_invalid"], code="amount_invalid") from None
    if value < 0:
        raise ValidationError(MESSAGES["amount_negative"], code="amount_negative")
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(MESSAGES["amount_decimals"], code="amount_decimals")
    return int(value * 100)


def euro_input(cents: int) -> str:
    """Cents as the free amount field shows it again: 1250 -> '12,50', 500 -> '5'."""
    whole, rest = divmod(cents, 100)
    return f"{whole},{rest:02d}" if rest else str(whole)


class DonatieForm(forms.Form):
    """The amount comes from this form only (preset or free), never from a hidden field."""

    preset = forms.ChoiceField(
        label=_("Bedrag"),
        widget=forms.RadioSelect,
        required=False,
        choices=[(str(c), f"€ {c // 100}") for c in PRESETS_CENTS] + [(OTHER, _("Ander bedrag"))],
    )
    amount_other = forms.CharField(
        label=_("Ander bedrag in euro"),
        help_text=_("Tussen € 1 en € 1.000. Bijvoorbeeld 12,50."),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    name = PlainTextField(
        label=_("Je naam"),
        help_text=_("Zo staat je naam bij de donateurs. Laat leeg als je anoniem doneert."),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    is_anonymous = forms.BooleanField(label=_("Anoniem doneren"), required=False)
    show_amount = forms.BooleanField(
        label=_("Laat mijn bedrag zien bij de donateurs"), required=False
    )
    message = PlainTextField(
        label=_("Bericht voor het initiatief (niet verplicht)"),
        help_text=_("Iedereen kan dit lezen. Hoogstens 500 tekens."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Voor je betaalbewijs. We laten het aan niemand zien."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_amount_other(self) -> int | None:
        text = self.cleaned_data.get("amount_other", "")
        if not text:
            return None
        cents = parse_euro(text)
        if cents < MIN_CENTS:
            raise ValidationError(MESSAGES["amount_min"], code="amount_min")
        if cents > MAX_CENTS:
            raise ValidationError(MESSAGES["amount_max"], code="amount_max")
        return cents

    def clean(self):
        data = super().clean()
        # An empty name is anonymous too (the hint says so); the box wins over a name.
        if data.get("is_anonymous"):
            data["name"] = ""
        if "amount_other" in self.errors:
            return data
        preset, other = data.get("preset"), data.get("amount_other")
        if preset and preset != OTHER:
            data["amount_cents"] = int(preset)
        elif other is not None:
            data["amount_cents"] = other
        else:
            self.add_error(
                "amount_other",
                ValidationError(MESSAGES["amount_required"], code="amount_required"),
            )
        return data


class DoneerdoelForm(forms.Form):
    purpose = PlainTextField(
        label=_("Waar gaat het geld naartoe?"),
        help_text=_("Bijvoorbeeld: verf en kwasten voor de muurschildering."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    deadline = forms.DateField(
        label=_("Doneren kan tot en met (niet verplicht)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class RefundForm(forms.Form):
    amount = forms.CharField(
        label=_("Bedrag terugbetalen in euro"),
        help_text=_("Leeg laten: alles wat nog terug kan."),
        required=False,
        max_length=20,
    )

    def __init__(self, *args, refundable_cents: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.refundable_cents = refundable_cents

    def clean_amount(self) -> int:
        text = self.cleaned_data.get("amount", "")
        if not text:
            return self.refundable_cents
        try:
            cents = parse_euro(text)
        except ValidationError:
            raise ValidationError(MESSAGES["refund_amount"], code="refund_amount") from None
        if not 0 < cents <= self.refundable_cents:
            raise ValidationError(MESSAGES["refund_amount"], code="refund_amount")
        return cents
