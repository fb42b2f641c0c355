from django import forms
from django.utils.translation import gettext_lazy as _

from buurtkracht.accounts.models import User
from buurtkracht.accounts.queries import wijk_choices
from buurtkracht.accounts.services import MESSAGES
from buurtkracht.core.sanitize import PlainTextField


class ProfileForm(forms.Form):
    display_name = PlainTextField(
        label=_("Naam op de site"),
        max_length=User._meta.get_field("display_name").max_length,
        required=False,
        help_text=_("Deze naam zien anderen bij wat je plaatst. Je e-mailadres blijft geheim."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    home_wijk = forms.ModelChoiceField(
        label=_("Mijn wijk"),
        queryset=wijk_choices(),
        required=False,
        empty_label=_("Kies je wijk"),
        help_text=_("Dan zie je eerst wat er in jouw wijk gebeurt."),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Je wachtwoord"),
        strip=False,
        help_text=_("Typ je wachtwoord om te laten zien dat jij het bent."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(MESSAGES["wrong_password"], code="wrong_password")
        return password
