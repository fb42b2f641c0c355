"""Wagtail admin screens for accounts: users (e-mail login, no first/last name) and seats.

Wagtail's stock user forms ask for a first and last name, which our User does not
have. ``WagtailUsersConfig`` (in ``apps.py``) points Wagtail at ``UserViewSet`` below.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users import forms as wagtail_user_forms
from wagtail.users.views import users as wagtail_user_views

from buurtkracht.accounts.models import Membership, User
from buurtkracht.accounts.services import user_delete

USER_FIELDS = {"email", "display_name", "is_superuser", "groups"}


class UserCreationForm(wagtail_user_forms.UserCreationForm):
    first_name = None
    last_name = None

    class Meta(wagtail_user_forms.UserCreationForm.Meta):
        model = User
        fields = USER_FIELDS


class UserEditForm(wagtail_user_forms.UserEditForm):
    first_name = None
    last_name = None

    class Meta(wagtail_user_forms.UserEditForm.Meta):
        model = User
        fields = USER_FIELDS | {"is_active"}


class UserIndexView(wagtail_user_views.IndexView):
    search_fields = ["email", "display_name"]


class UserDeleteView(wagtail_user_views.DeleteView):
    def delete_action(self):
        # Through the service, so later apps' anonymisers run here too.
        user_delete(user=self.object, deleted_by=self.request.user)


class UserViewSet(wagtail_user_views.UserViewSet):
    index_view_class = UserIndexView
    delete_view_class = UserDeleteView
    create_template_name = "accounts/wagtail/user_create.html"
    edit_template_name = "accounts/wagtail/user_edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "role", "wijk", "buurt", "is_chair", "title"]


class MembershipViewSet(ModelViewSet):
    """Beheer gives out panel, regiegroep and professional seats here."""

    model = Membership
    icon = "group"
    menu_label = _("Lidmaatschappen")
    menu_order = 610
    add_to_settings_menu = True
    list_display = ["user", "role", "wijk", "buurt", "is_chair", "title"]
    list_filter = ["role", "wijk"]
    search_fields = ["user__email", "user__display_name", "title"]
    search_backend_name = None
    ordering = ["role", "wijk__name", "buurt__name"]
    form_fields = ["user", "role", "wijk", "buurt", "is_chair", "title"]
    inspect_view_enabled = False
