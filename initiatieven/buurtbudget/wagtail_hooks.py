"""Admin: staff keep budgets, agendas and rounds, and look into applications and proposals.

Money only moves through the services: applications and proposals are decided by the
panel and the reviewer, never by editing them here, so they cannot be added and only
their texts and the report date can be corrected.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from buurtkracht.accounts import rules

from . import services
from .apps import EXPORT
from .messages import MESSAGES
from .models import Aanvraag, AgendaPunt, Budget, Ronde, Voorstel


class NoAddPolicy(ModelPermissionPolicy):
    """Change and view as usual; adding and deleting only through the site's own pages."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Aanvraag, NoAddPolicy(Aanvraag))
register_permission_policy(Voorstel, NoAddPolicy(Voorstel))


class BudgetForm(WagtailAdminModelForm):
    """Saves through ``budget_set``: the row is locked and the granted totals untouched."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Moving a budget to another buurt or year would move money already granted.
            for name in ("buurt", "year"):
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        amount, percent = data.get("amount"), data.get("small_percent")
        if self.instance.pk and amount is not None and percent is not None:
            current = Budget.objects.get(pk=self.instance.pk)
            check = Budget(amount=amount, small_percent=percent)
            if check.small_part < current.small_granted or check.regie_part < current.regie_granted:
                self.add_error("amount", MESSAGES["budget_te_laag"])
        return data

    def save(self, commit=True):
        try:
            self.instance = services.budget_set(
                buurt=self.cleaned_data["buurt"],
                year=self.cleaned_data["year"],
                amount=self.cleaned_data["amount"],
                small_percent=self.cleaned_data["small_percent"],
            )
        except ValidationError as error:
            # A grant between clean() and save(): say so rather than fail.
            self.add_error(None, error)
            raise
        return self.instance


class RefusalAsFormError:
    """Show a service's refusal during save as a form error, not as a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError:
            return self.form_invalid(form)


class BudgetCreateView(RefusalAsFormError, generic.CreateView):
    pass


class BudgetEditView(RefusalAsFormError, generic.EditView):
    pass


class BudgetViewSet(ModelViewSet):
    model = Budget
    add_view_class = BudgetCreateView
    edit_view_class = BudgetEditView
    icon = "tasks"
    menu_label = _("Budgetten")
    list_display = ["buurt", "year", "amount", "small_percent", "small_granted", "regie_granted"]
    list_filter = ["year", "buurt__wijk"]
    search_fields = ["buurt__name"]
    search_backend_name = None
    copy_view_enabled = False
    # The granted totals are kept by the services; BudgetForm saves through budget_set.
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("buurt"), FieldPanel("year")]),
            FieldRowPanel([FieldPanel("amount"), FieldPanel("small_percent")]),
        ],
        base_form_class=BudgetForm,
    )


class AgendaPuntViewSet(ModelViewSet):
    model = AgendaPunt
    icon = "list-ul"
    menu_label = _("Agendapunten")
    list_display = ["title", "kind", "buurt", "is_active"]
    list_filter = ["kind", "is_active", "buurt__wijk"]
    search_fields = ["title", "buurt__name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("buurt"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("is_active"),
    ]


class RondeViewSet(ModelViewSet):
    model = Ronde
    icon = "date"
    menu_label = _("Rondes")
    list_display = ["title", "wijk", "year", "opens_on", "closes_on", "max_amount", "quorum"]
    list_filter = ["year", "wijk"]
    search_fields = ["title"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("wijk"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldRowPanel([FieldPanel("max_amount"), FieldPanel("quorum")]),
    ]


class AanvraagViewSet(ModelViewSet):
    model = Aanvraag
    icon = "doc-full"
    menu_label = _("Aanvragen")
    list_display = ["initiatief", "buurt", "amount", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "wijk", "ronde"]
    search_fields = ["initiatief__title", "plan"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [FieldPanel("plan"), FieldPanel("expected_results"), FieldPanel("report_due_on")]


class VoorstelViewSet(ModelViewSet):
    model = Voorstel
    icon = "clipboard-list"
    menu_label = _("Voorstellen regiegroep")
    list_display = ["title", "buurt", "year", "amount", "status", "reviewed_at"]
    list_filter = ["status", "year", "buurt__wijk"]
    search_fields = ["title", "description"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [FieldPanel("title"), FieldPanel("description")]


class BuurtbudgetViewSetGroup(ModelViewSetGroup):
    menu_label = _("Buurtbudget")
    menu_icon = "tasks"
    menu_order = 260
    items = (BudgetViewSet, AgendaPuntViewSet, RondeViewSet, AanvraagViewSet, VoorstelViewSet)


@hooks.register("register_admin_viewset")
def register_buurtbudget_viewsets():
    return BuurtbudgetViewSetGroup()


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can(request.user, EXPORT)


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return ExportMenuItem(
        _("Buurtbudget exporteren"), reverse("buurtbudget:export"), icon_name="download", order=261
    )
