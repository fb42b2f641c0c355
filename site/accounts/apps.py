from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class AccountsConfig(AppConfig):
    name = "buurtkracht.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default = True


class WagtailUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's user admin with forms for our e-mail-only User (see viewsets.py).

    Listed in INSTALLED_APPS instead of ``wagtail.users``.
    """

    default = False
    user_viewset = "buurtkracht.accounts.viewsets.UserViewSet"
