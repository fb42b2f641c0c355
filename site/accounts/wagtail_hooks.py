from django.urls import path
from django.views.generic import RedirectView
from wagtail import hooks

from buurtkracht.accounts.viewsets import MembershipViewSet


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


@hooks.register("register_admin_urls")
def register_legacy_user_add_url():
    # Wagtail 8 adds users at users/new/; links and habits still say users/add/.
    return [
        path(
            "users/add/",
            RedirectView.as_view(pattern_name="wagtailusers_users:add", query_string=True),
            name="accounts_wagtail_user_add_legacy",
        )
    ]
