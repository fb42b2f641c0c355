from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from buurtkracht.areas.queries import postcode_normalise

MESSAGES = {
    "postcode_ongeldig": _("Vul een postcode in zoals 1053 AB of alleen de cijfers, zoals 1053."),
}


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Je postcode"),
        max_length=10,
        help_text=_("Bijvoorbeeld 1053 AB"),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
    )

    def clean_postcode(self) -> str:
        code = postcode_normalise(self.cleaned_data["postcode"])
        if code is None:
            raise ValidationError(MESSAGES["postcode_ongeldig"], code="postcode_ongeldig")
        return self.cleaned_data["postcode"]
